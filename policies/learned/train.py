"""Train and evaluate the learned signal offline (needs numpy; the runtime never imports this).

    .venv/bin/python -m policies.learned.train evaluate   # honest figures, writes nothing
    .venv/bin/python -m policies.learned.train fit        # retrain on every file -> weights.json

Labels, one-vs-rest: ``grooming`` (corpus categories grooming and offplatform), ``contact`` and
``concern``; every other row (ordinary chat, language, links) is a negative. A logistic
regression per label is fitted with full-batch Adam on sparse features (below), then
weights below ``PRUNE`` are dropped. Each label's threshold is set on out-of-fold scores of the
training rows so that at most ``MAX_FP`` of the training ordinary messages pass it.
Every figure is computed with the pure-Python scorer below (``Scorer``: the dict of feature ->
weights a runtime would load) on the pruned weights. Nothing in the policy runtime imports this
module: the held-out figures fell short of the bar for shipping (docs/benchmarks-policy.md).
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

from policies.normalize import normalize

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "policies" / "corpus"
LABELS = ["grooming", "contact", "concern"]
LABEL_OF = {"grooming": 0, "offplatform": 0, "contact": 1, "concern": 2}
HELDOUT = ("heldout_v5", "heldout_v6")
MAX_FP = 0.003
PRUNE = 0.02
L2 = 1e-5
ITERS = 400
SEED = 7
WEIGHTS_PATH = Path(__file__).resolve().parent / "weights.json"  # written by `fit` only
# The rules as they were when each held-out file was first run (before its fixes).
FIRST_RUN = {"heldout_v5": "0668c48", "heldout_v6": "549e119"}

# -- features: words, word pairs, character 3-5-grams inside words (on the folded text) -------
# Feature strings never collide: a word is "=word", a pair "a b" (has a space), a character
# gram has neither "=" nor a space (words are marked "<word>").
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
MAX_WORD = 30  # longer tokens give character grams of their first 30 characters only
HEAD = TAIL = 4000  # a long message is read as its first and last 4,000 characters


def tokens(folded: str) -> list[str]:
    """Word tokens of the folded text, apostrophes dropped ("don't" -> "dont")."""
    if len(folded) > HEAD + TAIL:
        folded = folded[:HEAD] + " " + folded[-TAIL:]
    return [t.replace("'", "") for t in _TOKEN.findall(folded)]


def word_features(word: str) -> list[str]:
    g = "<" + word[:MAX_WORD] + ">"
    out = ["=" + word]
    for k in (3, 4, 5):
        out.extend(g[i:i + k] for i in range(len(g) - k + 1))
    return out


def message_features(folded: str) -> list[str]:
    """Every feature occurrence of a message."""
    toks = tokens(folded)
    out: list[str] = []
    for w in toks:
        out.extend(word_features(w))
    out.extend(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False))
    return out


class Scorer:
    """Pure-Python scores: bias + sum of the weights of every feature occurrence / sqrt(count).

    Word sums are cached, so a message costs one dict look-up per word and per word pair.
    """

    def __init__(self, *, bias: list[float], thresholds: dict[str, float],
                 features: dict[str, list[float]]) -> None:
        self.bias = tuple(bias)
        self.thresholds = thresholds
        self.w = {f: tuple(ws) for f, ws in features.items()}
        self._words: dict[str, tuple[float, ...]] = {}

    def __len__(self) -> int:
        return len(self.w)

    def _word(self, word: str) -> tuple[float, ...]:
        got = self._words.get(word)
        if got is None:
            feats = word_features(word)
            sums = [float(len(feats))] + [0.0] * len(LABELS)
            for f in feats:
                for i, x in enumerate(self.w.get(f, ()), 1):
                    sums[i] += x
            got = self._words[word] = tuple(sums)
        return got

    def scores(self, folded: str) -> list[float]:
        toks = tokens(folded)
        total = [0.0] * (len(LABELS) + 1)
        prev = None
        for t in toks:
            for i, x in enumerate(self._word(t)):
                total[i] += x
            if prev is not None:
                total[0] += 1.0
                for i, x in enumerate(self.w.get(f"{prev} {t}", ()), 1):
                    total[i] += x
            prev = t
        root = math.sqrt(total[0]) or 1.0
        return [b + s / root for b, s in zip(self.bias, total[1:], strict=False)]


def load_rows(names: list[str] | None = None) -> list[dict]:
    rows = []
    for p in sorted(CORPUS.glob("*.jsonl")):
        if names is not None and p.stem not in names:
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                r["file"] = p.stem
                r["feats"] = message_features(normalize(r["text"]).text)
                rows.append(r)
    return rows


def _targets(rows: list[dict]) -> np.ndarray:
    y = np.zeros((len(rows), len(LABELS)))
    for i, r in enumerate(rows):
        j = LABEL_OF.get(r["category"])
        if j is not None:
            y[i, j] = 1.0
    return y


def fit(rows: list[dict], thresholds: dict[str, float] | None = None) -> Scorer:
    """A pruned model trained on ``rows`` (thresholds left empty unless given)."""
    vocab: dict[str, int] = {}
    ri, ci, vals = [], [], []
    for i, r in enumerate(rows):
        counts: dict[int, int] = defaultdict(int)
        for f in r["feats"]:
            counts[vocab.setdefault(f, len(vocab))] += 1
        norm = 1.0 / math.sqrt(max(len(r["feats"]), 1))
        for j, c in counts.items():
            ri.append(i)
            ci.append(j)
            vals.append(c * norm)
    ri_a, ci_a, v_a = np.array(ri), np.array(ci), np.array(vals)
    n, d, k = len(rows), len(vocab), len(LABELS)
    y = _targets(rows)
    pos = y.sum(0)
    # Balanced classes: positives and negatives weigh the same in total.
    sw = np.where(y > 0, n / (2 * np.maximum(pos, 1)), n / (2 * np.maximum(n - pos, 1)))
    w = np.zeros((d, k))
    b = np.zeros(k)
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros(k), np.zeros(k)
    lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
    for t in range(1, ITERS + 1):
        z = np.zeros((n, k))
        for j in range(k):
            z[:, j] = np.bincount(ri_a, weights=v_a * w[ci_a, j], minlength=n)
        z += b
        p = 1.0 / (1.0 + np.exp(-z))
        g = (p - y) * sw / n
        gw = np.zeros((d, k))
        for j in range(k):
            gw[:, j] = np.bincount(ci_a, weights=v_a * g[ri_a, j], minlength=d)
        gw += L2 * w
        gb = g.sum(0)
        m_w = b1 * m_w + (1 - b1) * gw
        v_w = b2 * v_w + (1 - b2) * gw * gw
        m_b = b1 * m_b + (1 - b1) * gb
        v_b = b2 * v_b + (1 - b2) * gb * gb
        c1, c2 = 1 - b1 ** t, 1 - b2 ** t
        w -= lr * (m_w / c1) / (np.sqrt(v_w / c2) + eps)
        b -= lr * (m_b / c1) / (np.sqrt(v_b / c2) + eps)
    names = list(vocab)
    keep = np.abs(w).max(1) >= PRUNE
    feats = {names[i]: [round(float(x), 4) for x in w[i]] for i in np.nonzero(keep)[0]}
    return Scorer(bias=[round(float(x), 4) for x in b], thresholds=thresholds or {},
                  features=feats)


def score_rows(model: Scorer, rows: list[dict]) -> np.ndarray:
    return np.array([model.scores(normalize(r["text"]).text) for r in rows])


def _folds(rows: list[dict], n_folds: int, seed: int) -> list[int]:
    idx = list(range(len(rows)))
    random.Random(seed).shuffle(idx)
    fold = [0] * len(rows)
    for pos, i in enumerate(idx):
        fold[i] = pos % n_folds
    return fold


def oof_scores(rows: list[dict], n_folds: int = 5, seed: int = SEED) -> np.ndarray:
    """Out-of-fold scores: each row scored by a model that did not see it."""
    fold = _folds(rows, n_folds, seed)
    out = np.zeros((len(rows), len(LABELS)))
    for f in range(n_folds):
        train = [r for r, g in zip(rows, fold, strict=False) if g != f]
        test = [i for i, g in enumerate(fold) if g == f]
        out[test] = score_rows(fit(train), [rows[i] for i in test])
    return out


def choose_thresholds(rows: list[dict], scores: np.ndarray) -> dict[str, float]:
    """Per label: the lowest threshold that lets at most MAX_FP of ordinary rows through."""
    ordinary = np.array([r["category"] == "ordinary" for r in rows])
    out = {}
    for j, lab in enumerate(LABELS):
        s = np.sort(scores[ordinary, j])[::-1]
        allowed = int(math.floor(MAX_FP * len(s)))
        out[lab] = round(float(s[allowed]) + 1e-4, 4)
    return out


def trained(rows: list[dict]) -> Scorer:
    """Thresholds from out-of-fold scores of ``rows``, weights from all of ``rows``."""
    th = choose_thresholds(rows, oof_scores(rows))
    model = fit(rows, th)
    return model


def flags(model: Scorer, scores: np.ndarray) -> np.ndarray:
    th = np.array([model.thresholds[lab] for lab in LABELS])
    return scores >= th


def table(rows: list[dict], flagged: np.ndarray) -> dict[str, str]:
    """Classifier-alone figures: recall per category (a label fires), FP on ordinary rows."""
    hit, tot = defaultdict(int), defaultdict(int)
    for r, f in zip(rows, flagged, strict=False):
        tot[r["category"]] += 1
        hit[r["category"]] += bool(f.any())
    return {c: f"{hit[c] / tot[c]:.1%} ({hit[c]}/{tot[c]})" for c in sorted(tot)}


_DECIDE = """
import json, sys
from policies import PolicyContext, load_policy
p = load_policy()
rows = [json.loads(x) for x in sys.stdin.read().splitlines() if x.strip()]
ds = [p.evaluate(r["text"], PolicyContext(role=r.get("role", "student"))) for r in rows]
print(json.dumps([[d.action.value, d.alert] for d in ds]))
"""


def decisions_at(commit: str, rows: list[dict]) -> list[tuple[str, bool]]:
    """The rules' decisions as of ``commit`` (its policies/ tree, extracted read-only)."""
    tar = subprocess.run(["git", "archive", commit, "policies"], cwd=REPO, check=True,
                         capture_output=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
            tf.extractall(tmp, filter="data")
        out = subprocess.run([sys.executable, "-c", _DECIDE], cwd=tmp, check=True,
                             capture_output=True, text=True, env={"PYTHONPATH": tmp},
                             input="\n".join(json.dumps({"text": r["text"], "role": r.get("role")
                                                          or "student"}) for r in rows))
    return [tuple(x) for x in json.loads(out.stdout)]


def combined(rows: list[dict], flagged: np.ndarray, decided: list[tuple[str, bool]]) -> dict:
    """First-run rules alone vs rules + classifier (learned hits hold and alert; a concern hit
    caps the action at hold, as the concern rules do)."""
    ok0, ok1, tot = defaultdict(int), defaultdict(int), defaultdict(int)
    for r, f, (action, alert) in zip(rows, flagged, decided, strict=False):
        cat = r["category"]
        tot[cat] += 1
        if cat == "ordinary":
            a = action == "allow" and not alert
            b = a and not f.any()
        elif cat == "concern":
            a = alert and action != "block"
            b = a or bool(f[2]) or (bool(f.any()) and action != "block")
        else:
            a = action != "allow"
            b = a or bool(f.any())
        ok0[cat] += a
        ok1[cat] += b
    fmt = {}
    for c in sorted(tot):
        if c == "ordinary":
            fmt["FP"] = f"{tot[c] - ok0[c]}/{tot[c]} -> {tot[c] - ok1[c]}/{tot[c]}"
        else:
            fmt[c] = f"{ok0[c] / tot[c]:.1%} -> {ok1[c] / tot[c]:.1%} ({ok0[c]} -> {ok1[c]}/{tot[c]})"
    return fmt


MASKS = {"all labels": [True, True, True], "grooming+concern labels": [True, False, True]}


def evaluate() -> dict:
    rows = load_rows()
    train_rows = [r for r in rows if r["file"] not in HELDOUT]
    model = trained(train_rows)
    report: dict = {"thresholds (trained without v5/v6)": model.thresholds,
                    "features kept": len(model)}
    for f in HELDOUT:
        te = [r for r in rows if r["file"] == f]
        fl = flags(model, score_rows(model, te))
        decided = decisions_at(FIRST_RUN[f], te)
        for name, mask in MASKS.items():
            report[f"{f}, {name}: classifier alone"] = table(te, fl & np.array(mask))
            report[f"{f}, {name}: first-run rules ({FIRST_RUN[f]}) -> + classifier"] = \
                combined(te, fl & np.array(mask), decided)
    te = [r for r in rows if r["file"] in HELDOUT]
    fl = flags(model, score_rows(model, te))
    for name, mask in MASKS.items():
        report[f"v5+v6, {name}: classifier alone"] = table(te, fl & np.array(mask))
    # 5-fold CV over every file; thresholds chosen inside each training part (nested).
    fold = _folds(rows, 5, SEED + 1)
    flagged = np.zeros((len(rows), len(LABELS)), dtype=bool)
    for f in range(5):
        tr = [r for r, g in zip(rows, fold, strict=False) if g != f]
        idx = [i for i, g in enumerate(fold) if g == f]
        m = trained(tr)
        flagged[idx] = flags(m, score_rows(m, [rows[i] for i in idx]))
    for name, mask in MASKS.items():
        report[f"cv5 all files, {name}: classifier alone"] = table(rows, flagged & np.array(mask))
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["evaluate", "fit"])
    args = ap.parse_args()
    if args.what == "evaluate":
        json.dump(evaluate(), sys.stdout, indent=2)
        print()
        return
    rows = load_rows()
    model = trained(rows)
    s = score_rows(model, rows)
    doc = {"labels": LABELS, "bias": list(model.bias), "thresholds": model.thresholds,
           "meta": {"trained_on": sorted({r["file"] for r in rows}), "rows": len(rows),
                    "max_fp": MAX_FP, "prune": PRUNE, "l2": L2, "iters": ITERS},
           "features": {f: list(ws) for f, ws in sorted(model.w.items())}}
    WEIGHTS_PATH.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_PATH} ({WEIGHTS_PATH.stat().st_size / 1e6:.2f} MB, {len(model)} "
          f"features), thresholds {model.thresholds}")
    print("in-sample:", table(rows, flags(model, s)))


if __name__ == "__main__":
    main()
