"""Phrase rules: asking for or offering contact, leaving the channel, grooming, harassment,
threats and safeguarding disclosures. Data only; ``phrasebook.expand`` makes the regexes.

Patterns look for the *act* (an invitation, a request, a disclosure), not for topic words,
so "let's meet at the career fair" or "I'll tell my teacher" pass.

One module per family (``contact``, ``offplatform``, ``grooming``, ``language``, ``concern``);
``rounds.merge_rounds`` adds each review round's patterns to the family's base rules.
"""

from __future__ import annotations

from policies.rules.phrases import concern, contact, grooming, language, offplatform
from policies.rules.phrases.offplatform import APPROVED, PRIVATE

__all__ = ["APPROVED", "PRIVATE", "RULES"]

# rule id -> patterns, in evaluation order: the families in this order, each in its own order.
# ``ask`` rules (asking the other person) and ``share`` rules are the same rule id; role-aware
# actions live in the policy file.
_FAMILIES = (contact.RULES, offplatform.RULES, grooming.RULES, language.RULES, concern.RULES)
RULES: dict[str, list[str]] = {rid: pats for family in _FAMILIES for rid, pats in family.items()}
if len(RULES) != sum(map(len, _FAMILIES)):
    raise ValueError("a rule id is defined by two families")
