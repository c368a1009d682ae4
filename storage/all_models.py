"""Imports every table module so SQLModel.metadata is complete (for Alembic and tests)."""

from storage import (
    models,  # noqa: F401
    models_keys,  # noqa: F401  (issue 15: which keys the data is sealed with)
    models_prompts,  # noqa: F401  (issue 6: weekly prompts)
    models_web,  # noqa: F401
)
