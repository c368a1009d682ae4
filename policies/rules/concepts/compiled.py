"""The concept templates as regexes and anchor sets, kept on disk between starts.

Why: parsing ~1,500 templates takes ≈ 0.3 s of every start and the policy must load in under a
second. The result depends only on the templates, the word classes, this package's code, the
word-frequency list and the Python version, so it is stored under a key hashed from all of them:
any change to one gives a new key and a fresh parse. The file is JSON (no code is loaded from
it), written atomically, and any problem reading or writing it falls back to parsing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from policies.rules.concepts.dsl import Lexicon, compile_with_anchors

logger = logging.getLogger(__name__)
_PACKAGE = Path(__file__).resolve().parent
_INPUT_FILES = (*sorted(_PACKAGE.glob("*.py")), _PACKAGE.parents[1] / "data" / "common_words.txt")

Compiled = list[tuple[str, list[frozenset[str]]]]


def cache_file(key: str) -> Path:
    """MENTORBOT_CONCEPT_CACHE, else beside the model files' cache (policies/encoder/model_files.py)."""
    env = os.environ.get("MENTORBOT_CONCEPT_CACHE")
    if env:
        return Path(env) / f"concepts-{key[:24]}.json"
    from policies.encoder.model_files import cache_dir

    return cache_dir().parent / "concepts" / f"concepts-{key[:24]}.json"


def key_of(templates: Sequence[str], lexicon: Lexicon) -> str:
    h = hashlib.sha256(sys.version.encode())
    for path in _INPUT_FILES:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    h.update(json.dumps([list(templates), sorted(lexicon.specs.items())]).encode())
    return h.hexdigest()


def share_anchor_sets(compiled: Compiled) -> Compiled:
    """The same templates with each distinct anchor set, and each word, as one object: the
    ≈ 3,300 sets of 25,000 words are ≈ 2,600 sets of 4,500 words (≈ 3 MB less in every process)."""
    words: dict[str, str] = {}
    sets: dict[frozenset[str], frozenset[str]] = {}
    out: Compiled = []
    for rx, required in compiled:
        one = []
        for anchor in required:
            key = frozenset(words.setdefault(w, w) for w in anchor)
            one.append(sets.setdefault(key, key))
        out.append((rx, one))
    return out


def compile_templates(templates: Sequence[str], lexicon: Lexicon) -> Compiled:
    """``compile_with_anchors`` of every template, from the disk cache when its key matches."""
    try:
        key = key_of(templates, lexicon)
        path: Path | None = cache_file(key)
    except OSError:
        logger.info("concept template cache unavailable; parsing the templates", exc_info=True)
        key, path = "", None
    if path is not None and path.exists():
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored["key"] == key and len(stored["templates"]) == len(templates):
                return share_anchor_sets([(rx, [frozenset(a) for a in req])
                                          for rx, req in stored["templates"]])
        except (OSError, ValueError, KeyError, TypeError):
            logger.warning("concept template cache %s unreadable; parsing the templates", path)
    out = [compile_with_anchors(t, lexicon) for t in templates]
    if path is not None:
        _write(path, key, out)
    return share_anchor_sets(out)


def _write(path: Path, key: str, compiled: Compiled) -> None:
    doc = {"key": key, "templates": [[rx, [sorted(a) for a in req]] for rx, req in compiled]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".concepts-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:  # a read-only home or venv: parse again next start
        logger.info("concept template cache not written to %s", path, exc_info=True)
