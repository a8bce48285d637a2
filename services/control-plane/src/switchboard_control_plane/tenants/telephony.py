"""The secrets a tenant's stored telephony config names, read in one place for the routes that
check, protect and publish them."""

from __future__ import annotations

from typing import Any

CARRIER_SECRET_FIELDS = (("twilio", "auth_token_secret_name"), ("telnyx", "api_key_secret_name"))
"""(carrier, field) of every telephony field that names a ``carrier_credential`` secret."""


def carrier_account(telephony: dict[str, Any] | None, carrier: str) -> dict[str, Any] | None:
    """The stored account of ``carrier`` (``telephony.<carrier>``), or None."""
    account = (telephony or {}).get(carrier)
    return account if isinstance(account, dict) else None


def carrier_secret_names(telephony: dict[str, Any] | None) -> list[tuple[str, str]]:
    """``(field path, secret name)`` for each carrier secret the config names, e.g.
    ``("telephony.telnyx.api_key_secret_name", "telnyx-key")``, in carrier order."""
    found: list[tuple[str, str]] = []
    for carrier, field in CARRIER_SECRET_FIELDS:
        account = carrier_account(telephony, carrier)
        if account is not None and isinstance(account.get(field), str):
            found.append((f"telephony.{carrier}.{field}", account[field]))
    return found
