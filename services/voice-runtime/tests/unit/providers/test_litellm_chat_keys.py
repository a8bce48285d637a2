"""Where the litellm chat adapter may send a key: a tenant key only where its kind and host
allow, the platform's own provider keys never to a tenant's api_base, nothing to a refused
address."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from switchboard_common.contract import EncryptedSecret
from switchboard_common.contract.secret_use import SecretKind
from switchboard_common.contract.tenant_config import LlmConfig
from switchboard_common.tenant_llm import NO_KEY
from switchboard_voice_runtime.providers import (
    ChatDelta,
    ChatMessage,
    LiteLlmChatModel,
    ProviderError,
)
from switchboard_voice_runtime.testing.openai_server import Server, serve, sse

MESSAGES = [ChatMessage("system", "Be brief."), ChatMessage("user", "Hours?")]


PLATFORM_KEY = "sk-platform-PLAINTEXT-0000"
CARRIER_TOKEN = "twilio-auth-token-PLAINTEXT"


def _secret(kind: SecretKind, allowed_host: str | None = None) -> EncryptedSecret:
    """What a snapshot carries (the adapter gets the opened value separately)."""
    return EncryptedSecret(
        name="k", key_id="k1", nonce="bm9uY2U=", ciphertext="Y2lwaGVy", kind=kind,
        allowed_host=allowed_host,
    )  # fmt: skip


async def _text(stream: AsyncIterator[ChatDelta]) -> str:
    return "".join([delta.text async for delta in stream])


@pytest.fixture
async def server() -> AsyncIterator[tuple[Server, str]]:
    seen = Server()
    served = await serve(200, sse([{"content": "Nine."}]), seen.bodies, seen.heads)
    port = served.sockets[0].getsockname()[1]
    async with served:
        yield seen, f"http://127.0.0.1:{port}/v1"


async def test_the_runtime_never_sends_a_carrier_token_as_an_llm_bearer(
    server: tuple[Server, str],
) -> None:
    seen, api_base = server
    for kind in ("carrier_credential", "tool_credential", "webhook_secret"):
        # a snapshot that (wrongly) carries a carrier token in the LLM key slot
        config = LlmConfig(
            model="openai/m", api_base=api_base, api_key_secret=_secret(kind, "127.0.0.1")
        )
        model = LiteLlmChatModel(config, CARRIER_TOKEN, allow_private_addresses=True)
        with pytest.raises(ProviderError) as refused:
            await _text(model.stream(MESSAGES, []))
        assert not refused.value.retryable
    no_host = LlmConfig(model="openai/m", api_key_secret=_secret("carrier_credential"))
    with pytest.raises(ProviderError):
        await _text(LiteLlmChatModel(no_host, CARRIER_TOKEN).stream(MESSAGES, []))
    assert seen.heads == []


async def test_an_llm_key_is_sent_only_to_the_host_it_is_bound_to(
    server: tuple[Server, str],
) -> None:
    seen, api_base = server
    elsewhere = LlmConfig(
        model="openai/m", api_base=api_base, api_key_secret=_secret("llm_api_key", "llm.example")
    )
    model = LiteLlmChatModel(elsewhere, "sk-tenant", allow_private_addresses=True)
    with pytest.raises(ProviderError):
        await _text(model.stream(MESSAGES, []))
    assert seen.heads == []
    bound = elsewhere.model_copy(update={"api_key_secret": _secret("llm_api_key", "127.0.0.1")})
    model = LiteLlmChatModel(bound, "sk-tenant", allow_private_addresses=True)
    assert await _text(model.stream(MESSAGES, [])) == "Nine."
    assert seen.authorizations() == ["Bearer sk-tenant"]


async def test_platform_keys_are_never_sent_to_a_tenant_api_base(
    server: tuple[Server, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen, api_base = server
    monkeypatch.setenv("OPENAI_API_KEY", PLATFORM_KEY)
    config = LlmConfig(model="openai/m", api_base=api_base)
    model = LiteLlmChatModel(config, None, allow_private_addresses=True)
    assert await _text(model.stream(MESSAGES, [])) == "Nine."
    assert len(seen.heads) == 1
    assert PLATFORM_KEY not in seen.heads[0].decode()
    assert seen.authorizations() == [f"Bearer {NO_KEY}"]


async def test_a_key_that_could_not_be_opened_is_not_replaced_by_a_platform_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", PLATFORM_KEY)
    config = LlmConfig(model="openai/gpt-4o-mini", api_key_secret=_secret("llm_api_key"))
    with pytest.raises(ProviderError, match="could not be opened"):
        await _text(LiteLlmChatModel(config, None).stream(MESSAGES, []))


async def test_a_loopback_api_base_is_refused_unless_the_operator_allows_it(
    server: tuple[Server, str],
) -> None:
    seen, api_base = server
    config = LlmConfig(model="openai/m", api_base=api_base)
    with pytest.raises(ProviderError, match="address refused") as refused:
        await _text(LiteLlmChatModel(config, "sk-tenant").stream(MESSAGES, []))
    assert not refused.value.retryable
    assert seen.heads == []
    for base in ("http://169.254.169.254/v1", "http://[::ffff:10.0.0.1]/v1"):
        other = config.model_copy(update={"api_base": base})
        with pytest.raises(ProviderError, match="address refused"):
            await _text(LiteLlmChatModel(other, "sk-tenant").stream(MESSAGES, []))


async def test_an_api_base_needs_an_openai_compatible_model(server: tuple[Server, str]) -> None:
    seen, api_base = server
    config = LlmConfig(model="anthropic/claude-x", api_base=api_base)
    model = LiteLlmChatModel(config, None, allow_private_addresses=True)
    with pytest.raises(ProviderError, match="OpenAI-compatible"):
        await _text(model.stream(MESSAGES, []))
    assert seen.heads == [] and json.dumps(seen.bodies) == "[]"
