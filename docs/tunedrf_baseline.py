"""A TunedRF-like baseline scored on the benchmark's own outer folds, for a paired comparison.

The AutoML Benchmark's published TunedRF scores come from its own ten splits; on a small dataset such as kc1
(211 rows per held-out tenth) the split alone moves a ten-fold mean AUC by about 0.01. This script scores
scikit-learn's random forest on exactly the held-out tenths that `automl benchmark` used, from the
`DIR/folds/NAME.csv` file it writes. As AMLB's TunedRF, it tunes max_features by inner cross-validation
(five folds, 500 trees, on the nine tenths) and refits with 2,000 trees. Binary classification, AUC.

    python3 docs/tunedrf_baseline.py DATA.csv TARGET DIR/folds/NAME.csv

Needs numpy, pandas and scikit-learn (Debian: apt-get install python3-sklearn python3-pandas).
"""
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score

path, target, folds_file = sys.argv[1], sys.argv[2], sys.argv[3]
df = pd.read_csv(path)
df = df[df[target].notna()].reset_index(drop=True)  # the folds file counts rows whose target is present
labels = df.pop(target).astype(str)
classes = sorted(labels.unique())
if len(classes) != 2:
    sys.exit(f"{target} has {len(classes)} classes; this baseline scores binary targets only")
y = (labels == classes[-1]).astype(int).values
X = pd.get_dummies(df, dummy_na=True).fillna(-1).values
folds = pd.read_csv(folds_file)
if len(folds) != len(y):
    sys.exit(f"{folds_file} has {len(folds)} rows; {path} has {len(y)} with a target")
fold = folds.sort_values("row")["fold"].values
p = X.shape[1]
candidates = sorted({max(1, round(np.sqrt(p)))} | {max(1, round(p * s)) for s in (0.1, 0.25, 0.5, 0.75, 1.0)})
scores = []
for f in sorted(set(fold)):
    train, test = fold != f, fold == f
    inner = StratifiedKFold(5, shuffle=True, random_state=0)
    cv = {mf: cross_val_score(RandomForestClassifier(n_estimators=500, max_features=mf, n_jobs=-1, random_state=0),
                              X[train], y[train], cv=inner, scoring="roc_auc").mean() for mf in candidates}
    best = max(cv, key=cv.get)
    rf = RandomForestClassifier(n_estimators=2000, max_features=best, n_jobs=-1, random_state=0).fit(X[train], y[train])
    scores.append(roc_auc_score(y[test], rf.predict_proba(X[test])[:, 1]))
    print(f"fold {f}: max_features {best}, inner AUC {cv[best]:.4f}, held-out AUC {scores[-1]:.4f}", flush=True)
print(f"mean of folds 0-2: {np.mean(scores[:3]):.4f}; of all {len(scores)}: {np.mean(scores):.4f}")
