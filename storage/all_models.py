"""Imports every table module so SQLModel.metadata is complete (for Alembic and tests)."""

from storage import (
    models,  # noqa: F401
    models_choosing,  # noqa: F401  (issue 14: profiles, choosing, proposals)
    models_conversation,  # noqa: F401  (issue 11: the conversation score)
    models_governance,  # noqa: F401  (issue 15: legal holds, destruction records)
    models_handover,  # noqa: F401  (issue 14: commitment, departures)
    models_keys,  # noqa: F401  (issue 15: which keys the data is sealed with)
    models_mail,  # noqa: F401  (issue 12: e-mailed alerts and digests)
    models_ops,  # noqa: F401  (issue 16: job claims across replicas)
    models_prompts,  # noqa: F401  (issue 6: weekly prompts)
    models_web,  # noqa: F401
    models_year,  # noqa: F401  (issue 14: the program year)
)
