"""Policy files: documented defaults, program overrides, and refusals that name the line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from policies import Action, PolicyContext, PolicyFileError, load_policy

MENTORBOT = str(Path(__file__).resolve().parents[2] / ".venv" / "bin" / "mentorbot")


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "program.yml"
    p.write_text(text, encoding="utf-8")
    return p


def test_program_file_overrides_defaults(tmp_path):
    p = write(tmp_path, """\
rules:
  language.profanity: {action: hold}
  contact.social: {on: false}
links:
  allowed_domains: [example.edu]
attachments: {allowed: true}
words:
  block: [frick]
  allow: [damn]
encoder:
  thresholds:
    contact: {on: false}   # the encoder's contact head would still hold "what's your snap"
""")
    pol = load_policy(p)
    ctx = PolicyContext()
    assert pol.evaluate("oh frick", ctx).action is Action.HOLD
    assert pol.evaluate("damn it", ctx).action is Action.ALLOW
    assert pol.evaluate("what's your snap", ctx).action is Action.ALLOW
    assert pol.evaluate("see https://www.example.edu/x", ctx).action is Action.ALLOW
    assert pol.evaluate("see https://khanacademy.org", ctx).action is Action.HOLD
    assert pol.evaluate("file", PolicyContext(attachment_count=2)).action is Action.ALLOW


@pytest.mark.parametrize("text, line, words", [
    ("rules:\n  contact.phone:\n    action: maybe\n", 3, "allow, hold or block"),
    ("rules:\n  contact.fax: {action: block}\n", 2, "unknown rule"),
    ("quiet_hours:\n  start: '25:00'\n", 2, "time like"),
    ("flood:\n  max_messages: -1\n", 2, "whole number"),
    ("colour: blue\n", 1, "unknown setting"),
    ("rules: [\n", 2, "not valid YAML"),
    ("rules:\n  contact.phone: {action: block}\n  contact.phone: {action: hold}\n", 3, "twice"),
    ("quiet_hours:\n  timezone: Mars/Olympus\n", 2, "unknown timezone"),
    ("words:\n  block: [heck]\n  allow: [heck]\n", None, "both blocked and allowed"),
    ("encoder:\n  on: maybe\n", 2, "true or false"),
    ("encoder:\n  thresholds:\n    grooming: {hold: 1.5}\n", 3, "number from 0.01 to 1"),
    ("encoder:\n  thresholds:\n    grooming:\n      hold: 0.6\n      flag: 0.8\n", 5,
     "must not be above its 'hold'"),
    ("encoder:\n  thresholds:\n    concern: {flag: 0.5}\n", 3, "unknown setting 'flag'"),
    ("encoder:\n  thresholds:\n    weather: {hold: 0.5}\n", 3, "unknown setting 'weather'"),
    ("encoder:\n  threshold: {}\n", 2, "unknown setting 'threshold'"),
    ("conversation:\n  window_days: 0\n", 2, "number from 1 to 365"),
    ("conversation:\n  min_messages: two\n", 2, "whole number"),
    ("rules:\n  contact.social:\n    notice: 5\n", 3, "'notice' of rule 'contact.social' must be text"),
    ("rules:\n  contact.social: {notice: ''}\n", 2, "'notice' of rule 'contact.social' must be text"),
    ("links:\n  allowed_domains: example.edu\n", 2, "(like [a, b]), not 'example.edu'"),
    ("links: 5\n", 1, "'links' must be a mapping of settings, not 5"),
])
def test_invalid_files_are_refused_with_line_and_reason(tmp_path, text, line, words):
    with pytest.raises(PolicyFileError) as exc:
        load_policy(write(tmp_path, text))
    assert exc.value.line == line
    assert words in str(exc.value)
    if line:
        assert f"line {line}" in str(exc.value)


def test_program_file_moves_encoder_thresholds(tmp_path):
    pol = load_policy(write(tmp_path, "encoder:\n  thresholds:\n    grooming: {hold: 0.95}\n"
                                      "    contact: {on: false}\n"))
    assert pol.encoder is not None
    assert pol.encoder.thresholds["grooming"]["hold"] == 0.95
    trained = pol.encoder.heads.heads["grooming"].thresholds
    assert pol.encoder.thresholds["grooming"]["flag"] == trained["flag"]
    text = pol.describe()
    assert "hold band from 0.95: held for review" in text and "flag band from" in text
    assert "encoder.contact: off" in text and "nothing shown to the student" in text
    off = load_policy(write(tmp_path, "encoder: {on: false}\n"))
    assert off.encoder is None and "Sentence encoder: off" in off.describe()


def test_program_file_moves_or_switches_off_the_alert_band(tmp_path):
    text = "things at home are kinda rough lately and i dont really sleep"
    moved = load_policy(write(tmp_path, "encoder:\n  thresholds:\n    concern: {hold: 1.0, alert: 0.01}\n"))
    d = moved.evaluate(text, PolicyContext())
    assert d.action is Action.ALLOW and d.alert and d.notice is None  # delivered, coordinator told
    encoder = [(h.rule, h.band) for h in d.hits if h.rule.startswith("encoder.")]
    assert encoder == [("encoder.concern", "alert")]
    off = load_policy(write(tmp_path, "encoder:\n  thresholds:\n    concern: {hold: 1.0, alert: false}\n"))
    assert off.encoder.thresholds["concern"]["alert"] > 1
    assert not any(h.rule == "encoder.concern" for h in off.evaluate(text, PolicyContext()).hits)
    assert "alert band: OFF (switched off by the program file)" in off.describe()
    with pytest.raises(PolicyFileError, match="or false to switch the alert band off"):
        load_policy(write(tmp_path, "encoder:\n  thresholds:\n    concern: {alert: true}\n"))
    firmer = load_policy(write(tmp_path, "encoder:\n  thresholds:\n    concern: {corroborate: 0.9}\n"))
    assert firmer.encoder.thresholds["concern"]["corroborate"] == 0.9
    assert "disclosure words are held from 0.9" in firmer.describe()


@pytest.mark.parametrize("head, moved, words", [
    ("concern", "corroborate: 0.1", "must not be below its trained 'alert' (0.772)"),  # was raised
    ("concern", "corroborate: 0.99", "must not be above its trained 'hold' (0.98)"),
    ("concern", "alert: 0.99", "must not be above its trained 'hold' (0.98)"),
    ("concern", "hold: 0.5", "must not be below its trained"),
    ("grooming", "hold: 0.5", "must not be below its trained 'flag' (0.8906)"),
    ("grooming", "backs: 0.99", "must not be above its trained 'hold' (0.9261)"),  # was clamped
])
@pytest.mark.parametrize("on", ["true", "false"])  # checked whether or not the encoder runs
def test_thresholds_are_checked_against_the_trained_ones(tmp_path, head, moved, words, on):
    p = write(tmp_path, f"encoder:\n  on: {on}\n  thresholds:\n    {head}:\n      {moved}\n")
    with pytest.raises(PolicyFileError) as exc:
        load_policy(p, rules_only=True)
    assert exc.value.line == 5 and words in str(exc.value) and "it may be from" in str(exc.value)
    assert str(exc.value).startswith(f"{p}, line 5: '{moved.split(':')[0]}' of '{head}'")


def test_thresholds_in_order_with_the_trained_ones_are_accepted(tmp_path):
    for text in ("concern: {alert: 0.95}",  # corroborate rises with the band (corroborate_at)
                 "concern: {alert: false, hold: 0.5}",  # no band: corroborate is not used
                 "concern: {corroborate: 0.9}", "grooming: {backs: 0.9}", "language: {hold: 0.01}"):
        load_policy(write(tmp_path, f"encoder:\n  thresholds:\n    {text}\n"), rules_only=True)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(PolicyFileError, match="not found"):
        load_policy(tmp_path / "nope.yml")


def test_describe_is_plain_language(policy):
    text = policy.describe()
    assert "Phone numbers" in text or "phone numbers" in text
    assert "Quiet hours: 21:00 to 07:00" in text
    assert "from a mentor: blocked, coordinator alerted" in text


def test_show_command(tmp_path):
    out = subprocess.run([MENTORBOT, "policy", "show"], capture_output=True, text=True, check=True)
    assert "contact.phone" in out.stdout
    assert "(runs on onnxruntime, " in out.stdout  # how the encoder's layers run, for the operator
    bad = write(tmp_path, "rules:\n  contact.phone: {action: nope}\n")
    res = subprocess.run([MENTORBOT, "policy", "show", "--policy", str(bad)],
                         capture_output=True, text=True)
    assert res.returncode == 2 and "line 2" in res.stderr
