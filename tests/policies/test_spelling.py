"""Misspellings and texting spellings ("secert", "dissapear", "wanna", "xq") do not defeat the
rules, and real words (English or Spanish) are never read as something else."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.spelling import KnownWords, Speller, careful_edit, within_one_edit

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")
TARGETS = ["secret", "disappear", "school", "tomorrow", "believe", "parents", "picture",
           "secreto", "mensajes", "matarte", "hitting", "sitting"]
ENGLISH = TARGETS[:7] + ["patient", "moles", "mole", "hitting", "sitting", "text"]
SPANISH = ["mataste", "quiero"]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(TARGETS, KnownWords(ENGLISH, SPANISH))


@pytest.mark.parametrize("typo, word", [
    ("secert", "secret"),        # swapped neighbours
    ("shcool", "school"),
    ("beleive", "believe"),
    ("schol", "school"),         # a letter dropped
    ("secrett", "secret"),       # a letter doubled
    ("pictore", "picture"),      # a letter replaced
    ("dissapear", "disappear"),  # a double letter put in the wrong place
    ("tommorow", "tomorrow"),
    ("secerto", "secreto"),      # Spanish: swapped before the ending
    ("mensjaes", "mensajes"),
    ("mnsajes", "mensajes"),     # Spanish: dropped before the ending
])
def test_one_edit_from_a_rule_word_reads_as_it(speller, typo, word):
    assert speller.correct(typo) == word


@pytest.mark.parametrize("token", [
    "patient",   # a known English word one edit from a rule word ("parents" is two)
    "moles",     # known through a regular ending ("mole" + s), not "molest"
    "texted",
    "mataste",   # a Spanish verb form is its own word, and Spanish rule words are never targets
    "matarse",
    "gitting",   # one edit from two rule words ("hitting", "sitting"): ambiguous, left alone
    "scho",      # too short to read safely
])
def test_known_ambiguous_short_and_spanish_tokens_are_left_alone(speller, token):
    assert speller.correct(token) is None


def test_spanish_rule_words_take_only_careful_edits():
    assert careful_edit("secerto", "secreto") and careful_edit("mnsajes", "mensajes")
    assert not careful_edit("matarse", "matarte")   # a replaced letter
    assert not careful_edit("encanta", "encantas")  # the ending


def test_damerau_distance_of_one():
    assert within_one_edit("secert", "secret") and within_one_edit("shool", "school")
    assert not within_one_edit("dissapear", "disappear")  # two edits: handled by the skeleton
    assert not within_one_edit("parent", "patient")


@pytest.mark.parametrize("text, read", [
    ("i wanna go", "i want to go"),
    ("ima text u bc its late", "i'm going to text u because its late"),
    ("no quiero ir xq me pega", "no quiero ir porque me pega"),
    ("Kiero irme de mi casa", "quiero irme de mi casa"),
    ("see u at shcool tommorow!", "see u at school tomorrow!"),
])
def test_contractions_expand_and_spans_point_at_the_original(speller, text, read):
    out, index = speller.respell(text)
    assert out.lower() == read
    assert len(index) == len(out) and all(0 <= i < len(text) for i in index)
    assert index == sorted(index)


def test_a_message_without_typos_is_not_read_twice(speller):
    assert speller.respell("see you at school tomorrow, I believe in you") is None
    assert speller.respell("mañana en la escuela, también") is None  # accented words untouched


@pytest.mark.parametrize("text, role", [
    # misspellings with insertions between the words of the act
    ("dont tell anyone ok, this is our littel secert", "mentor"),
    ("you are so so beutiful", "mentor"),
    ("send me a pictrue of you in your new outfitt", "mentor"),
    ("honestly im thinking about killing myslef", "student"),
    ("i just want to dissapear", "student"),
    # Spanish texting spellings
    ("kiero desaparecer ya", "student"),
    ("toy pensando en matarme", "student"),
    ("no le digas a nadie q hablamos, es nuestro secreto", "mentor"),
    ("es nuestro secerto, no le digas a nadie", "mentor"),
    ("porfa borra los mensjaes despues de leerlos", "mentor"),
])
def test_misspelled_acts_are_caught_by_the_rules(rules_policy, text, role):
    d = rules_policy.evaluate(text, PolicyContext(role=role))
    if role == "student":
        assert d.alert, text
    else:
        assert d.action in (Action.HOLD, Action.BLOCK), text


def test_the_hit_span_covers_the_misspelled_words(rules_policy):
    text = "honestly im thinking about killing myslef"
    d = rules_policy.evaluate(text, STUDENT)
    spans = [text[h.start:h.end] for h in d.hits if h.rule.startswith("concern.")]
    assert any("myslef" in s for s in spans), spans


@pytest.mark.parametrize("text", [
    "see u tommorow at shcool, i beleive the interview went well",
    "im gonna finsh my resume tonite bc the deadline is friday",
    "mañana tengo examen, toy nerviosa pero kiero sacar buena nota",
    "my patient mom helped me with the moles homework",
])
def test_ordinary_chat_with_typos_is_delivered(rules_policy, text):
    for ctx in (MENTOR, STUDENT):
        d = rules_policy.evaluate(text, ctx)
        assert d.action is Action.ALLOW and not d.alert, (text, d.hits)


def test_a_flood_of_junk_words_is_looked_up_only_so_far():
    from policies.spelling import MAX_LOOKUPS
    sp = Speller(TARGETS, KnownWords(ENGLISH, SPANISH))
    junk = " ".join(f"qzx{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}w" for i in range(MAX_LOOKUPS * 3))
    assert sp.respell(junk + " secert") is None  # the typo after the flood is read as written
    assert sp.respell("secert " + junk)[0].startswith("secret ")


def test_the_other_form_of_a_known_spanish_participle_is_a_known_word():
    """A frequency list holds "pegado" but not "pegada"; one letter from the rule word
    "apegada" (attached), it was read as it: "my daughter lives glued to TikTok" was blocked."""
    speller = Speller(["apegada", "apegado"], KnownWords(["glued"], ["pegado", "cansado"]))
    assert speller.correct("pegada") is None and speller.correct("pegadas") is None
    assert speller.is_known("cansadas")
    assert speller.correct("apgada") == "apegada"  # a real typo of the rule word still reads as it


def test_inflected_spanish_is_delivered_and_the_rule_word_still_stops(policy):
    glued = policy.evaluate("mi hija vive pegada a TikTok jaja, es universal", MENTOR)
    assert glued.action is Action.ALLOW
    attached = policy.evaluate("estoy muy apegada a ti, no sé qué haría sin ti", MENTOR)
    assert attached.action is not Action.ALLOW


def test_known_words_are_stored_once_and_read_as_text_or_bytes():
    """One dict of UTF-8 words to the lists that hold them serves the speller (bytes) and the
    Spanish gloss (text); a word in both lists is in both, accented words are found too."""
    from policies.spelling import known_words

    known = KnownWords(["no", "patient", "final", "secret"], ["no", "final", "niño", "quiero"])
    assert "no" in known.english and "no" in known.spanish and b"final" in known.spanish
    assert "niño" in known.spanish and "niño".encode() in known.spanish and "niño" not in known.english
    assert "quiero" not in known.english and "mataste" not in known.spanish
    sp = Speller(["secret", "secreto"], known)
    assert sp.is_known("niño") and sp.is_known("patients") and sp.is_known("secreto")
    assert sp.correct("secert") == "secret"
    assert not sp.worth_reading("niño final", tokens={"niño", "final"})  # text tokens: as bytes
    assert sp.worth_reading("el secert", tokens={"el", "secert"})
    assert type(known_words().flags) is dict  # set.difference reads an exact dict at C speed
