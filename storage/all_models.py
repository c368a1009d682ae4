"""Imports every table module so SQLModel.metadata is complete (for Alembic and tests)."""

from storage import models  # noqa: F401
