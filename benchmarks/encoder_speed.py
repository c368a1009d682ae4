"""The encoder layer's figures for benchmarks/policy_speed.py (run that script, not this one)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MENTORBOT = REPO / ".venv" / "bin" / "mentorbot"

# A fresh process: imports + model files checked (SHA-256) + weights mapped + heads loaded; then
# the modules of the process being measured (argv[2]): "policy" (none more: the policy's own
# process, as `mentorbot policy check` has it), the bot's core ("core"), or the core with the desk and the
# Slack adapter ("run": a `mentorbot run` serving Slack); then 300 messages.
_LOAD = """
import json, resource, sys, time
t0 = time.perf_counter()
from policies import PolicyContext, load_policy
p = load_policy()
load = time.perf_counter() - t0
def rss():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
after_load = rss()
if sys.argv[2] in ("core", "run"):
    import bot.app, bot.relay
if sys.argv[2] == "run":
    import bot.web, adapters.slack.adapter
rows = [json.loads(l) for l in open(sys.argv[1])]
for r in rows:
    p.evaluate(r["text"], PolicyContext(role=r.get("role", "student")))
print(json.dumps({"load": load, "rss_load": after_load, "rss": rss(),
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _pct(xs: list[float], q: float) -> float:
    return sorted(xs)[min(len(xs) - 1, int(q * len(xs)))]


def _fresh_process(rows: list[dict], modules: str = "core") -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write("".join(json.dumps(r) + "\n" for r in rows))
    try:
        out = subprocess.run([sys.executable, "-c", _LOAD, f.name, modules], cwd=REPO, capture_output=True,
                             text=True, check=True, timeout=600)
    finally:
        os.unlink(f.name)
    return json.loads(out.stdout)


def _cli_seconds(lines: list[str], *args: str) -> float:
    data = "".join(lines).encode()
    t0 = time.perf_counter()
    subprocess.run([str(MENTORBOT), "policy", "check", "--jsonl", *args], input=data,
                   capture_output=True, check=True, timeout=900)
    return time.perf_counter() - t0


def _engine_seconds(lines: list[str], rules_only: bool) -> float:
    """The engine alone on the same lines, in process (a fresh policy: no embedding cache)."""
    from policies import PolicyContext, load_policy

    policy = load_policy(rules_only=rules_only)
    rows = [json.loads(line) for line in lines]
    t0 = time.perf_counter()
    for r in rows:
        policy.evaluate(r["text"], PolicyContext(role=r["role"]))
    return (time.perf_counter() - t0) / len(rows)


def cli_marginal(rows: list[dict]) -> None:
    """Per-line cost of the --jsonl path: (time for N lines - time for n lines) / (N - n), next to
    the engine's per-message cost on the same lines. The rules-only run repeats the lines to
    20,000 so the command's start-up wobble (±0.3 s) does not swamp a 50 µs figure; the encoder
    run uses distinct lines only (repeats would be answered from its cache)."""
    lines = [json.dumps({"text": r["text"], "role": r.get("role", "student")}) + "\n" for r in rows]
    for label, args, big in (("rules only", ("--rules-only",), (lines * 20)[:20_100]),
                             ("rules + encoder", (), lines[:1100])):
        small = big[:100]
        engine = _engine_seconds(big[100:], rules_only=bool(args))
        marginal = min((_cli_seconds(big, *args) - _cli_seconds(small, *args)) / (len(big) - len(small))
                       for _ in range(2))
        print(f"policy check --jsonl, {label:16s}: {marginal * 1e6:8.0f} µs/line marginal; engine "
              f"{engine * 1e6:8.0f} µs/message; ratio {marginal / engine:.2f}")


def encoder_figures(corpus: list[dict]) -> None:
    from policies import PolicyContext, load_policy

    policy = load_policy()
    model = policy.encoder.model
    print(f"\nENCODER LAYER ({model.backend}, {model.threads} thread(s); messages it has not seen, "
          "no embedding cache)")
    texts = list(dict.fromkeys(r["text"] for r in corpus))
    fresh = _fresh_process(corpus[:300])
    alone, run = (_fresh_process(corpus[:300], m)["rss"] for m in ("policy", "run"))
    print(f"policy load in a fresh process: {fresh['load'] * 1000:.0f} ms (imports, SHA-256 of the "
          f"weights, heads); RSS after load {fresh['rss_load']:.0f} MB; after 300 messages: "
          f"{alone:.0f} MB in the policy's own process, {fresh['rss']:.0f} MB with the bot's core "
          f"modules, {run:.0f} MB with the desk and the Slack adapter too (a `mentorbot run`'s "
          f"modules); peak {fresh['peak']:.0f} MB")
    sample = [t for t in texts if 20 <= len(t) <= 200][:400]
    pieces = [len(p) for p in model.pieces(sample)]
    model.encode(sample[:5])
    one = []
    for t in sample:
        t0 = time.perf_counter()
        model.encode([t])
        one.append(time.perf_counter() - t0)
    print(f"encoder, one message at a time ({len(sample)} chat messages, median "
          f"{statistics.median(pieces):.0f} word pieces): p50 {_pct(one, .5) * 1e3:.1f} ms, "
          f"p95 {_pct(one, .95) * 1e3:.1f} ms, p99 {_pct(one, .99) * 1e3:.1f} ms")
    t0 = time.perf_counter()
    policy.encoder._cache.clear()
    policy.prime(sample)
    batched = (time.perf_counter() - t0) / len(sample)
    print(f"encoder, batched by length (16 a batch): {batched * 1e3:.1f} ms/message, "
          f"{1 / batched:,.0f} messages/s")
    ctx = {t: PolicyContext(role="student") for t in sample}
    full = []
    for t in sample:
        policy.encoder._cache.clear()
        t0 = time.perf_counter()
        policy.evaluate(t, ctx[t])
        full.append(time.perf_counter() - t0)
    rules = load_policy(rules_only=True)
    t0 = time.perf_counter()
    for t in sample:
        rules.evaluate(t, ctx[t])
    rules_each = (time.perf_counter() - t0) / len(sample)
    print(f"whole policy (rules + encoder) per new message: p50 {_pct(full, .5) * 1e3:.1f} ms, "
          f"p95 {_pct(full, .95) * 1e3:.1f} ms; rules alone {rules_each * 1e6:.0f} µs")
    cli_marginal([{"text": t} for t in texts if len(t) < 300][:1100])
