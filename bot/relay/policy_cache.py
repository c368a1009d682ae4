"""Loads each program's policy once and hands it to the relay (policies stay pure and cached)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from policies.conversation import ConversationSettings
from policies.types import Decision, PolicyContext

logger = logging.getLogger(__name__)


class PolicyLike(Protocol):
    def evaluate(self, text: str, ctx: PolicyContext) -> Decision: ...


def conversation_settings(policy: PolicyLike) -> ConversationSettings:
    """The program's conversation-score settings (``conversation:`` in its policy file); the
    shipped defaults for a policy that has none (a test's scripted policy, say)."""
    settings = getattr(policy, "conversation", None)
    return settings if isinstance(settings, ConversationSettings) else ConversationSettings()


Loader = Callable[[Path | None], PolicyLike]


def _default_loader(path: Path | None) -> PolicyLike:
    from policies import load_policy

    return load_policy(path)


class PolicyBook:
    """One loaded policy per policy file; the shipped defaults for programs without one."""

    def __init__(self, loader: Loader | None = None) -> None:
        self._loader = loader or _default_loader
        self._loaded: dict[str | None, PolicyLike] = {}

    def for_file(self, policy_file: str | None) -> PolicyLike:
        if policy_file not in self._loaded:
            self._loaded[policy_file] = self._loader(Path(policy_file) if policy_file else None)
            logger.info("loaded policy %s", policy_file or "(defaults)")
        return self._loaded[policy_file]

    def loaded(self) -> list[PolicyLike]:
        """The policies loaded so far (the encoder batcher primes those that use the encoder)."""
        return list(self._loaded.values())


class PolicyStartError(Exception):
    """A program's policy cannot run (e.g. the sentence encoder's model is missing): the bot must
    not start and relay messages unchecked."""


def check_policies(book: PolicyBook, policy_files: list[str | None]) -> None:
    """Load every policy the bot will use before it starts (cached in ``book`` for the relay).

    A missing or tampered encoder model refuses the start with the install instruction, unless
    the program's policy file turns the encoder off (``encoder: {on: false}``); an invalid policy
    file (edited after its roster was imported) refuses it with the file's line and reason.
    """
    from policies.config import PolicyFileError
    from policies.encoder.layer import EncoderUnavailable

    for path in dict.fromkeys(policy_files or [None]):
        try:
            book.for_file(path)
        except PolicyFileError as exc:
            raise PolicyStartError(f"mentorbot cannot start: the policy file is invalid: {exc}") from exc
        except EncoderUnavailable as exc:
            where = f"the policy file {path}" if path else "the shipped default policy"
            raise PolicyStartError(f"mentorbot cannot start: {where} uses the sentence encoder, "
                                   f"but {exc}") from exc

