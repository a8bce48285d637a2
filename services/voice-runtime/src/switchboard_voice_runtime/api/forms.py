"""Carrier webhook bodies: size-limited, form-decoded, with the public URL they were signed for."""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import Request

from switchboard_common.errors import ServiceError


async def read_limited_body(request: Request, max_bytes: int) -> bytes:
    """The raw body; 413 ``payload_too_large`` once it exceeds ``max_bytes``."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise ServiceError(
            "The request body is too large.", code="payload_too_large", status_code=413
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise ServiceError(
                "The request body is too large.", code="payload_too_large", status_code=413
            )
        chunks.append(chunk)
    return b"".join(chunks)


def parse_form(body: bytes) -> list[tuple[str, str]] | None:
    """Form fields in order; None when the body is not UTF-8 form data."""
    try:
        return parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        return None


def public_url(base_url: str, request: Request) -> str:
    """The URL the carrier requested, rebuilt from configuration (never from the socket)."""
    query = request.url.query
    return f"{base_url}{request.url.path}" + (f"?{query}" if query else "")
