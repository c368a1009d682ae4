"""The concept templates' parse is kept on disk between starts, and never trusted blindly."""

from __future__ import annotations

import pytest

from policies.rules.concepts import ALL_RULES, LEXICON
from policies.rules.concepts import compiled as cc
from policies.rules.concepts.dsl import compile_with_anchors

TEMPLATES = [t for r in ALL_RULES[:40] for t in r.templates]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MENTORBOT_CONCEPT_CACHE", str(tmp_path))
    return tmp_path


def test_a_second_start_reads_what_the_first_parsed(cache, monkeypatch):
    first = cc.compile_templates(TEMPLATES, LEXICON)
    assert first == [compile_with_anchors(t, LEXICON) for t in TEMPLATES]
    assert len(list(cache.glob("concepts-*.json"))) == 1

    def no_parsing(*_args):
        raise AssertionError("parsed although the cache holds these templates")

    monkeypatch.setattr(cc, "compile_with_anchors", no_parsing)
    assert cc.compile_templates(TEMPLATES, LEXICON) == first


def test_changed_templates_are_parsed_again(cache):
    cc.compile_templates(TEMPLATES, LEXICON)
    changed = [*TEMPLATES[:-1], "(secreto|secret) ~2 (nuestro|ours)"]
    assert cc.key_of(changed, LEXICON) != cc.key_of(TEMPLATES, LEXICON)
    assert cc.compile_templates(changed, LEXICON)[-1] == compile_with_anchors(changed[-1], LEXICON)
    assert len(list(cache.glob("concepts-*.json"))) == 2


def test_a_damaged_cache_file_is_parsed_over(cache):
    cc.compile_templates(TEMPLATES, LEXICON)
    (path,) = cache.glob("concepts-*.json")
    path.write_text('{"key": "x", "templates": [', encoding="utf-8")
    assert cc.compile_templates(TEMPLATES, LEXICON) == [compile_with_anchors(t, LEXICON) for t in TEMPLATES]
    assert path.read_text(encoding="utf-8").startswith('{"key": "')  # rewritten whole


def test_an_unwritable_cache_folder_only_costs_the_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("MENTORBOT_CONCEPT_CACHE", str(blocker))
    assert cc.compile_templates(TEMPLATES, LEXICON) == [compile_with_anchors(t, LEXICON) for t in TEMPLATES]
