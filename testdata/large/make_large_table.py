#!/usr/bin/python3
"""Generate a large synthetic binary-classification table with a known signal (issue 18).

    make_large_table.py --rows 3000000 --seed 0 --out testdata/large/out

writes, in OUT:

    train/train.csv, train/MLTable   the first ROWS - TEST rows
    test/test.csv,   test/MLTable    the last TEST rows (100,000, or 5 % of ROWS when that is fewer)
    job.yml                          an AutoML classification job on them (timeout_minutes: 10)
    signal.json                      the formula's constants, the label rates and the reference AUCs

Only numpy and the standard library are used. Rows are independent draws; with the same --rows,
--seed and --test-rows the files are identical byte for byte (each chunk of CHUNK rows draws from
numpy.random.default_rng([seed, chunk number])).

Columns (a header row; comma-separated; an empty cell is a missing value)

    num_a       float, 4 decimals, N(0, 1); 2 % missing
    num_b       float, 4 decimals, N(0, 1); 2 % missing
    score       float, uniform on [0, 100) rounded to 1 decimal (0.0 .. 100.0)
    amount      float, 2 decimals, lognormal: exp(N(3.5, 1.0)), heavy-tailed (median 33, max in the
                thousands; at least 0.01)
    visits      integer count, Poisson(2.5)
    balance     float, 4 decimals, N(0, 1); 2 % missing
    noise       float, 4 decimals, N(0, 1); no part in the label
    channel     categorical, 5 levels   c1..c5,    P(ck) proportional to 1 / k
    category    categorical, 50 levels  c1..c50,   P(ck) proportional to 1 / k
    merchant    categorical, 2000 levels c1..c2000, P(ck) proportional to 1 / k^1.1
    event_date  date YYYY-MM-DD, uniform over 2021-01-01 .. 2023-12-31 (1,095 days)
    member      yes / no, P(yes) = 0.3
    label       yes / no, the target (about 25 % yes)

The signal. With every value as written to the CSV (rounded), a missing num_a, num_b or balance
counted as 0, dow the day of the week (Monday 0 .. Sunday 6) and month 1..12 of event_date:

    logit =  B0                                     B0 = -3.10
           + 1.60 * num_a * num_b                   interaction
           + 1.60 * [score > 70]                    threshold
           + 1.30 * tanh(ln(amount) - 3.5)          saturating in the log of a heavy-tailed number
           + 0.20 * min(visits, 8)
           - 0.55 * balance^2                       U-shaped
           + CHANNEL[channel]                       CHANNEL = c1..c5: 0.0, 0.5, -0.3, 0.8, -0.6
           + CATEGORY[category]                     50 effects, N(0, 1.2) rounded to 2 decimals
           + MERCHANT[merchant]                     2000 effects, N(0, 0.8) rounded to 2 decimals
           + 1.10 * [dow >= 5]                      weekend
           + 0.60 * cos(2 pi (month - 1) / 12)      season: high in January, low in July
           + 0.60 * [member == yes]

    label = yes  when  logit + e > 0,  e ~ standard logistic   (so P(yes | row) = 1 / (1 + exp(-logit)))

CATEGORY and MERCHANT do not depend on --seed: they are drawn once from numpy.random.default_rng(18)
(first the 50, then the 2000, each rounded to 2 decimals) and are listed in signal.json. --seed changes
the rows only.

Since the label's probability is a function of the written row alone, the AUC of the true logit on
the test rows is the Bayes-optimal reference: no model can expect to beat it. The script prints it,
and the AUC of a plain logistic regression (numpy Newton steps on at most 100,000 training rows:
the numbers mean-imputed with a missing indicator, channel and category one-hot, merchant left out,
the date as year, month, day of the month and day of the week as numbers, member 0/1), as a
reference for a linear model.
"""

import argparse
import json
import math
import os
import sys
import time

import numpy as np

CHUNK = 250_000
EFFECT_SEED = 18
B0 = -3.10
CHANNEL = np.array([0.0, 0.5, -0.3, 0.8, -0.6])
DATE_START = np.datetime64("2021-01-01")
DATE_DAYS = 1095  # 2021-01-01 .. 2023-12-31
MISSING_RATE = 0.02
LINEAR_ROWS = 100_000

HEADER = ["num_a", "num_b", "score", "amount", "visits", "balance", "noise",
          "channel", "category", "merchant", "event_date", "member", "label"]

MLTABLE = ('paths:\n  - file: ./{name}\ntransformations:\n  - read_delimited:\n'
           '      delimiter: ","\n      encoding: utf8\n')

JOB = """# Issue 18: a generated {rows:,}-row table (testdata/large/make_large_table.py --rows {rows} --seed {seed}).
type: automl
task: classification
training_data: {{path: ./train, type: mltable}}
test_data: {{path: ./test, type: mltable}}
target_column_name: label
primary_metric: AUC_weighted
limits:
  timeout_minutes: 10
  max_concurrent_trials: 1
"""


def effects():
    rng = np.random.default_rng(EFFECT_SEED)
    category = np.round(rng.normal(0.0, 1.2, 50), 2)
    merchant = np.round(rng.normal(0.0, 0.8, 2000), 2)
    return category, merchant


def zipf(k, s):
    w = 1.0 / np.arange(1, k + 1) ** s
    return w / w.sum()


P_CHANNEL, P_CATEGORY, P_MERCHANT = zipf(5, 1.0), zipf(50, 1.0), zipf(2000, 1.1)
NAMES_CHANNEL = np.array(["c%d" % (i + 1) for i in range(5)])
NAMES_CATEGORY = np.array(["c%d" % (i + 1) for i in range(50)])
NAMES_MERCHANT = np.array(["c%d" % (i + 1) for i in range(2000)])
DATES = np.datetime_as_string(DATE_START + np.arange(DATE_DAYS), unit="D")
# 1970-01-01 was a Thursday (3 when Monday is 0)
DOW = (DATE_START.astype("datetime64[D]").astype(np.int64) + np.arange(DATE_DAYS) + 3) % 7
MONTH = (DATE_START + np.arange(DATE_DAYS)).astype("datetime64[M]").astype(np.int64) % 12 + 1
YEAR = (DATE_START + np.arange(DATE_DAYS)).astype("datetime64[Y]").astype(np.int64) + 1970
DAY = ((DATE_START + np.arange(DATE_DAYS)) - (DATE_START + np.arange(DATE_DAYS)).astype("datetime64[M]")).astype(np.int64) + 1
YES_NO = np.array(["no", "yes"])


def draw(rng, n):
    """One chunk of n rows: the columns as numbers (missing as NaN), the true logit and the label."""
    c = {}
    c["num_a"] = np.round(rng.standard_normal(n), 4)
    c["num_b"] = np.round(rng.standard_normal(n), 4)
    c["score"] = np.round(rng.uniform(0.0, 100.0, n), 1)
    c["amount"] = np.round(np.exp(rng.normal(3.5, 1.0, n)), 2)
    c["visits"] = rng.poisson(2.5, n)
    c["balance"] = np.round(rng.standard_normal(n), 4)
    c["noise"] = np.round(rng.standard_normal(n), 4)
    c["channel"] = rng.choice(5, n, p=P_CHANNEL)
    c["category"] = rng.choice(50, n, p=P_CATEGORY)
    c["merchant"] = rng.choice(2000, n, p=P_MERCHANT)
    c["event_date"] = rng.integers(0, DATE_DAYS, n)
    c["member"] = (rng.random(n) < 0.3).astype(np.int64)
    for name in ("num_a", "num_b", "balance"):
        c[name][rng.random(n) < MISSING_RATE] = np.nan
    c["amount"] = np.maximum(c["amount"], 0.01)  # never 0 after rounding, so ln is defined
    logit = true_logit(c)
    c["label"] = (logit + rng.logistic(0.0, 1.0, n) > 0).astype(np.int64)
    return c, logit


CATEGORY, MERCHANT = effects()


def true_logit(c):
    a, b, bal = (np.nan_to_num(c[k], nan=0.0) for k in ("num_a", "num_b", "balance"))
    d = c["event_date"]
    return (B0
            + 1.60 * a * b
            + 1.60 * (c["score"] > 70)
            + 1.30 * np.tanh(np.log(c["amount"]) - 3.5)
            + 0.20 * np.minimum(c["visits"], 8)
            - 0.55 * bal ** 2
            + CHANNEL[c["channel"]]
            + CATEGORY[c["category"]]
            + MERCHANT[c["merchant"]]
            + 1.10 * (DOW[d] >= 5)
            + 0.60 * np.cos(2 * np.pi * (MONTH[d] - 1) / 12)
            + 0.60 * c["member"])


def floats(x, missing=True):
    s = (x + 0.0).astype(str)  # + 0.0 turns -0.0 into 0.0
    if missing:
        s[np.isnan(x)] = ""
    return s.tolist()


def lines(c, lo, hi):
    cols = [floats(c["num_a"][lo:hi]), floats(c["num_b"][lo:hi]), floats(c["score"][lo:hi], False),
            floats(c["amount"][lo:hi], False), c["visits"][lo:hi].astype(str).tolist(),
            floats(c["balance"][lo:hi]), floats(c["noise"][lo:hi], False),
            NAMES_CHANNEL[c["channel"][lo:hi]].tolist(), NAMES_CATEGORY[c["category"][lo:hi]].tolist(),
            NAMES_MERCHANT[c["merchant"][lo:hi]].tolist(), DATES[c["event_date"][lo:hi]].tolist(),
            YES_NO[c["member"][lo:hi]].tolist(), YES_NO[c["label"][lo:hi]].tolist()]
    return "\n".join(map(",".join, zip(*cols))) + "\n"


def auc(score, y):
    """Area under the ROC curve by the Mann-Whitney rank sum, ties given their average rank."""
    y = np.asarray(y).astype(bool)
    order = np.argsort(score, kind="mergesort")
    s = np.asarray(score)[order]
    ranks = np.empty(len(s))
    starts = np.r_[0, np.flatnonzero(np.diff(s)) + 1]
    ends = np.r_[starts[1:], len(s)]
    ranks[order] = np.repeat((starts + ends + 1) / 2.0, ends - starts)
    pos = y.sum()
    neg = len(y) - pos
    if pos == 0 or neg == 0:
        return float("nan")
    return float((ranks[y].sum() - pos * (pos + 1) / 2.0) / (pos * neg))


def linear_design(c, means=None):
    """The plain logistic regression's features (see the docstring)."""
    cols = []
    if means is None:
        means = {k: float(np.nanmean(c[k])) for k in ("num_a", "num_b", "balance")}
    for k in ("num_a", "num_b", "score", "amount", "visits", "balance", "noise"):
        x = c[k].astype(float)
        if k in means:
            miss = np.isnan(x)
            cols.append(np.where(miss, means[k], x))
            cols.append(miss.astype(float))
        else:
            cols.append(x)
    d = c["event_date"]
    cols += [YEAR[d].astype(float), MONTH[d].astype(float), DAY[d].astype(float), DOW[d].astype(float),
             c["member"].astype(float)]
    cols += [(c["channel"] == i).astype(float) for i in range(1, 5)]
    cols += [(c["category"] == i).astype(float) for i in range(1, 50)]
    X = np.column_stack(cols)
    return X, means


def fit_logistic(X, y, iterations=25, ridge=1e-4):
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd == 0] = 1.0
    Z = np.column_stack([np.ones(len(X)), (X - mu) / sd])
    w = np.zeros(Z.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(Z @ w)))
        g = Z.T @ (p - y) + ridge * w
        H = (Z * (p * (1 - p))[:, None]).T @ Z + ridge * np.eye(len(w))
        step = np.linalg.solve(H, g)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return lambda X2: np.column_stack([np.ones(len(X2)), (X2 - mu) / sd]) @ w


def take(c, lo, hi):
    return {k: v[lo:hi] for k, v in c.items()}


def concat(parts):
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]} if parts else None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=3_000_000, help="all rows, training and test (default 3,000,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True, help="folder to write (created; files in it are overwritten)")
    ap.add_argument("--test-rows", type=int, default=None,
                    help="rows held out as test.csv (default: 100,000, or 5 %% of --rows when that is fewer)")
    args = ap.parse_args(argv)
    if args.rows < 40:
        ap.error("--rows must be at least 40")
    n_test = args.test_rows if args.test_rows is not None else min(100_000, max(20, round(0.05 * args.rows)))
    if not 0 < n_test < args.rows:
        ap.error("--test-rows must be between 1 and --rows - 1")
    n_train = args.rows - n_test

    t0 = time.time()
    out = args.out
    os.makedirs(os.path.join(out, "train"), exist_ok=True)
    os.makedirs(os.path.join(out, "test"), exist_ok=True)
    with open(os.path.join(out, "train", "MLTable"), "w", encoding="utf-8", newline="\n") as f:
        f.write(MLTABLE.format(name="train.csv"))
    with open(os.path.join(out, "test", "MLTable"), "w", encoding="utf-8", newline="\n") as f:
        f.write(MLTABLE.format(name="test.csv"))
    with open(os.path.join(out, "job.yml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(JOB.format(rows=args.rows, seed=args.seed))

    header = ",".join(HEADER) + "\n"
    train_f = open(os.path.join(out, "train", "train.csv"), "w", encoding="utf-8", newline="\n")
    test_f = open(os.path.join(out, "test", "test.csv"), "w", encoding="utf-8", newline="\n")
    train_f.write(header)
    test_f.write(header)
    positives = {"train": 0, "test": 0}
    linear_parts, test_parts, test_logits = [], [], []
    kept_linear = 0
    done = 0
    chunk_no = 0
    while done < args.rows:
        n = min(CHUNK, args.rows - done)
        c, logit = draw(np.random.default_rng([args.seed, chunk_no]), n)
        split = max(0, min(n, n_train - done))  # rows [0, split) of this chunk are training rows
        if split > 0:
            train_f.write(lines(c, 0, split))
            positives["train"] += int(c["label"][:split].sum())
            if kept_linear < LINEAR_ROWS:
                k = min(split, LINEAR_ROWS - kept_linear)
                linear_parts.append(take(c, 0, k))
                kept_linear += k
        if split < n:
            test_f.write(lines(c, split, n))
            positives["test"] += int(c["label"][split:].sum())
            test_parts.append(take(c, split, n))
            test_logits.append(logit[split:])
        done += n
        chunk_no += 1
        print("  %d / %d rows, %.1f s" % (done, args.rows, time.time() - t0), file=sys.stderr)
    train_f.close()
    test_f.close()
    t_write = time.time() - t0

    test = concat(test_parts)
    bayes = auc(np.concatenate(test_logits), test["label"])
    lin = concat(linear_parts)
    X, means = linear_design(lin)
    predict = fit_logistic(X, lin["label"].astype(float))
    Xt, _ = linear_design(test, means)
    linear = auc(predict(Xt), test["label"])

    summary = {
        "rows": args.rows, "seed": args.seed, "train_rows": n_train, "test_rows": n_test, "chunk": CHUNK,
        "label_rate_train": positives["train"] / n_train, "label_rate_test": positives["test"] / n_test,
        "reference_auc_true_logit_test": bayes, "reference_auc_linear_test": linear,
        "linear_training_rows": kept_linear,
        "seconds_to_write": round(t_write, 2), "seconds_total": round(time.time() - t0, 2),
        "formula": {"B0": B0, "num_a*num_b": 1.6, "[score>70]": 1.6, "tanh(ln(amount)-3.5)": 1.3,
                    "min(visits,8)": 0.2, "balance^2": -0.55, "weekend": 1.1,
                    "cos(2pi(month-1)/12)": 0.6, "member==yes": 0.6, "missing counted as": 0.0,
                    "channel": {n: float(v) for n, v in zip(NAMES_CHANNEL.tolist(), CHANNEL)},
                    "category": {n: float(v) for n, v in zip(NAMES_CATEGORY.tolist(), CATEGORY)},
                    "merchant": {n: float(v) for n, v in zip(NAMES_MERCHANT.tolist(), MERCHANT)}},
    }
    with open(os.path.join(out, "signal.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(summary, f, indent=1)
        f.write("\n")
    print("wrote %s: %d training rows (train/train.csv), %d test rows (test/test.csv), job.yml, signal.json"
          % (out, n_train, n_test))
    print("label rate (yes): train %.4f, test %.4f" % (summary["label_rate_train"], summary["label_rate_test"]))
    print("reference AUC on the test rows: true logit (Bayes-optimal) %.4f; plain logistic regression %.4f"
          % (bayes, linear))
    print("seconds: %.1f writing, %.1f in all" % (t_write, summary["seconds_total"]))


if __name__ == "__main__":
    main()
