#!/usr/bin/python3
"""Writes chart_goldens.json: inputs and expected values for the chart data of dev.automl.metrics.charts.

Each expected value is computed here with numpy, following azureml-metrics (azureml.automl.runtime.shared.score:
AccuracyTable, ConfusionMatrix, Residuals, PredictedTrue; azureml.training.tabular.preprocessing._dataset_binning:
make_dataset_bins) and scikit-learn's calibration_curve(strategy="uniform") as their documented behaviour reads;
it needs numpy only. Regenerate with
    /usr/bin/python3 testdata/metrics/make_chart_goldens.py
"""
import json
import math
import os

import numpy as np

rng = np.random.default_rng(17)


def confusion(y, proba, k, w):
    m = np.zeros((k, k))
    pred = np.argmax(proba, axis=1)
    for i in range(len(y)):
        m[y[i], pred[i]] += 1 if w is None else w[i]
    return m.tolist()


def accuracy_table(y, proba, k):
    prob_t = np.linspace(0, 1, 100)
    perc_t = np.percentile(proba.ravel(), prob_t * 100)

    def tables(thresholds):
        out = []
        for c in range(k):
            truth = (y == c).astype(int)
            if truth.sum() == 0:
                out.append(np.zeros((100, 4), dtype=int).tolist())
                continue
            rows = []
            for t in thresholds:
                under = truth[proba[:, c] < t]
                fn = int(under.sum())
                tn = under.shape[0] - fn
                rows.append([int(truth.sum()) - fn, len(y) - int(truth.sum()) - tn, tn, fn])
            out.append(rows)
        return out

    return {"probability_thresholds": prob_t.tolist(), "percentile_thresholds": perc_t.tolist(),
            "probability_tables": tables(prob_t), "percentile_tables": tables(perc_t)}


def calibration(y, proba, k):
    edges = np.linspace(0, 1, 11)
    counts, mean_pred, frac = [], [], []
    for c in range(k):
        p = proba[:, c]
        ids = np.searchsorted(edges[1:-1], p)
        n = np.bincount(ids, minlength=10)
        s = np.bincount(ids, weights=p, minlength=10)
        t = np.bincount(ids, weights=(y == c).astype(float), minlength=10)
        counts.append(n.tolist())
        mean_pred.append([float(s[b] / n[b]) if n[b] else None for b in range(10)])
        frac.append([float(t[b] / n[b]) if n[b] else None for b in range(10)])
    return {"bin_edges": edges.tolist(), "counts": counts, "mean_predicted": mean_pred, "fraction_positive": frac}


def round_edge(edge, width, direction="nearest"):
    mag = -1 * int(np.log10(width)) + 2
    if direction == "nearest":
        return float(np.around(edge, decimals=2 if width >= 1 else mag))
    f = np.ceil if direction == "up" else np.floor
    mult = 10.0 ** mag
    return float(np.around(f(edge * mult) / mult, decimals=mag))


def dataset_bins(n_valid, y):
    if np.unique(y).shape[0] == 1:
        return [float(y[0]), float(y[0])]
    first_end, last_start = np.percentile(y, [1, 99])
    if first_end == last_start:
        for cand in np.percentile(y, [1 / 2 ** i for i in range(32)] + [0], method="lower"):
            if cand != first_end:
                first_end = (first_end * 19 + cand) / 20
                break
        for cand in np.percentile(y, [100 - 1 / 2 ** i for i in range(32)] + [100], method="higher"):
            if cand != last_start:
                last_start = (last_start * 19 + cand) / 20
                break
        n_bins = 3
    else:
        n_bins = min(100, max(1, math.ceil(math.sqrt(n_valid))))
    inner = np.linspace(first_end, last_start, n_bins - 1)
    width = (last_start - first_end) / n_bins
    inner = [round_edge(e, width) for e in inner]
    edges = np.r_[round_edge(y.min(), width, "down"), inner, round_edge(y.max(), width, "up")]
    return np.unique(edges).tolist()


def predicted_true(y_true, y_pred, edges):
    edges = np.array(edges)
    ends = edges[1:]
    idx = np.digitize(y_true, ends, right=True)
    counts, means, errs = [], [], []
    for b in range(len(ends)):
        in_bin = y_pred[idx == b]
        counts.append(int(in_bin.shape[0]))
        means.append(float(in_bin.mean()) if in_bin.shape[0] else 0.0)
        errs.append(float(in_bin.std()) if in_bin.shape[0] else 0.0)
    return {"bin_edges": edges.tolist(), "bin_counts": counts, "bin_averages": means, "bin_errors": errs}


def residuals(y_true, y_pred, y_std):
    y_std = y_std if y_std != 0 else 1
    r = y_pred - y_true
    bound = abs(2 * y_std)
    places = int(max(2, -1 * np.log10(bound) + 3))
    bound = np.ceil(bound * 10 ** places) / 10 ** places
    size = bound / 9
    edges = np.linspace(-bound, bound, 9)
    dp = int(max(2, -1 * np.log10(size) + 3))
    edges = np.array([np.around(e, decimals=dp) for e in edges])
    counts, e = np.histogram(r, bins=np.r_[-np.inf, edges, np.inf])
    e = e.copy()
    e[0] = r.min() if r.min() < e[1] else e[1] - abs(e[2] - e[1])
    e[-1] = r.max() if r.max() >= e[-2] else e[-2] + abs(e[-2] - e[-3])
    return {"bin_edges": e.tolist(), "bin_counts": counts.tolist(), "mean": float(r.mean()),
            "stddev": float(r.std()), "res_count": int(len(r))}


def softmax_rows(n, k):
    z = rng.normal(size=(n, k))
    e = np.exp(z)
    return np.round(e / e.sum(axis=1, keepdims=True), 3)  # rounding makes ties at thresholds


def classification_case(name, y, proba, k, w=None):
    return {"name": name, "y": y.tolist(), "proba": proba.ravel().tolist(), "num_classes": k,
            "weights": None if w is None else w.tolist(),
            "confusion_matrix": confusion(y, proba, k, w), "accuracy_table": accuracy_table(y, proba, k),
            "calibration_curve": calibration(y, proba, k)}


def regression_case(name, y_all, y_true, y_pred):
    edges = dataset_bins(len(y_true), y_all)
    return {"name": name, "y_all": y_all.tolist(), "y_true": y_true.tolist(), "y_pred": y_pred.tolist(),
            "y_std": float(np.std(y_all)), "dataset_bins": edges,
            "predicted_true": predicted_true(y_true, y_pred, edges),
            "residuals": residuals(y_true, y_pred, float(np.std(y_all)))}


classification = []
y = rng.integers(0, 2, 40)
p = softmax_rows(40, 2)
classification.append(classification_case("binary_40", y, p, 2))
y = np.array([0, 2, 2, 0, 0, 2, 2, 0, 2, 0, 2, 2, 0, 0, 2, 0, 2, 2, 0, 0, 2, 0, 0, 2, 2])  # class 1 absent
p = softmax_rows(25, 3)
classification.append(classification_case("three_classes_one_absent_weighted", y, p, 3, rng.uniform(0.5, 2, 25)))
y = rng.integers(0, 4, 300)
p = softmax_rows(300, 4)
classification.append(classification_case("four_classes_300", y, p, 4))

regression = []
y_all = rng.normal(50, 10, 200)
y_true = y_all[:60]
regression.append(regression_case("normal_60_of_200", y_all, y_true, y_true + rng.normal(0, 4, 60)))
y_all = np.round(rng.lognormal(7, 1.2, 500), 0)  # wide range: bin widths above 1, edges rounded to tens
y_true = y_all[100:400]
regression.append(regression_case("lognormal_wide", y_all, y_true, y_true * rng.uniform(0.7, 1.3, 300)))
y_all = np.r_[np.zeros(300), rng.uniform(0.001, 0.01, 3)]  # 1st and 99th percentiles coincide
y_true = y_all[::3]
regression.append(regression_case("skewed_small", y_all, y_true, y_true + rng.normal(0, 0.001, len(y_true))))
y_all = np.full(30, 4.0)
regression.append(regression_case("constant", y_all, y_all[:10], np.linspace(3, 5, 10)))

out = {"numpy_version": np.__version__, "classification": classification, "regression": regression}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "chart_goldens.json")
with open(path, "w") as f:
    json.dump(out, f, allow_nan=False)
    f.write("\n")
print("wrote", path)
