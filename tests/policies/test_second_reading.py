"""The rules' second reading: numbers are not leetspeak, real leetspeak and spelled-out words
still are, and the cheap checks that skip the second reading never skip a message it would
change (policies/deobfuscate.py, policies/second_reading.py)."""

from __future__ import annotations

import json
import struct

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policies.deobfuscate import deobfuscate, has_obfuscation, read_obfuscated
from policies.encoder.minilm import FileRows, read_safetensors
from policies.types import Action, PolicyContext

MENTOR = PolicyContext(role="mentor")
RULE_WORDS = frozenset({"is", "ex", "insta", "snapchat"}).__contains__


@pytest.mark.parametrize("text", [
    "the career fair is at 3:30pm in room 214", "meet at 10am or 4pm", "my 4th period class",
    "it's on the 1st and the 23rd", "she got a $70k offer", "90s music", "about 11ish",
    "the 5k run", "voy en 5to grado", "vivo en el 3er piso", "the 10mo grado", "3c and 4b",
    "from 9:15am to 3:30pm on 10/14/2026",
])
def test_times_ordinals_and_amounts_are_not_read_as_leetspeak(text: str) -> None:
    assert deobfuscate(text, RULE_WORDS) is None
    assert not has_obfuscation(text, RULE_WORDS)


@pytest.mark.parametrize(("text", "read"), [
    ("add me on sn4pch4t", "add me on snapchat"), ("send h0t pics", "send hot pics"),
    ("my 1nsta is open", "my insta is open"), ("i will k1ll you", "i will kill you"),
    ("s n a p c h a t me", "snapchat me"), ("our s.e.c.r.e.t", "our secret"),
    ("at 3:30pm add me on sn4pch4t", "at 3:30pm add me on snapchat"),  # the time stays a time
    ("wh3r3 1s ur h0us3", "where is ur house"),  # "1s" reads as a rule word: read
])
def test_real_leetspeak_and_spelled_out_words_are_still_read(text: str, read: str) -> None:
    got = deobfuscate(text, RULE_WORDS)
    assert got is not None and got[0] == read
    assert len(got[1]) == len(got[0]) and all(0 <= i < len(text) for i in got[1])


def test_a_number_whose_leetspeak_is_a_rule_word_is_still_read() -> None:
    assert deobfuscate("3x", RULE_WORDS) == ("ex", [0, 1])
    assert deobfuscate("3x", frozenset().__contains__) is None  # "ex" unknown: a count


_ALPHABET = "ab1 0_.@$'’-3x4SsE\t\nZ5s7#,+|~*/é²½Ⅻ٣\u00a0\u2003\x01pmth"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_the_cheap_check_never_skips_a_message_the_reading_changes(text: str) -> None:
    assert deobfuscate(text, RULE_WORDS) == read_obfuscated(text, RULE_WORDS)


_WORDS = ["the", "s", "n", "a", "p", "3:30pm", "h0t", "wanna", "secert", "pleeease", "tell",
          "4th", "1s", "snap", "$70k", "k1ll", "goood", "x", "_", "<@U1>", "meet", "alone",
          "1nsta", "you're", "30pm's", "\x01", "  ", "\t", "sn@p", "dissapear", "mentor"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.booleans())
def test_skipping_the_second_reading_is_exact(rules_policy, words: list[str], twice: bool) -> None:
    """Whenever the word-by-word gate says the second reading changes nothing, the full path
    agrees (and a word remembered as plain stays plain)."""
    text = " ".join(words)
    for _ in range(2 if twice else 1):
        rules_policy._concepts.hits(text, "student", rules_policy.config.rules)
        tokens = rules_policy._concepts.last_tokens(text)
        if rules_policy._second.reads_the_same(text, tokens):
            full = deobfuscate(text, rules_policy._vocab.__contains__)
            assert full is None, text
            assert rules_policy._speller.respell(text) is None, text


def test_a_time_costs_no_second_reading_and_leetspeak_next_to_it_is_still_stopped(rules_policy) -> None:
    plain = "the career fair is on friday at 3:30pm in room 214, please review my resume"
    rules_policy.evaluate(plain, MENTOR)
    assert rules_policy.variant(plain) is None
    text = "career fair at 3:30pm, then add me on sn4pch4t"
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW
    assert any("sn4pch4t" in text[h.start:h.end] for h in d.hits), d.hits


def _safetensors(path, table: np.ndarray) -> None:
    header = json.dumps({"t": {"dtype": "F32", "shape": list(table.shape),
                               "data_offsets": [0, table.nbytes]}}).encode()
    path.write_bytes(struct.pack("<Q", len(header)) + header + table.tobytes())


def test_file_rows_read_the_same_values_as_the_mapped_table(tmp_path) -> None:
    table = np.random.default_rng(1).standard_normal((50, 7)).astype(np.float32)
    path = tmp_path / "t.safetensors"
    _safetensors(path, table)
    mapped = read_safetensors(path)["t"]
    rows = FileRows(mapped)
    ids = np.array([[3, 0, 49, 3], [7, 7, 1, 0]])
    assert np.array_equal(rows[ids], np.asarray(mapped)[ids])
    assert rows[ids].dtype == np.float32 and rows[ids].shape == (2, 4, 7)
    with pytest.raises(IndexError):
        rows[np.array([[50]])]
