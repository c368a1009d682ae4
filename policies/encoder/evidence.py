"""What a short message must hold before the encoder's contact head may stop it.

Why: a contact detail is concrete — digits or number words of a phone number, an e-mail's "@",
a handle, a platform or a "call/text/add me". The head reads the *sound* of a message, and a
line of a few words with one number word ("four (live)", "page seven") sounds like a number
being dictated; with nothing concrete in it, it cannot share or ask for a contact. Longer
messages are left to the head ("where do you live exactly", "what's the best way to reach you
outside of here" hold no detail and are still contact moves). The rules judge every message, and
the relay reads a number split over two messages together.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = frozenset((
    "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "cero", "uno", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete",
    "ocho", "nueve", "diez", "once", "doce"
))
# Words that name a channel of contact or the act of exchanging one (English and Spanish).
_CONTACT_WORDS = frozenset((
    "number", "numbers", "phone", "cell", "cellphone", "mobile", "tel", "telefono", "teléfono",
    "numero", "número", "cel", "celular", "email", "e-mail", "mail", "gmail", "yahoo", "hotmail",
    "outlook", "icloud", "correo", "arroba", "dot", "punto", "snap", "snapchat", "sc", "insta",
    "instagram", "ig", "tiktok", "tt", "discord", "whatsapp", "wa", "wsp", "whats", "telegram",
    "signal", "facebook", "fb", "messenger", "twitter", "kik", "venmo", "cashapp", "zelle",
    "handle", "user", "username", "usuario", "perfil", "profile", "add", "agrega", "agregame",
    "agrégame", "hmu", "follow", "sigueme", "sígueme", "dm", "dms", "text", "txt", "textea",
    "textear", "call", "llama", "llamame", "llámame", "llamar", "facetime", "address",
    "dirección", "direccion", "calle", "street", "avenue", "apt"
))
_WORD = re.compile(r"[\w@.+-]+", re.UNICODE)
_HANDLE = re.compile(r"(?=.*[a-z])(?=.*(?:\d|_|\.\w))[\w.]{3,}", re.IGNORECASE)


def contact_evidence(text: str) -> bool:
    """Whether ``text`` holds anything a contact detail is made of (see the module's why)."""
    if "@" in text or "＠" in text:
        return True
    numbers = sum(ch.isdigit() for ch in text)
    for raw in _WORD.findall(text.lower()):
        word = raw.strip(".+-")
        if word in _CONTACT_WORDS:
            return True
        if word in _NUMBER_WORDS:
            numbers += 1
        elif _HANDLE.fullmatch(word) and not word.replace(".", "").isdigit():
            return True
        if numbers >= 2:
            return True
    return numbers >= 2


SHORT_WORDS = 3  # up to this many words, a message needs evidence for a contact hold


def may_hold_contact(text: str) -> bool:
    """Whether the contact head may hold ``text``: it is longer than a few words, or it holds
    contact material."""
    return len(_WORD.findall(text)) > SHORT_WORDS or contact_evidence(text)
