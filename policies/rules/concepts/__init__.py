"""Concept rules: acts named as concepts (``grooming.risk_assessment``, ``concern.goodbye``…)
written as word classes combined by proximity, read in their sentence and weighed by role.

``build_layer()`` compiles every family once; ``ConceptLayer.hits`` runs them on a message.
"""

from __future__ import annotations

from policies.rules.concepts import (
    arrangements,
    bond,
    concern,
    contact,
    disclosure,
    disclosure_es,
    grooming,
    handover,
    harassment,
    language,
    offplatform,
)
from policies.rules.concepts.dsl import Rule
from policies.rules.concepts.layer import ConceptLayer
from policies.rules.concepts.lexicon import LEXICON

__all__ = ["ALL_RULES", "ConceptLayer", "Rule", "build_layer"]

ALL_RULES: list[Rule] = [*grooming.RULES, *bond.RULES, *concern.RULES, *disclosure.RULES,
                         *disclosure_es.RULES,
                         *contact.RULES, *handover.RULES, *language.RULES, *harassment.RULES,
                         *offplatform.RULES, *arrangements.RULES]


def build_layer() -> ConceptLayer:
    """Every concept family, compiled."""
    return ConceptLayer(ALL_RULES, LEXICON)
