"""The finders read text as the chat shows it: digits of other scripts are numbers, and markup
that renders as nothing (spoiler bars, inline code) does not hide what is inside it."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.engine import load_policy
from policies.normalize import blank_markup, normalize


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return load_policy(rules_only=True)


def test_digits_of_other_scripts_fold_to_the_number_they_show() -> None:
    assert normalize("٠١٢٣٤٥٦٧٨٩").text == "0123456789"  # Arabic-Indic
    assert normalize("۰۱۲۳").text == "0123"  # Extended Arabic-Indic (Persian, Urdu)
    assert normalize("०१२३४५६७८९").text == "0123456789"  # Devanagari
    assert normalize("০১২৩").text == "0123"  # Bengali


def test_markup_blanks_keep_every_other_character_in_place() -> None:
    text = "||555||-`201`"
    blanked = blank_markup(text)
    assert blanked == "  555  - 201 " and len(blanked) == len(text)
    assert blank_markup("no markup here") == "no markup here"


@pytest.mark.parametrize("text", [
    "my number ٥٥٥-٢٠١-٣٣٤٤", "text me ५५५ २०१ ३३४४", "٦٤٦٥٥٥٢٢٣١",
    "||646||-||555||-||2231||", "`646` `555` `2231`", "call ||646-555-2231||",
])
def test_a_phone_number_in_those_forms_is_blocked_and_its_span_covers_the_digits(rules, text: str) -> None:  # type: ignore[no-untyped-def]
    decision = rules.evaluate(text, PolicyContext(role="student"))
    assert decision.action is Action.BLOCK
    phone = [h for h in decision.hits if h.rule == "contact.phone"]
    assert phone and sum(ch.isdigit() for ch in text[phone[0].start:phone[0].end]) == 10


@pytest.mark.parametrize("text", [
    "||spoiler: the boss dies in round 3||", "run `pip install numpy==1.26` first",
    "room `204` at 3:30", "score was 3 || 4 after two rounds", "الامتحان يوم ١٥ مارس",
])
def test_ordinary_chat_with_markup_or_other_digits_is_let_through(rules, text: str) -> None:  # type: ignore[no-untyped-def]
    assert rules.evaluate(text, PolicyContext(role="student")).action is Action.ALLOW
