"""Carrier webhook bodies: size-limited, form-decoded, with the public URL they were signed for;
and the one answer to a webhook no key verifies."""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import Request

from switchboard_common.errors import ServiceError


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


def bad_signature() -> ServiceError:
    """403 ``bad_signature``: no key of the number's account verifies the webhook."""
    return ServiceError(
        "The request signature is not valid.", code="bad_signature", status_code=403
    )
