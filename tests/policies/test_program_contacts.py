"""The program's own lines and mailboxes (``contact.allowed`` in the policy file): listed exactly,
delivered with no stop and no alert; anything not listed is read as before, even beside them."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext, PolicyFileError, load_policy
from policies.config import contact_key
from policies.explain import describe

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")
PROGRAM = """\
contact:
  allowed:
    - "(718) 555-0100"
    - PTech-Office@hudson-hs.example.org
    - careers@harbor-demo.com
"""


@pytest.fixture(scope="module")
def program_policy(tmp_path_factory):
    path = tmp_path_factory.mktemp("program") / "program.yml"
    path.write_text(PROGRAM, encoding="utf-8")
    return load_policy(path, rules_only=True)


@pytest.mark.parametrize("text, ctx", [
    ("If you'll miss Friday, have a parent call the attendance office at 718-555-0100 before 9.", MENTOR),
    ("call the school at +1 718.555.0100 about the bus", STUDENT),
    ("the front desk is 7185550100", STUDENT),
    ("Send your resume to careers@harbor-demo.com, HR reads them in June.", MENTOR),
    ("Questions go to ptech-office@hudson-hs.example.org.", MENTOR),
])
def test_a_listed_line_or_mailbox_is_delivered_without_an_alert(program_policy, text, ctx):
    d = program_policy.evaluate(text, ctx)
    assert d.action is Action.ALLOW and not d.alert, (text, d.action, d.rules)


@pytest.mark.parametrize("text, rule", [
    ("text me at 718-555-0101", "contact.phone"),                      # one digit off
    ("my email is jsmith@harbor-demo.com", "contact.email"),           # the same domain, not listed
    ("718-555-0100 is the school's line but my cell is 917-555-0123", "contact.phone"),
    ("send it to careers@harbor-demo.com.evil.example", "contact.email"),
])
def test_what_is_not_listed_is_read_as_before(program_policy, text, rule):
    d = program_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW and rule in d.rules, (text, d.action, d.rules)


@pytest.mark.parametrize("text", ["call 7185550100 if the bus is late", "the front desk is 7185550100"])
def test_without_the_list_the_same_line_is_stopped_or_alerted(text):
    """(A listed line beside words about odd hours — "if the bus is late" — is read this way too.)"""
    d = load_policy(rules_only=True).evaluate(text, STUDENT)
    assert d.action is not Action.ALLOW or d.alert, (d.action, d.rules)


@pytest.mark.parametrize("entry, key", [
    ("(718) 555-0100", "7185550100"),
    ("+1 718.555.0100", "7185550100"),
    ("+44 20 7946 0958", "442079460958"),
    ("Office@School.Example.org", "office@school.example.org"),
    ("555-01", None),
    ("call 718-555-0100", None),
    ("office@school", None),
])
def test_entries_are_compared_by_their_digits_or_exact_address(entry, key):
    assert contact_key(entry) == key


def test_an_entry_that_is_no_line_or_address_is_refused_with_its_line(tmp_path):
    path = tmp_path / "program.yml"
    path.write_text("version: 1\ncontact:\n  allowed:\n    - the school office\n", encoding="utf-8")
    with pytest.raises(PolicyFileError) as err:
        load_policy(path, rules_only=True)
    assert "the school office" in str(err.value) and "line 3" in str(err.value), str(err.value)


def test_the_policy_description_lists_the_programs_own_lines(program_policy):
    text = describe(program_policy.config)
    assert "careers@harbor-demo.com" in text and "7185550100" in text, text


# An independent review's inputs: what a listed entry must not let through.
@pytest.mark.parametrize("text", [
    # listed numbers filling the phone finder's reach, a personal one after them
    "school numbers: " + "718-555-0100 " * 50 + "917-555-0123",
    # a look-alike letter (Cyrillic "о") is another domain that anybody can register
    "questions? email office@sch\u043eol.example.org",
    # digits run on at either side make another number
    "646 718 555 0100",
    "718 555 0100 0123",
    # a listed line the message ties to the sender
    "i'm the one who answers 718-555-0100 after hours",
    "718-555-0100 is my own cell lol",
    # a second review's: a listed mailbox inside a link, ties in any wording or markup, digits of
    # another script or a number word running on, an address that goes on, an extension
    "https://evil.example/?u=careers@harbor-demo.com",
    "http://careers@harbor-demo.com@evil.example/x",
    "call 718-555-0100 after 6, I will answer it myself",
    "718-555-0100 **call me** there",
    "718-555-0100 — c-a-l-l m-e there tonight",
    "\uff16\uff14\uff16 718 555 0100",
    "\u0666\u0664\u0666 718 555 0100",
    "646/718-555-0100",
    "six four six 718-555-0100",
    "x=careers@harbor-demo.com",
    "careers@harbor-demo.com/evil",
    "718-555-0100 ext 23",
])
def test_a_listed_entry_lets_nothing_else_through(program_policy, policy_with_list, text):
    for pol in (program_policy, policy_with_list):
        for ctx in (MENTOR, STUDENT):
            d = pol.evaluate(text, ctx)
            assert d.action is not Action.ALLOW or d.alert, (text, ctx.role, d.action, d.rules)


@pytest.fixture(scope="module")
def policy_with_list(tmp_path_factory):
    """The whole policy (rules and encoder) with the program's list."""
    path = tmp_path_factory.mktemp("program_enc") / "program.yml"
    path.write_text(PROGRAM, encoding="utf-8")
    return load_policy(path)


@pytest.mark.parametrize("text", [
    "the office: +1 718 555 0100",
    "call the school at 718-555-0100 about the field trip",
    "Questions go to ptech-office@hudson-hs.example.org.",
])
def test_the_encoder_does_not_stop_a_listed_line_either(policy_with_list, text):
    d = policy_with_list.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW and not d.alert, (text, d.action, d.rules)


@pytest.mark.parametrize("entry", ["x@-.-", "000-0000-((", "+1 (((((555))))) 0100 000",
                                   "\u0667\u0661\u0668 555 0100"])
def test_junk_entries_are_refused(entry):
    assert contact_key(entry) is None


def test_an_unquoted_number_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "program.yml"
    path.write_text("contact:\n  allowed:\n    - 7185550100\n", encoding="utf-8")
    with pytest.raises(PolicyFileError) as err:
        load_policy(path, rules_only=True)
    assert "quotes" in str(err.value), str(err.value)
