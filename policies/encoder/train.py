"""Train the encoder heads on TRAIN rows, choose their thresholds on DEV rows, write heads.json.

    .venv/bin/python -m policies.encoder.train            # train, print dev figures, write
    .venv/bin/python -m policies.encoder.train --dry-run  # the same, writes nothing
    .venv/bin/python -m policies.encoder.train --data /work/traindata   # read training files there

Reproducible: the split is a hash of the text, the fit is deterministic Newton steps (no
random start), and embeddings are cached by text hash outside the repository. Runtime code
never imports this module (it needs only numpy, but it also runs the rules for the dev report).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from policies.encoder.dataset import CORPUS, REPO, TRAIN_DIR, load_rows
from policies.encoder.heads import CATEGORIES as HEADS
from policies.encoder.heads import HEADS_PATH
from policies.encoder.model_files import PINS, cache_dir, model_files

PINS_PATH = Path(__file__).resolve().parent / "pins.py"
GATE_FILES = {p.stem for p in CORPUS.glob("*.jsonl")}  # the regression sets tests/policies gates on
HIDDEN_UNITS, EPOCHS, SEED, LEARNING_RATE, WEIGHT_DECAY = 128, 40, 7, 3e-3, 1e-4
NEAR_MISS_WEIGHT = 3.0
SPANISH_WEIGHT = 2.0
# Which rows each head learns as positives, and which rows it must not learn as negatives
# (a look-alike category that the policy also stops: contact and off-platform overlap).
POSITIVE = {"grooming": {"grooming"}, "concern": {"concern"}, "contact": {"contact"},
            "offplatform": {"offplatform"}}
NOT_NEGATIVE = {"grooming": {"offplatform"}, "offplatform": {"grooming", "contact"},
                "contact": {"offplatform"}, "concern": set()}
# Which senders a head judges: disclosures come from students, grooming moves from mentors.
ROLES = {"grooming": {"mentor"}, "concern": {"student"}, "contact": {"student", "mentor"},
         "offplatform": {"student", "mentor"}}
# Dev-set false-positive budget per head, as a share of the ordinary dev rows it judges
# (ordinary rows the rules already stop do not count twice). The rules already stop ~0.8 % of
# ordinary DEV chat, so a hold or an alert from the encoder may add none; a grooming flag (not a
# stop: delivered, looked at later) may touch 2 % of a mentor's ordinary messages.
HOLD_FP = 0.0
LOW_FP = {"grooming": 0.02, "concern": 0.0}  # flag (not a stop) / alert (counts as an FP)
CONCERN_HOLD = 0.98  # holding a student's message needs more certainty than alerting


def embed(texts: list[str]) -> np.ndarray:
    """Embeddings of every text, cached on disk by the text's SHA-1 (outside the repository)."""
    from policies.encoder.minilm import MiniLM

    store = cache_dir() / f"train-embeddings-{PINS['model.safetensors'][:12]}.npz"
    cached: dict[str, np.ndarray] = {}
    if store.is_file():
        with np.load(store) as z:
            cached = dict(zip(z["keys"].tolist(), z["vecs"], strict=True))
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in cached}.items(),
                  key=lambda kt: len(kt[1]))
    if todo:
        files = model_files()
        model = MiniLM(files["model.safetensors"], files["tokenizer.json"])
        for i in range(0, len(todo), 32):
            chunk = todo[i:i + 32]
            for (k, _), v in zip(chunk, model.encode([t for _, t in chunk]), strict=True):
                cached[k] = v
        store.parent.mkdir(parents=True, exist_ok=True)
        np.savez(store, keys=np.array(list(cached)), vecs=np.stack(list(cached.values())))
    return np.stack([cached[k] for k in keys]).astype(np.float32)


def features(emb: np.ndarray, rows: list[dict]) -> np.ndarray:
    mentor = np.array([r.get("role") == "mentor" for r in rows], np.float32)
    return np.concatenate([emb, mentor[:, None]], axis=1)


def fit_heads(x: np.ndarray, rows: list[dict], hidden: int = HIDDEN_UNITS, epochs: int = EPOCHS,
              seed: int = SEED) -> dict[str, np.ndarray]:
    """One shared ReLU layer and a sigmoid output per head, trained jointly (class-balanced).

    A row a head must not learn as a negative (``NOT_NEGATIVE``) has weight 0 for that head.
    Mini-batch Adam with a fixed seed: the same data gives the same heads on the same machine.
    """
    names = list(HEADS)
    y = np.array([[r["category"] in POSITIVE[n] for n in names] for r in rows], np.float32)
    use = np.array([[r["category"] not in NOT_NEGATIVE[n] for n in names] for r in rows], np.float32)
    pos, neg = (y * use).sum(0), ((1 - y) * use).sum(0)
    sw = use * np.where(y > 0, len(rows) / (2 * pos), len(rows) / (2 * neg))
    # Near-miss ordinary chat (the regression sets' look-alikes, the near-miss files) is what
    # the heads most need to tell apart: it counts NEAR_MISS_WEIGHT times.
    hard = np.array([r["category"] == "ordinary" and _near_miss(r["source"]) for r in rows])
    sw[hard] *= NEAR_MISS_WEIGHT
    # The encoder is English-first: Spanish and Spanglish rows count double so the heads learn
    # where their (less tidy) embeddings fall (on DEV: Spanish contact 48 -> 62 %, concern 33 ->
    # 43 %, off-platform 66 -> 78 %, English unchanged or better, same false positives).
    spanish = np.array([r.get("lang") in ("es", "mix") for r in rows])
    sw[spanish] *= SPANISH_WEIGHT
    rng = np.random.default_rng(seed)
    d = x.shape[1]
    p = {"w1": rng.normal(0, 1 / np.sqrt(d), (d, hidden)).astype(np.float32),
         "b1": np.zeros(hidden, np.float32),
         "w2": rng.normal(0, 1 / np.sqrt(hidden), (hidden, len(names))).astype(np.float32),
         "b2": np.zeros(len(names), np.float32)}
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v2 = {k: np.zeros_like(v) for k, v in p.items()}
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(rows))
        for s in range(0, len(order), 128):
            b = order[s:s + 128]
            h = np.maximum(x[b] @ p["w1"] + p["b1"], 0)
            out = 1 / (1 + np.exp(-np.clip(h @ p["w2"] + p["b2"], -40, 40)))
            g = (out - y[b]) * sw[b] / len(b)
            gh = g @ p["w2"].T * (h > 0)
            grads = {"w2": h.T @ g + WEIGHT_DECAY * p["w2"], "b2": g.sum(0),
                     "w1": x[b].T @ gh + WEIGHT_DECAY * p["w1"], "b1": gh.sum(0)}
            step += 1
            for k, gk in grads.items():
                m[k] = 0.9 * m[k] + 0.1 * gk
                v2[k] = 0.999 * v2[k] + 0.001 * gk * gk
                m_hat, v_hat = m[k] / (1 - 0.9 ** step), v2[k] / (1 - 0.999 ** step)
                p[k] -= LEARNING_RATE * m_hat / (np.sqrt(v_hat) + 1e-8)
    return p


def calibrate(p: dict[str, np.ndarray], x: np.ndarray, rows: list[dict]) -> None:
    """Temperature-scale each head on the dev rows (in place) so its scores read as
    probabilities instead of piling up at 0.9999; the ranking, and so recall at a given
    false-positive rate, is unchanged."""
    z = np.maximum(x @ p["w1"] + p["b1"], 0) @ p["w2"] + p["b2"]
    for j, name in enumerate(HEADS):
        use = [i for i, r in enumerate(rows) if r["category"] not in NOT_NEGATIVE[name]]
        y = np.array([rows[i]["category"] in POSITIVE[name] for i in use], np.float64)
        zj = z[use, j].astype(np.float64)

        def loss(t: float, zj: np.ndarray = zj, y: np.ndarray = y) -> float:
            q = np.clip(1 / (1 + np.exp(-zj / t)), 1e-9, 1 - 1e-9)
            return float(-(y * np.log(q) + (1 - y) * np.log(1 - q)).mean())

        best = min(np.arange(1.0, 30.01, 0.25), key=loss)
        p["w2"][:, j] /= best
        p["b2"][j] /= best


def _near_miss(source: str) -> bool:
    return source in GATE_FILES or "nearmiss" in source or "_nm_" in source


def head_scores(p: dict[str, np.ndarray], x: np.ndarray) -> dict[str, np.ndarray]:
    z = np.maximum(x @ p["w1"] + p["b1"], 0) @ p["w2"] + p["b2"]
    return {n: 1 / (1 + np.exp(-np.clip(z[:, j], -40, 40))) for j, n in enumerate(HEADS)}


def _threshold(scores: np.ndarray, budget: float, floor: float) -> float:
    """The lowest threshold letting at most ``budget`` of these (ordinary) scores reach it."""
    if len(scores) == 0:
        return floor
    allowed = int(np.floor(budget * len(scores)))
    top = np.sort(scores)[::-1]
    edge = top[allowed] if allowed < len(top) else 0.0
    return float(max(floor, np.nextafter(np.float32(edge), np.float32(1.0)) + 1e-4))


def rules_verdicts(rows: list[dict]) -> list[tuple[str, bool]]:
    """(action, alerted) by the rules layer alone for each row."""
    from policies import PolicyContext, load_policy

    pol = load_policy(rules_only=True)
    out = []
    for r in rows:
        d = pol.evaluate(r["text"], PolicyContext(role=r.get("role", "student")))
        out.append((d.action.value, d.alert))
    return out


def choose_thresholds(name: str, dev_scores: np.ndarray, dev_rows: list[dict],
                      rules: list[tuple[str, bool]]) -> dict[str, float]:
    """Hold threshold (and flag/alert) from the dev ordinary rows this head judges.

    The dev rows of the regression files in tests/policies/corpus/ (near-miss look-alikes the
    policy must let through) may not be stopped or alerted at all; the other dev ordinary rows
    get a small budget (``HOLD_FP``, ``LOW_FP``).
    """
    gate, other = [], []
    for s, r, (act, al) in zip(dev_scores, dev_rows, rules, strict=True):
        if r["category"] == "ordinary" and r.get("role") in ROLES[name] and act == "allow" and not al:
            (gate if r["source"] in GATE_FILES else other).append(s)
    gate_a, other_a = np.array(gate), np.array(other)

    def pick(budget: float, floor: float) -> float:
        return max(_threshold(gate_a, 0.0, floor), _threshold(other_a, budget, floor))

    out = {"hold": pick(HOLD_FP, 0.5)}
    if name == "grooming":
        out["flag"] = min(out["hold"], _threshold(np.concatenate([gate_a, other_a]), LOW_FP["grooming"], 0.3))
    if name == "concern":
        out["alert"] = min(out["hold"], pick(LOW_FP["concern"], 0.3))
        # Holding needs more certainty than alerting: the student's message waits for a human.
        out["hold"] = max(out["hold"], CONCERN_HOLD)
    return out


def simulate(rows: list[dict], rules: list[tuple[str, bool]], scores: dict[str, np.ndarray],
             th: dict[str, dict[str, float]] | None) -> list[tuple[str, bool, bool]]:
    """(action, alert, flag) per row for rules + heads, as the engine combines them."""
    out = []
    for i, r in enumerate(rows):
        act, alert = rules[i]
        flag = False
        role = r.get("role", "student")
        for name in (th or {}):
            if role not in ROLES[name]:
                continue
            s, t = scores[name][i], th[name]
            if s >= t["hold"]:
                act = "hold" if act == "allow" else act
                alert = alert or name in ("grooming", "concern") or role == "mentor"
            elif name == "concern" and s >= t["alert"]:
                alert = True
            elif name == "grooming" and s >= t["flag"]:
                flag = True
            if name == "concern" and (s >= t["alert"]) and act == "block":
                act = "hold"  # a disclosure is never blocked
        out.append((act, alert, flag))
    return out


def caught(row: dict, verdict: tuple[str, bool, bool]) -> bool:
    act, alert, _ = verdict
    if row["category"] == "ordinary":
        return act == "allow" and not alert
    if row["category"] == "concern":
        return alert and act != "block"
    return act != "allow"


def report(title: str, rows: list[dict], verdicts: list[tuple[str, bool, bool]]) -> dict:
    """Print recall per category (FP for ordinary) split by language; return the table."""
    table: dict[str, dict[str, list[int]]] = {}
    for r, v in zip(rows, verdicts, strict=True):
        lang = r.get("lang") or "?"
        for key in (lang, "all"):
            cell = table.setdefault(r["category"], {}).setdefault(key, [0, 0])
            cell[0] += caught(r, v)
            cell[1] += 1
    print(f"\n{title}")
    langs = ["all", "en", "es", "mix", "?"]
    print(f"  {'category':12}" + "".join(f"{lg:>16}" for lg in langs))
    for cat in sorted(table):
        cells = []
        for lg in langs:
            ok, n = table[cat].get(lg, [0, 0])
            if not n:
                cells.append(f"{'–':>16}")
                continue
            val = (n - ok) / n if cat == "ordinary" else ok / n
            label = "FP " if cat == "ordinary" else ""
            cells.append(f"{label}{val:6.1%} ({ok if cat != 'ordinary' else n - ok}/{n})".rjust(16))
        print(f"  {cat:12}" + "".join(cells))
    return table


def _rounded(v: np.ndarray) -> list[float]:
    return [float(f"{float(a):.5g}") for a in v]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, action="append",
                    help=f"a folder of training .jsonl files (default: {TRAIN_DIR.relative_to(REPO)})")
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args()
    rows = load_rows(args.data)
    train = [r for r in rows if not r["dev"]]
    dev = [r for r in rows if r["dev"]]
    print(f"{len(rows)} distinct rows: {len(train)} train, {len(dev)} dev")
    x_train = features(embed([r["text"] for r in train]), train)
    x_dev = features(embed([r["text"] for r in dev]), dev)
    heads, th = {}, {}
    rules_dev = rules_verdicts(dev)
    p = fit_heads(x_train, train)
    calibrate(p, x_dev, dev)
    dev_scores = head_scores(p, x_dev)
    for j, name in enumerate(HEADS):
        th[name] = choose_thresholds(name, dev_scores[name], dev, rules_dev)
        heads[name] = {"w": _rounded(p["w2"][:, j]), "b": round(float(p["b2"][j]), 6),
                       "thresholds": {k: round(v, 4) for k, v in th[name].items()}}
        positives = sum(r["category"] in POSITIVE[name] for r in train)
        print(f"head {name:12} positives {positives:5}  thresholds {heads[name]['thresholds']}")
    report("DEV, rules only", dev, [(a, al, False) for a, al in rules_dev])
    table = report("DEV, rules + encoder", dev, simulate(dev, rules_dev, dev_scores, th))
    if args.dry_run:
        return
    doc = {"version": 1, "model_sha256": PINS["model.safetensors"],
           "features": "all-MiniLM-L6-v2 mean-pooled, L2-normalised (384) + sender is a mentor (1)",
           "roles": {k: sorted(v) for k, v in ROLES.items()},
           "trained_on": {"train_rows": len(train), "dev_rows": len(dev)},
           "dev": {cat: v["all"] for cat, v in table.items()}, "heads": heads,
           "hidden": {"w": [_rounded(row) for row in p["w1"]], "b": _rounded(p["b1"])}}
    raw = (json.dumps(doc, indent=None, separators=(",", ":"), sort_keys=True) + "\n").encode()
    HEADS_PATH.write_bytes(raw)
    PINS_PATH.write_text('"""SHA-256 of the committed heads.json (written by policies.encoder.train)."""\n\n'
                         f'HEADS_SHA256 = "{hashlib.sha256(raw).hexdigest()}"\n', encoding="utf-8")
    print(f"\nwrote {HEADS_PATH.relative_to(REPO)} ({len(raw):,} bytes) and {PINS_PATH.relative_to(REPO)}")


if __name__ == "__main__":
    main()
