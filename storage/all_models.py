"""Imports every table module so SQLModel.metadata is complete (for Alembic and tests)."""

from storage import (
    models,  # noqa: F401
    models_conversation,  # noqa: F401  (issue 11: the conversation score)
    models_mail,  # noqa: F401  (issue 12: e-mailed alerts and digests)
    models_prompts,  # noqa: F401  (issue 6: weekly prompts)
    models_web,  # noqa: F401
)
