"""The console adapter: the whole product in a terminal, and the reference fake for tests."""

from adapters.console.adapter import ConsoleAdapter, Posted

__all__ = ["ConsoleAdapter", "Posted"]
