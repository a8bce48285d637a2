"""What each kind of tenant secret may be used for: one rule, applied by the control plane when
a secret is referenced and by the runtime before a secret leaves the process.

A secret's kind is fixed when it is created. An ``llm_api_key`` is sent only to the LLM host it
was created for: with ``allowed_host`` unset, only to the provider's own endpoint (an agent with
no ``api_base``); with ``allowed_host`` set, only to an ``api_base`` on exactly that host. So an
editor cannot point an agent's ``api_base`` at their own server and receive a stored key, and a
carrier token or tool credential can never be sent as an LLM bearer token.
"""

from __future__ import annotations

from typing import Literal, get_args
from urllib.parse import urlsplit

SecretKind = Literal["llm_api_key", "carrier_credential", "tool_credential", "webhook_secret"]
"""``llm_api_key``: an LLM provider's key (``llm.api_key_secret_name``). ``carrier_credential``:
a carrier account's token (the tenant's telephony config). ``tool_credential``: a credential for
the tenant's own HTTP tools. ``webhook_secret``: a signing key that is never sent anywhere (the
kind existing secrets nobody references get)."""

SECRET_KINDS: tuple[SecretKind, ...] = get_args(SecretKind)


def api_base_host(api_base: str | None) -> str | None:
    """The lower-cased host of an ``api_base`` URL (None for None or a URL without a host)."""
    if api_base is None:
        return None
    try:
        host = urlsplit(api_base).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def llm_key_problem(kind: str | None, allowed_host: str | None, api_base: str | None) -> str | None:
    """Why a secret of ``kind`` bound to ``allowed_host`` may not be sent as the LLM key of an
    agent with ``api_base``; None when it may."""
    if kind != "llm_api_key":
        return f"a secret of kind {kind or 'unknown'!r} cannot be used as an LLM key"
    host = api_base_host(api_base)
    if (allowed_host or None) == host:
        return None
    if allowed_host is None:
        return (
            f"this key may only go to its provider's own endpoint; for api_base host {host!r} "
            f"create a key with allowed_host {host!r}"
        )
    where = f"api_base host {host!r}" if host else "the provider's own endpoint"
    return f"this key is bound to host {allowed_host!r}, not {where}"


def kind_problem(kind: str | None, expected: SecretKind) -> str | None:
    """Why a secret of ``kind`` may not be used where ``expected`` is required; None if it may."""
    if kind == expected:
        return None
    return f"a secret of kind {kind or 'unknown'!r} cannot be used here (needs {expected!r})"
