"""Request-body caps: 413 ``payload_too_large`` by ``Content-Length`` when declared, else by
counting while reading (a chunked upload stops being read at the cap).

``read_capped_body`` serves routes that read their body themselves (uploads, carrier webhooks).
``BodyLimitMiddleware`` serves apps whose routes parse small JSON bodies: FastAPI reads such a
body whole before any route code runs, so only a middleware can refuse it first; the app then
gets the body from the middleware's buffer.
"""

from __future__ import annotations

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from switchboard_common.errors import PayloadTooLargeError, error_response

_WITHOUT_BODY = frozenset({"GET", "HEAD", "OPTIONS", "DELETE"})


def declared_too_large(content_length: str | None, max_bytes: int) -> bool:
    """Whether a ``Content-Length`` value already says the body is over the cap."""
    declared = (content_length or "").strip()
    return declared.isdigit() and int(declared) > max_bytes


async def read_capped_body(request: Request, max_bytes: int, *, message: str) -> bytes:
    """The whole body; ``PayloadTooLargeError(message)`` once it is over ``max_bytes``."""
    if declared_too_large(request.headers.get("content-length"), max_bytes):
        raise PayloadTooLargeError(message, max_bytes)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            raise PayloadTooLargeError(message, max_bytes)
    return bytes(body)


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _WITHOUT_BODY:
            await self.app(scope, receive, send)
            return
        if declared_too_large(_header(scope, b"content-length"), self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            more = bool(message.get("more_body", False))
        await self.app(scope, replay_body(bytes(body), receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            PayloadTooLargeError.status_code,
            PayloadTooLargeError.code,
            f"The request body exceeds {self.max_bytes} bytes.",
            {"max_bytes": self.max_bytes},
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def replay_body(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the app ``body`` (already read) as one message, then defers."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
