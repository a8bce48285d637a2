"""Calling a tenant's LLM, the same way wherever it happens (the runtime's turns, the control
plane's post-call analysis): when a call may go out with the tenant's key, the OpenAI client
for a tenant ``api_base`` (pinned to checked addresses by the outbound guard, never carrying
the platform's own provider keys), and error text fit for logs. No litellm import here."""

from __future__ import annotations

import re
from contextlib import AsyncExitStack
from typing import Any, cast

import httpx

from switchboard_common.contract.secret_use import llm_key_problem
from switchboard_common.llm_providers import API_BASE_PROVIDERS, model_provider
from switchboard_common.outbound import PinnedTransport

NO_KEY = "no-key"
"""The key sent to a tenant ``api_base`` when the agent names none: the OpenAI client needs one,
and this one is no secret (litellm would otherwise fill in the platform's ``OPENAI_API_KEY``)."""
_SECRET_LIKE = re.compile(r"(?:sk-|bearer\s+|key[\"']?\s*[:=]\s*[\"']?)[\w.*~+/=-]{6,}", re.I)
_MAX_ERROR_CHARS = 300


def call_refusal(
    model: str | None,
    api_base: str | None,
    *,
    key_named: bool,
    key: str | None,
    key_kind: str | None,
    key_host: str | None,
) -> str | None:
    """Why this call may not go out with this key; None when it may.

    The tenant's key is sent only where its kind and host allow (``secret_use``); a referenced
    key that could not be opened is never replaced by the platform's own provider keys; a
    tenant ``api_base`` must be an OpenAI-compatible route (sent through ``openai_client``).
    """
    if key_named:
        if key is None:
            return "the agent's key could not be opened"
        problem = llm_key_problem(key_kind, key_host, api_base)
        if problem is not None:
            return problem
    if api_base is not None and model_provider(model or "") not in API_BASE_PROVIDERS:
        return "an api_base needs an OpenAI-compatible ('openai/...') model"
    return None


def openai_client(
    stack: AsyncExitStack,
    api_base: str,
    api_key: str | None,
    *,
    timeout_s: float,
    allow_private: bool,
) -> Any:
    """The OpenAI client (litellm's ``client=``) for a tenant ``api_base``: its transport
    resolves and checks the host and connects to the checked address, its key is the tenant's
    or ``NO_KEY``; closed with ``stack``. Import it only once litellm is loaded (its SDK is
    litellm's dependency)."""
    from openai import AsyncOpenAI

    transport = PinnedTransport(allow_private=allow_private)
    http = httpx.AsyncClient(transport=transport, timeout=timeout_s)
    stack.push_async_callback(http.aclose)
    return AsyncOpenAI(
        api_key=api_key or NO_KEY,
        base_url=api_base,
        # the SDK types httpx2 clients and accepts httpx ones (its "legacy" client check)
        http_client=cast("Any", http),
        max_retries=0,
    )


def caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether ``exc`` or one of its causes (10 deep at most) is a ``kind``."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def redact(message: str, secret: str | None) -> str:
    """A vendor's error message fit for logs: the key of the call and anything that looks like
    a key or bearer token replaced, and cut to a few hundred characters."""
    if secret:
        message = message.replace(secret, "[redacted]")
    return _SECRET_LIKE.sub("[redacted]", message)[:_MAX_ERROR_CHARS]
