"""Refuses request text Postgres cannot store (NUL, unpaired surrogates) before any route runs.

Postgres ``text`` holds neither U+0000 nor a lone UTF-16 surrogate (which has no UTF-8 form), so
such a character in a path, query, header or JSON string would fail deep in a query as a 500.
Refusing it here, once, turns every such request into 422 ``invalid_characters`` whatever
route or field it reaches. Raw bytes need no check: a raw NUL or invalid UTF-8 is already not
JSON (the body parser answers 4xx) and percent-decoding replaces invalid UTF-8 in URLs.
"""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Receive, Scope, Send

from switchboard_common.body_limit import replay_body
from switchboard_common.errors import error_response

INVALID_CHARACTERS = "invalid_characters"
# One JSON escape at a time, so an escaped backslash (``\\``) is consumed whole and the
# ``u0000`` after it is not mistaken for an escape.
_JSON_ESCAPE = re.compile(rb"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)
_PERCENT_NUL = re.compile(rb"%00")
# Methods whose routes take a JSON body here; the body cap covers exactly these, and any other
# method's body is never read by a route, so it is not read (buffered) here either.
_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


def json_has_unstorable_escape(body: bytes) -> bool:
    """Whether a JSON text escapes U+0000 or a surrogate that is not half of a pair."""
    if b"\\" not in body:
        return False
    pending_high_end: int | None = None
    for match in _JSON_ESCAPE.finditer(body):
        hex_digits = match.group(1)
        code = int(hex_digits, 16) if hex_digits is not None else -1
        is_low = 0xDC00 <= code <= 0xDFFF
        if pending_high_end is not None:
            if not (is_low and match.start() == pending_high_end):
                return True
            pending_high_end = None
            continue
        if code == 0 or is_low:
            return True
        if 0xD800 <= code <= 0xDBFF:
            pending_high_end = match.end()
    return pending_high_end is not None


def _unstorable_place(scope: Scope) -> str | None:
    if "\x00" in scope.get("path", ""):
        return "path"
    query: bytes = scope.get("query_string", b"")
    if b"\x00" in query or _PERCENT_NUL.search(query):
        return "query"
    if any(b"\x00" in value for _, value in scope.get("headers", [])):
        return "header"
    return None


class UnstorableTextMiddleware:
    """Answers 422 ``invalid_characters`` (``details.location``) for text Postgres cannot store.

    The body is read whole before the check; mount it inside the body-size cap so that is
    bounded.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        place = _unstorable_place(scope)
        if place is not None:
            await _refuse(place, scope, receive, send)
            return
        if scope["method"] not in _WITH_BODY:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            more = bool(message.get("more_body", False))
        body = b"".join(chunks)
        if json_has_unstorable_escape(body):
            await _refuse("body", scope, receive, send)
            return
        await self.app(scope, replay_body(body, receive), send)


async def _refuse(place: str, scope: Scope, receive: Receive, send: Send) -> None:
    response = error_response(
        422,
        INVALID_CHARACTERS,
        "The request holds a NUL character or an unpaired surrogate, which cannot be stored.",
        {"location": place},
    )
    await response(scope, receive, send)
