"""The encoder's language head: insults and harassment the rules do not know, never a disclosure."""

from __future__ import annotations

import numpy as np
import pytest

from policies import Action, PolicyContext, PolicyFileError, load_policy
from policies.encoder.dataset import load_rows
from policies.encoder.layer import EncoderLayer
from support.encoder_helpers import around, unruled

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")


def test_an_insult_the_rules_let_through_is_held_with_a_respectful_notice():
    text = unruled("student", "ur honestly the slowest person in this whole group, nobody wants u here",
                    "nadie te soporta en el grupo, mejor ni vengas", "bro ur presentation was mid")
    pol = load_policy()
    pol.encoder = around(text, "student", language={"hold": -0.001})
    d = pol.evaluate(text, STUDENT)
    assert d.action is Action.HOLD and "encoder.language" in d.rules
    assert "respectful" in d.notice and not d.alert  # a student's rudeness: held, not escalated
    pol.encoder = around(text, "mentor", language={"hold": -0.001})
    d = pol.evaluate(text, MENTOR)
    assert d.action is Action.HOLD and d.alert  # an adult harassing a student: the coordinator is told
    pol.encoder = around(text, "student", language={"hold": +0.001})
    assert pol.evaluate(text, STUDENT).action is Action.ALLOW


def test_a_disclosure_is_never_held_as_rude_language():
    text = unruled("student", "my stepdad said he would kill me if i told anyone what happens at home",
                    "he said hed hurt me if i told", "mi padrastro dice que me va a matar si hablo")
    pol = load_policy()
    pol.encoder = around(text, "student", language={"hold": -0.001},
                        concern={"hold": +0.001, "alert": -0.001})
    d = pol.evaluate(text, STUDENT)
    assert "encoder.language" not in d.rules
    assert d.action is Action.ALLOW and d.alert and d.notice is None  # delivered, coordinator told


def test_program_file_moves_or_switches_off_the_language_head(tmp_path):
    path = tmp_path / "policy.yml"
    path.write_text("encoder:\n  thresholds:\n    language: {hold: 0.97}\n", encoding="utf-8")
    assert load_policy(path).encoder.thresholds["language"]["hold"] == 0.97
    path.write_text("encoder:\n  thresholds:\n    language: {on: false}\n", encoding="utf-8")
    assert "encoder.language: off" in load_policy(path).describe()
    path.write_text("encoder:\n  thresholds:\n    language: {flag: 0.5}\n", encoding="utf-8")
    with pytest.raises(PolicyFileError, match="unknown setting 'flag'"):
        load_policy(path)


@pytest.mark.parametrize("spanish", [False, True])
def test_shipped_language_head_separates_harassment_from_ordinary_chat(spanish):
    """On labelled rows (English, then Spanish and Spanglish), harassment outscores ordinary chat
    and the shipped threshold holds some harassment and almost no ordinary chat."""
    rows = [r for r in load_rows() if (r.get("lang") in ("es", "mix")) == spanish]
    pos = [r for r in rows if r["category"] == "language"][::3][:80]
    neg = [r for r in rows if r["category"] == "ordinary"][::25][:200]
    enc = EncoderLayer()
    score = {id(r): enc.scores(r["text"], r["role"])["language"] for r in pos + neg}
    auc = np.mean([score[id(p)] > score[id(n)] for p in pos for n in neg])
    assert auc > 0.9
    hold = enc.thresholds["language"]["hold"]
    assert sum(score[id(r)] >= hold for r in pos) >= len(pos) // 4
    assert sum(score[id(r)] >= hold for r in neg) <= len(neg) // 50
