"""CSRF protection for every form: a per-session token in a hidden field, compared in constant time.

Signed-in forms carry the session's own ``csrf_token``; the sign-in form (no session yet) uses a
double-submit cookie. SameSite=Lax cookies are the second layer, not the only one.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request

FIELD = "csrf"
SIGNIN_COOKIE = "mb_signin_csrf"


class CsrfRejected(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=403, detail="This form has expired or did not come from the desk. "
                                                 "Go back, reload the page and try again.")


async def check(request: Request, expected: str) -> None:
    """Raise 403 unless the submitted form carries ``expected``."""
    form = await request.form()
    sent = form.get(FIELD)
    if not isinstance(sent, str) or not expected or not hmac.compare_digest(sent, expected):
        raise CsrfRejected()


def new_token() -> str:
    return secrets.token_urlsafe(32)
