"""The Spanish gloss the sentence encoder reads (policies/encoder/gloss.py): when a message is
glossed, what the gloss says, and that heads and lexicon are a pinned pair."""

from __future__ import annotations

import dataclasses

import pytest

from policies.encoder.gloss import gloss, load_lexicon, looks_spanish, parse_lexicon
from policies.encoder.heads import load_heads
from policies.encoder.layer import EncoderLayer, EncoderUnavailable

TINY = parse_lexicon("# a comment\na veces\tsometimes\npienso\tI think\nque\tthat\ntodos\teveryone\n"
                     "estarían\twould be\nmejor\tbetter\nsin mí\twithout me\nmi\tmy\nla\tthe\n"
                     "de\tof\nclase\tclass\n", sha256="tiny")


def test_a_spanish_message_is_glossed_longest_phrase_first_accents_or_not():
    assert gloss("a veces pienso que todos estarian mejor sin mi jajaja", TINY) == \
        "sometimes I think that everyone would be better without me haha"
    # punctuation, numbers, emoji and words the lexicon lacks stay as written
    assert gloss("A veces pienso que Tania, 15, no 🙃", TINY) == "sometimes I think that Tania , 15 , no 🙃"


def test_english_words_in_spanglish_stay_english():
    lexicon = load_lexicon()
    read = gloss("profe, can u check mi cover letter? creo que la intro está muy larga", lexicon) or ""
    assert "can u check" in read and "very long" in read


def test_english_chat_is_left_alone():
    for text in ["I think everyone in the class would be better at this", "la la land was so good",
                 "see you at 4 in room 201", "my mom said no"]:
        assert gloss(text, TINY) is None, text
    assert not looks_spanish(["my", "son", "went", "solo", "to", "the", "con"])
    assert looks_spanish(["que", "onda"]) and looks_spanish(["jajaja"])
    assert looks_spanish(["a", "veces", "pienso", "que", "tania", "no"], TINY)


def test_a_spanish_message_with_nothing_in_the_lexicon_is_not_rewritten():
    assert gloss("qué chévere, nos vemos", parse_lexicon("hola\thello\n")) is None


def test_a_malformed_lexicon_line_is_named():
    with pytest.raises(ValueError, match="line 2"):
        parse_lexicon("hola\thello\nsin tabulador\n")


def test_shipped_lexicon_glosses_everyday_and_safeguarding_spanish():
    lexicon = load_lexicon()
    assert len(lexicon.entries) > 3000
    # Written for this test; the gloss must carry the meaning in English words the model knows.
    cases = {
        "mi padrastro me pega cuando llega a la casa": ("stepfather", "hit"),
        "tengo miedo de volver a mi casa": ("afraid", "house"),
        "no he comido nada desde ayer": ("eat", "yesterday"),
        "la profe dice que mañana hay examen": ("tomorrow", "exam"),
    }
    for text, words in cases.items():
        read = (gloss(text, lexicon) or "").lower()
        assert all(w in read for w in words), (text, read)


def test_heads_refuse_a_lexicon_they_were_not_trained_with(monkeypatch):
    heads = load_heads()
    if not heads.meta.get("gloss_sha256"):
        pytest.fail("the shipped heads were trained without the Spanish gloss")
    other = dataclasses.replace(heads, meta={**heads.meta, "gloss_sha256": "0" * 64})
    with pytest.raises(EncoderUnavailable, match="Spanish glosses from lexicon"):
        EncoderLayer(heads=other)


def test_the_layer_embeds_the_gloss_and_caches_by_reading():
    layer = EncoderLayer()
    text = "a veces pienso que todos estarían mejor sin mí"
    assert layer.reading(text) != text and layer.reading("see you thursday") == "see you thursday"
    spanish = layer.embed([text])[0]
    assert (spanish == layer.embed([layer.reading(text)])[0]).all()


def test_ordinary_spanish_keeps_its_everyday_sense():
    """A slang sense must not turn ordinary chat into slurs, sex or weapons for the encoder."""
    lexicon = load_lexicon()
    cases = {
        "vimos patos en el parque": "ducks", "mi perra se llama luna": "dog",
        "compré un pack de cuadernos": "pack of notebooks", "la película está buena": "is good",
        "te quiero mandar el link": "want to send", "me toca presentar mañana": "have to present",
        "nos vemos con Ms. Ruiz en la biblioteca": "Ms",
    }
    for text, expected in cases.items():
        assert expected in (gloss(text, lexicon) or ""), (text, gloss(text, lexicon))
    assert "touches me" in (gloss("mi tío me toca cuando mi mamá no está", lexicon) or "")
    assert "not touches" in (gloss("él no me toca", lexicon) or "")


def test_english_texting_and_decomposed_accents():
    lexicon = load_lexicon()
    for text in ["u r so hot lol", "u ok?", "k lol", "can u send me a pic lol", "yo bro", "thats sus lol",
                 "idk man", "y’all r crazy lol", "is that a q"]:
        assert gloss(text, lexicon) is None, text
    decomposed = "mañana está bien".replace("ñ", "n\u0303").replace("á", "a\u0301")
    assert gloss(decomposed, lexicon) == gloss("mañana está bien", lexicon) == "tomorrow it is ok"
