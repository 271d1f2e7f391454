#!/usr/bin/python3
"""Writes goldens.json: inputs and scikit-learn's values for every metric of the metrics module.

The Java tests read the JSON, so CI never needs Python. Regenerate with
    /usr/bin/python3 testdata/metrics/make_goldens.py
(Debian: apt-get install python3-sklearn). The scikit-learn version used is recorded in the file.

Definitions follow dev.automl.metrics; where they are not a single scikit-learn call, the
function below says why (Azure AutoML's own conventions, or how an undefined value is reported).
NaN is written as JSON null.
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
import scipy.stats
import sklearn
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
)

warnings.simplefilter("ignore")  # undefined cases are expected here; they become NaN

CLASSIFICATION = [
    "accuracy", "AUC_weighted", "AUC_macro", "AUC_binary", "log_loss", "norm_macro_recall",
    "average_precision_score_weighted", "precision_score_weighted", "recall_score_weighted",
    "f1_score_weighted", "balanced_accuracy",
]
REGRESSION = [
    "r2_score", "normalized_root_mean_squared_error", "normalized_mean_absolute_error",
    "spearman_correlation", "root_mean_squared_error", "mean_absolute_error",
]


def nan_on_error(f):
    try:
        v = float(f())
    except ValueError:
        return math.nan
    return v if math.isfinite(v) else math.nan


def norm_macro_recall(y, proba, k, w):
    """Azure AutoML's norm_macro_recall (azureml-metrics _classification.NormMacroRecall with
    _scoring_utilities.class_averaged_score): with more than two classes, classes absent from y
    are dropped, predictions are the argmax over the remaining columns and R = 1/(classes left);
    with two classes R = 1/2. The score is max(0, (macro recall - R) / (1 - R)).
    Macro recall averages over the classes present in y (Azure's np.mean would give NaN and then
    0.0 through max(0.0, nan) for a binary fold with one class; we average over present classes)."""
    present = sorted(set(y.tolist()))
    if k > 2:
        cols = np.array(present)
        pred = cols[np.argmax(proba[:, cols], axis=1)]
        r = 1.0 / len(present)
    else:
        pred = np.argmax(proba, axis=1)
        r = 0.5
    if r == 1.0:
        return math.nan
    ww = np.ones(len(y)) if w is None else w
    recalls = [ww[(y == c) & (pred == c)].sum() / ww[y == c].sum() for c in present]
    return max(0.0, (float(np.mean(recalls)) - r) / (1 - r))


def classification_metrics(y, proba, k, w, positive):
    y = np.asarray(y)
    proba = np.asarray(proba, dtype=float)
    pred = np.argmax(proba, axis=1)  # lowest index on ties
    present = np.array(sorted(set(y.tolist())))
    onehot = np.eye(k)[y]
    out = {}
    out["accuracy"] = accuracy_score(y, pred, sample_weight=w)
    if k == 2:
        auc = nan_on_error(lambda: roc_auc_score(y, proba[:, 1], sample_weight=w))
        out["AUC_weighted"] = auc
        out["AUC_macro"] = auc
        out["AUC_binary"] = nan_on_error(
            lambda: roc_auc_score(y == positive, proba[:, positive], sample_weight=w))
    else:
        # one-vs-rest on the indicator matrix restricted to classes present in y, as Azure's
        # class_averaged_score does (sklearn would raise for an absent class)
        for name, avg in (("AUC_weighted", "weighted"), ("AUC_macro", "macro")):
            out[name] = nan_on_error(lambda: roc_auc_score(
                onehot[:, present], proba[:, present], average=avg, sample_weight=w))
    out["log_loss"] = log_loss(y, proba, labels=list(range(k)), sample_weight=w)
    out["norm_macro_recall"] = norm_macro_recall(y, proba, k, w)
    # one-hot truth with every class column (also for binary), absent classes dropped
    if len(present) == 1:
        c = present[0]
        ap = average_precision_score(onehot[:, c], proba[:, c], sample_weight=w)
    else:
        ap = average_precision_score(onehot[:, present], proba[:, present], average="weighted",
                                     sample_weight=w)
    out["average_precision_score_weighted"] = ap
    out["precision_score_weighted"] = precision_score(
        y, pred, average="weighted", sample_weight=w, zero_division=0)
    out["recall_score_weighted"] = recall_score(
        y, pred, average="weighted", sample_weight=w, zero_division=0)
    out["f1_score_weighted"] = f1_score(y, pred, average="weighted", sample_weight=w,
                                        zero_division=0)
    out["balanced_accuracy"] = balanced_accuracy_score(y, pred, sample_weight=w)
    return {m: out[m] for m in CLASSIFICATION if m in out}


def regression_metrics(y, pred, w, target_range):
    y = np.asarray(y, dtype=float)
    pred = np.asarray(pred, dtype=float)
    rmse = math.sqrt(mean_squared_error(y, pred, sample_weight=w))
    mae = mean_absolute_error(y, pred, sample_weight=w)
    out = {}
    # sklearn's default force_finite=True reports 1.0/0.0 for a constant y; we report NaN
    out["r2_score"] = (math.nan if np.all(y == y[0])
                       else r2_score(y, pred, sample_weight=w, force_finite=False))
    out["normalized_root_mean_squared_error"] = rmse / abs(target_range)
    out["normalized_mean_absolute_error"] = mae / abs(target_range)
    # unweighted, as Azure calls scipy.stats.spearmanr without weights
    out["spearman_correlation"] = nan_on_error(lambda: scipy.stats.spearmanr(y, pred)[0])
    out["root_mean_squared_error"] = rmse
    out["mean_absolute_error"] = mae
    return {m: out[m] for m in REGRESSION}


def random_proba(rng, n, k, concentration=1.0):
    return rng.dirichlet(np.full(k, concentration), size=n)


def informative_proba(rng, y, k, strength):
    """Probabilities that lean towards the truth, so scores are neither perfect nor random."""
    logits = rng.normal(size=(len(y), k))
    logits[np.arange(len(y)), y] += strength
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def classification_cases(rng):
    cases = []

    def add(name, y, proba, k, w=None, positive=1):
        y = np.asarray(y, dtype=int)
        proba = np.asarray(proba, dtype=float)
        cases.append({
            "name": name,
            "num_classes": k,
            "positive_class": positive,
            "y": y.tolist(),
            "proba": proba.ravel().tolist(),
            "weights": None if w is None else np.asarray(w, dtype=float).tolist(),
            "expected": classification_metrics(y, proba, k, w, positive),
        })

    y = rng.integers(0, 2, size=40)
    add("binary", y, informative_proba(rng, y, 2, 1.0), 2)

    y = rng.integers(0, 2, size=50)
    w = rng.uniform(0.1, 3.0, size=50)
    w[[3, 17]] = 0.0  # zero weights must not move any metric
    add("binary_weighted", y, informative_proba(rng, y, 2, 0.8), 2, w)

    y = (rng.uniform(size=80) < 0.08).astype(int)
    y[5] = 1
    add("binary_imbalanced", y, informative_proba(rng, y, 2, 1.5), 2)

    y = rng.integers(0, 2, size=60)
    p1 = np.round(informative_proba(rng, y, 2, 1.0)[:, 1], 1)  # few distinct scores: many ties
    add("binary_ties", y, np.column_stack([1 - p1, p1]), 2)

    y = rng.integers(0, 2, size=60)
    p1 = np.round(informative_proba(rng, y, 2, 1.0)[:, 1], 1)
    w = rng.choice([0.5, 1.0, 2.0], size=60)
    add("binary_ties_weighted", y, np.column_stack([1 - p1, p1]), 2, w)

    y = rng.integers(0, 2, size=30)
    add("binary_positive_class_0", y, informative_proba(rng, y, 2, 1.0), 2, positive=0)

    y = rng.integers(0, 2, size=20)
    add("binary_constant_predictions", y, np.tile([0.3, 0.7], (20, 1)), 2)

    y = rng.integers(0, 2, size=20)
    add("binary_constant_predictions_tie", y, np.tile([0.5, 0.5], (20, 1)), 2)

    y = np.ones(15, dtype=int)
    add("binary_single_class_in_y", y, informative_proba(rng, y, 2, 1.0), 2)

    y = rng.integers(0, 2, size=25)
    hard = np.eye(2)[y].copy()
    flip = [0, 4, 9]
    hard[flip] = 1 - hard[flip]  # confident mistakes: log_loss hits the eps clipping
    add("binary_hard_probabilities", y, hard, 2)

    y = rng.integers(0, 2, size=12)
    add("binary_perfect", y, np.eye(2)[y] * 0.8 + 0.1, 2)

    y = rng.integers(0, 3, size=50)
    add("multiclass3", y, informative_proba(rng, y, 3, 1.2), 3)

    y = rng.integers(0, 4, size=70)
    w = rng.uniform(0.2, 5.0, size=70)
    add("multiclass4_weighted", y, informative_proba(rng, y, 4, 1.0), 4, w)

    y = rng.choice(4, size=90, p=[0.7, 0.2, 0.07, 0.03])
    add("multiclass4_imbalanced", y, informative_proba(rng, y, 4, 1.5), 4)

    y = rng.integers(0, 4, size=60)
    levels = np.array([[0.25, 0.25, 0.25, 0.25], [0.4, 0.4, 0.1, 0.1], [0.1, 0.4, 0.4, 0.1],
                       [0.7, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.7], [0.1, 0.7, 0.1, 0.1],
                       [0.2, 0.2, 0.3, 0.3]])
    add("multiclass4_ties", y, levels[rng.integers(0, len(levels), size=60)], 4)

    y = rng.choice([0, 1, 3], size=45)  # class 2 never occurs but gets probability mass
    p = informative_proba(rng, y, 4, 1.0)
    p[::5, 2] += 2.0
    p /= p.sum(axis=1, keepdims=True)
    add("multiclass4_absent_class", y, p, 4)

    y = rng.choice([0, 2, 3], size=45)
    p = informative_proba(rng, y, 4, 1.0)
    p[::4, 1] += 2.0
    p /= p.sum(axis=1, keepdims=True)
    add("multiclass4_absent_class_weighted", y, p, 4, rng.uniform(0.5, 2.0, size=45))

    y = rng.integers(0, 3, size=24)
    add("multiclass3_constant_predictions", y, np.tile([0.2, 0.5, 0.3], (24, 1)), 3)

    y = rng.integers(0, 3, size=30)
    add("multiclass3_random", y, random_proba(rng, 30, 3), 3)

    y = rng.integers(0, 5, size=300)
    add("multiclass5_larger", y, informative_proba(rng, y, 5, 0.7), 5,
        rng.uniform(0.1, 2.0, size=300))
    return cases


def regression_cases(rng):
    cases = []

    def add(name, y, pred, w=None, target_range=None):
        y = np.asarray(y, dtype=float)
        pred = np.asarray(pred, dtype=float)
        if target_range is None:
            target_range = float(y.max() - y.min()) * 1.25 + 0.5  # the training fold's range
        cases.append({
            "name": name,
            "y": y.tolist(),
            "pred": pred.tolist(),
            "weights": None if w is None else np.asarray(w, dtype=float).tolist(),
            "target_range": target_range,
            "expected": regression_metrics(y, pred, w, target_range),
        })

    y = rng.normal(10, 3, size=40)
    add("regression", y, y + rng.normal(0, 1.5, size=40))

    y = rng.normal(-2, 5, size=50)
    w = rng.uniform(0.1, 4.0, size=50)
    w[7] = 0.0
    add("regression_weighted", y, y * 0.8 + rng.normal(0, 2, size=50), w)

    y = rng.integers(0, 6, size=45).astype(float)  # many ties in y and in predictions
    add("regression_ties", y, np.clip(y + rng.integers(-1, 2, size=45), 0, 5))

    y = rng.integers(0, 4, size=30).astype(float)
    add("regression_ties_weighted", y, np.round(y + rng.normal(0, 1, size=30)),
        rng.uniform(0.5, 2.0, size=30))

    y = rng.normal(0, 1, size=20)
    add("regression_constant_predictions", y, np.full(20, 0.3))

    add("regression_constant_y", np.full(15, 3.0), rng.normal(3, 1, size=15), target_range=2.0)

    y = rng.uniform(0, 100, size=25)
    add("regression_perfect", y, y.copy())

    y = rng.lognormal(0, 1, size=200)
    add("regression_larger", y, y * rng.uniform(0.7, 1.3, size=200), rng.uniform(0.1, 2.0, size=200))
    return cases


def to_json(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def main():
    rng = np.random.default_rng(20240611)
    doc = {
        "generator": "testdata/metrics/make_goldens.py",
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "nan": "null stands for NaN",
        "classification": classification_cases(rng),
        "regression": regression_cases(rng),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "goldens.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(to_json(doc), f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", path, "with sklearn", sklearn.__version__)


if __name__ == "__main__":
    main()
