"""Round 22: a number in another country's grouping, given as the sender's, is a phone number.

The phone finder reads US shapes (3-3-4, 7 digits, a leading 1, or "+" and 8–15 digits). A second
review gave personal numbers the way family abroad writes them ("07700 900123", "612 555 013",
"55 1234 5678") and they were delivered with no hit. Given as the sender's ("my number", "mi cel",
"text me") any run of 8–13 digits is now a phone number; IDs, invoices and codes are not. Wordings
written for these tests."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize(("role", "text"), [
    (MENTOR, "my UK mobile is 07911 123456 if the channel is slow"),
    (MENTOR, "por si acaso, mi número es 634 555 018 (el de España)"),
    (STUDENT, "textea me al 0987 654 321 que es el de mi tía en guayaquil jaja"),
    (STUDENT, "mi cel 55 8765 4321 es de méxico pero tiene whatsapp"),
])
def test_a_number_abroad_given_as_the_senders_is_stopped(rules_policy, role, text):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW, (text, d)
    assert any(h.category == "contact" for h in d.hits)


@pytest.mark.parametrize("text", [
    "mi número de estudiante es 219876543, ¿lo pongo en el formulario?",
    "The invoice number is 2024-0381, find it in the spreadsheet",
    "my order number is 1123 4456 99, it still says shipped",
    "el número pi es 3.14159265 y lo tenemos que memorizar",
    "my number in 2022-2023 was 23, now im 7",
    "mi cel costó 12.500.000 pesos en colombia",
    "my phone says 10 30 11 45 for the alarms lol",
])
def test_ids_invoices_and_orders_are_no_phone_numbers(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert "contact.number_given" not in d.rules, (text, d.rules)
