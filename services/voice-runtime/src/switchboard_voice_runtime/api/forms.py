"""Carrier webhook bodies: size-limited, form-decoded, with the public URL they were signed for."""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import Request


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
