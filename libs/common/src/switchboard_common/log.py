"""Structured JSON logs with request and call context; caller data only under ``pii``."""

from __future__ import annotations

import json
import logging
import sys
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REDACTED = "[redacted]"
REQUEST_ID_HEADER = "x-request-id"

_context: ContextVar[Mapping[str, str]] = ContextVar("switchboard_log_context", default={})  # noqa: B039

_RESERVED = frozenset(vars(logging.makeLogRecord({})).keys()) | {
    "message",
    "asctime",
    "color_message",
}


def current_context() -> Mapping[str, str]:
    """The ids bound to the running task (request_id, call_id, tenant_id...)."""
    return _context.get()


@contextmanager
def bound(**ids: str) -> Iterator[None]:
    """Binds ids (``call_id=...``) to every log line written inside the block."""
    token = _context.set({**_context.get(), **ids})
    try:
        yield
    finally:
        _context.reset(token)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, context ids, fields, pii.

    Structured data goes in ``extra={"fields": {...}}``; anything about the caller (phone numbers,
    transcripts, prompts) in ``extra={"pii": {...}}``, which is redacted unless ``log_pii`` is on.
    """

    def __init__(self, service: str, *, log_pii: bool) -> None:
        super().__init__()
        self._service = service
        self._log_pii = log_pii

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "service": self._service,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update(current_context())
        fields = getattr(record, "fields", None)
        if isinstance(fields, Mapping):
            entry.update({k: v for k, v in fields.items() if k not in entry})
        for key, value in vars(record).items():
            if key not in _RESERVED and key not in ("fields", "pii") and key not in entry:
                entry[key] = value
        pii = getattr(record, "pii", None)
        if isinstance(pii, Mapping) and pii:
            entry["pii"] = dict(pii) if self._log_pii else {k: REDACTED for k in pii}
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """Human-readable lines for local development; pii follows the same redaction rule."""

    def __init__(self, *, log_pii: bool) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s %(message)s")
        self._log_pii = log_pii

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = {**current_context()}
        fields = getattr(record, "fields", None)
        if isinstance(fields, Mapping):
            extras.update(fields)
        pii = getattr(record, "pii", None)
        if isinstance(pii, Mapping):
            extras.update({f"pii.{k}": (v if self._log_pii else REDACTED) for k, v in pii.items()})
        if extras:
            line += " " + " ".join(f"{k}={v}" for k, v in extras.items())
        return line


def configure_logging(
    service: str, *, level: str = "INFO", json_lines: bool = True, log_pii: bool = False
) -> None:
    """Routes the root logger (and uvicorn's) to stderr in the chosen format."""
    handler = logging.StreamHandler(sys.stderr)
    formatter: logging.Formatter = (
        JsonFormatter(service, log_pii=log_pii) if json_lines else TextFormatter(log_pii=log_pii)
    )
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        uv_logger = logging.getLogger(name)
        uv_logger.handlers[:] = []
        uv_logger.propagate = True


def adopt_library_loggers(names: Iterable[str], *, level: str = "WARNING") -> None:
    """Sends a library's own loggers through ours: drops the handlers (and their formats, colours)
    it installed, lets its records reach the root handler, and keeps them at ``level`` or above.
    Call it after importing the library, which adds its handlers at import."""
    for name in names:
        library_logger = logging.getLogger(name)
        library_logger.handlers[:] = []
        library_logger.propagate = True
        library_logger.setLevel(level)


class RequestContextMiddleware:
    """Binds a request id (from ``X-Request-ID`` or new) to logs and echoes it in the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id = _incoming_request_id(scope) or uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER.encode(), request_id.encode()))
                message["headers"] = headers
            await send(message)

        with bound(request_id=request_id):
            # A websocket sends no response headers: its every frame skips the wrapper.
            wrapped = send_with_id if scope["type"] == "http" else send
            await self.app(scope, receive, wrapped)


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == REQUEST_ID_HEADER.encode():
            candidate: str = bytes(value).decode("latin-1")[:64]
            if candidate.replace("-", "").isalnum():
                return candidate
    return None
