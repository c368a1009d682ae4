"""Phrase rules: asking for or offering contact, leaving the channel, grooming, harassment,
threats and safeguarding disclosures. Data only; ``phrasebook.expand`` makes the regexes.

Patterns look for the *act* (an invitation, a request, a disclosure), not for topic words,
so "let's meet at the career fair" or "I'll tell my teacher" pass.

One module per family (``contact``, ``offplatform``, ``grooming``, ``language``, ``concern``);
``rounds.merge_rounds`` adds each review round's patterns to the family's base rules.

Most of these lists are now re-expressed as concepts (``policies/rules/concepts/``): a phrase
was retired when, on every labelled set (the committed corpora and the shared training data),
the concepts and detectors decide every message it caught the same way without it. What is
left catches wordings no concept covers yet; its hits are read like concepts (negation,
reported speech, the sender's role) by ``ConceptLayer.phrase_weight``.
"""

from __future__ import annotations

from policies.rules.phrases import concern, contact, grooming, language, offplatform
from policies.rules.phrases.offplatform import APPROVED, PRIVATE

__all__ = ["APPROVED", "PRIVATE", "RULES"]

# rule id -> patterns, in evaluation order: the families in this order, each in its own order.
# ``ask`` rules (asking the other person) and ``share`` rules are the same rule id; role-aware
# actions live in the policy file.
_FAMILIES = (contact.RULES, offplatform.RULES, grooming.RULES, language.RULES, concern.RULES)
_ALL = [(rid, pats) for family in _FAMILIES for rid, pats in family.items()]
if len({rid for rid, _ in _ALL}) != len(_ALL):
    raise ValueError("a rule id is defined by two families")
# A rule whose phrases were all retired into concepts has no phrase pattern left (an empty
# alternation would match everywhere).
RULES: dict[str, list[str]] = {rid: pats for rid, pats in _ALL if pats}
