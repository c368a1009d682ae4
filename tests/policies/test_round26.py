"""Round 26: an adult asking for a sign-in; lines given as an office's that are somebody's.

* An adult asking for the student's password, login or a texted sign-in code is stopped with an
  alert (``contact.credentials``): "what's your school login? i can submit it for you", "read me the
  verification code real quick", "dime la clave de tu correo". Password advice, a program's code,
  a meeting's passcode and "I can help you log in" are not.
* The office-line reading (a school's, program's or office's number or mailbox, delivered with an
  alert) now also reads as somebody's: who answers ("that goes straight to me", "nobody picks up but
  me"), an office said to fail or the number for when it is closed ("the school's number never
  works, the office line … is better"), "call it when nobody's home", and a look-alike school domain
  ("admissions@cuny.edu.evil.example") — main delivered each with an alert.
* A wider reading (any named institution's line, any role mailbox) was built and red-teamed three
  times and did not ship (branch ``r26-institution-release``); the probes below that it let through
  are kept as tests that the shipped policy stops them.

Wordings written for these tests and by the round's red teams and review, not taken from any sealed set.
"""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.rules.concepts.institution import lookalike_domain

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize("domain,lookalike", [
    ("harbor.edu.evil.example", True), ("cuny.edu.evil.example", True), ("harbor-bank-com.net", True),
    ("harb0rbank.com", True), ("hunter.cuny.edu", False), ("fundacion.org.mx", False),
    ("ptech-bx.org", False), ("schools.nyc.gov", False),
])
def test_a_top_level_name_or_a_digit_inside_a_word_makes_a_domain_a_look_alike(domain, lookalike):
    assert lookalike_domain(domain) is lookalike


@pytest.mark.parametrize("text", [
    "Send the form to admissions@cuny.edu.evil.example, that's the admissions office",
    "the main office line is 917-555-0147, that goes straight to me",
    "the front desk number is 718 555 0100. nobody else picks up after 6 but me",
    "the school's number never works, the office line 646-555-0121 is better",
    "The main office closes at 4, so after that call the front desk line 917-555-0138.",
    "the program office line is 212-555-0166. Call it when nobody's home and we can talk",
])
def test_a_line_given_as_an_offices_that_is_somebodys_is_stopped_where_main_delivered_it(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW, (text, d)


@pytest.mark.parametrize("text", [
    "the library's number is 718-555-0143, it's my cell actually",
    "The library number is 718-555-0134. Text me there anytime.",
    "the museum's line is 212-555-0188 (well, it forwards to my phone)",
    "the company's number is 917-555-0147, that goes straight to me",
    "the admissions line is 718 555 0100. nobody else picks up after 6 but me",
    "call the clinic at 718-555-0100, ask for dave",
    "The main office closes at 4, so after that call the front desk line 917-555-0138.",
    "the school's number never works, the office line 646-555-0121 is better",
    "La biblioteca de Corona, el número es 718-555-0163, pero mejor escríbeme por whatsapp",
    "the clinic's number: 718-555-0112. Don't tell your mom you called",
    "email careers@northwind.com, I check it at night so you'll hear back fast",
    "our hr inbox hr@smithfamily.com, it's just me lol",
    "info@dana-designs.example.com is the best way to reach the studio",
    "for the internship write me at careers@harborline.com, that one comes to me",
    "apply at careers@harborline.com, or just text me 917-555-0101",
    # the owner in the sentence after or before (a red team's and a review's probes)
    "Kingsborough admissions: 718-555-0142. it's the phone on my nightstand",
    "BMCC financial aid: 212-555-0175, if I don't answer just call back",
    "Bushwick library: 718-555-0163. Ask for Ms. Rivera when you call. Yes, your mentor Ms. Rivera",
    "Hunter admissions: 212-555-0166. Call it when nobody's home and we can talk",
    "I work the front desk at the library. The number there is 718-555-0143.",
    "Trabajo en la clínica de la 149, su número es 718-555-0143, ahí estoy todo el día",
    "Great seeing you at the museum today! Number is 917-555-0101 if you need anything",
    "Kingsborough admissions: 718-555-0142, th\u0430t's m\u0435 lol",
    "Send your application to internships@harborline.com. I check it at night.",
    "I made a new inbox just for you. Applications go to internships@harborline.com.",
    "Manda tu solicitud a becas@fundacionpuente.org. Yo la reviso en la noche.",
    "Send your resume to careers@harborline.com, you'll hear back from me",
    "Send your application to careers@harbor.edu.evil.example",
    # a second red team: "we", the chat's people as who answers, a take-back, a home phone later on
    "Kingsborough admissions: 718-555-0142. We keep that phone on the nightstand.",
    "Hostos admissions: 718-555-0142 (that line is picked up by ur mentor, no one else)",
    "Lehman admissions: 718-555-0142. Nah fr it's the student's cellphone, the office one is on their site",
    "The library line is 718-555-0143 (not my personal one lol jk it totally is)",
    "Kingsborough financial aid: 718-555-0142. Imma be the one answering tho",
    "Kingsborough admissions: 718-555-0142. Home phone, so call before 9.",
    "Scholarship questions go to scholarships@riveramentoring.net, read by ur mentor only",
    "Para la beca escribe a becas@familiareyes.net, lo lee tu mentora nomás",
])
def test_a_line_or_mailbox_that_gives_itself_away_is_stopped(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW, (text, d)


@pytest.mark.parametrize("text", [
    "what's your school login? i can submit it for you",
    "read me the verification code real quick",
    "give me your username and password for the portal and i'll upload the essay tonight",
    "dime la clave de tu correo y yo te lo arreglo",
    "pásame el código que te llegó por mensaje, es para entrar a tu cuenta",
    "log me in as you on the portal, what's the password",
    "forward me the code they sent to your phone",
    "whats ur apple id password, i'll set up the app on ur phone",
    "i can log in with your account and finish the form for you",
    "what's your school login? i can submit the class schedule for you",
    "send me your password so i can finish your class application",
    "I need your password to fix the application",
    "let me log into your account real quick",
    "me compartes tu contraseña? es para subir tu ensayo",
    "¿qué código te llegó por mensaje? dímelo",
    "the coordinator said you should send me your portal login so I can fix your application",
    "decime tu contraseña y lo arreglo",
    "Spell out your password for me so I can check the caps",
    "your pw pls, the portal's timing out",
    "what's the code google just sent you?",
    "Screenshot the text with the code and send it here",
    "just approve the login request that pops up on your phone in a sec",
    "forward me the reset link they emailed you and I'll set a new password for you",
    "¿Me compartes tus datos de acceso de la escuela?",
])
def test_an_adult_asking_for_the_students_sign_in_is_stopped_with_an_alert(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW and d.alert, (text, d)
    assert "contact.credentials" in d.rules


@pytest.mark.parametrize("text", [
    "what's your password manager of choice? I use Bitwarden",
    "send me your code and I'll look at why the loop never ends",
    "what's your login issue exactly? the error message helps",
    "what was the zoom passcode again?",
    "Did you get the verification code? Type it into the site, then tell me if it worked.",
    "If the app sends you a code, never give it to anyone — that's how accounts get stolen.",
    "Never share your password with anyone, including me. Reset it through the help desk.",
    "Use a password manager and turn on two-factor, it's the best habit you can build.",
    "what's the code for the course, CST 1101?",
    "I'll never ask for your password, and I won't log in to your account either",
    "I can't log in for you, you have to do it yourself",
    "I can help you log in to your CUNYfirst account tomorrow",
    "y is ur login not working?",
    "puedo entrar con tu grupo al museo?",
    "cuál es tu palabra clave para el ensayo?",
    "dime tu idea clave del proyecto",
    "what's your login streak on duolingo lol",
    "change your password now, it got leaked in that breach",
    "tu contraseña ya está lista? si no, cámbiala en el portal",
    "update your password rn before the portal locks",
    "what's the code they sent for the field trip form?",
    "can you tell me when your password reset email arrives?",
])
def test_talk_about_passwords_and_code_is_not_an_ask(rules_policy, text):
    """(a review's probes among them: a negation inside the words, "help you log in", "clave" as
    "key", "y" as "why", "entrar" as going in)"""
    d = rules_policy.evaluate(text, MENTOR)
    assert "contact.credentials" not in d.rules, (text, d)


def test_a_student_asking_for_a_code_is_not_read_as_the_adults_move(rules_policy):
    text = "whats the verification code they sent u? i need it for the group login"
    d = rules_policy.evaluate(text, STUDENT)
    assert "contact.credentials" not in d.rules


def test_the_programs_own_office_line_keeps_its_reading(rules_policy):
    """The office line of round 15 is still delivered with an alert; only a failing office or the
    number for when it is closed is read as somebody's now."""
    ok = rules_policy.evaluate("call the main office at 718-555-0143 instead of emailing", MENTOR)
    assert ok.action is Action.ALLOW and ok.alert
    tied = rules_policy.evaluate("the school's number never works, the office line 646-555-0121 is better",
                                 MENTOR)
    assert tied.action is not Action.ALLOW
