"""The litellm chat adapter: streamed text through mock_response, tool calls and errors through a
local OpenAI-compatible server; where keys may be sent (a tenant key only where its kind and host
allow, the platform's own provider keys never to a tenant's api_base, nothing to a refused
address)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest

from switchboard_common.contract import EncryptedSecret
from switchboard_common.contract.secret_use import SecretKind
from switchboard_common.contract.tenant_config import LlmConfig
from switchboard_common.llm_providers import API_BASE_PROVIDERS, KNOWN_LLM_PROVIDERS
from switchboard_common.tenant_llm import NO_KEY
from switchboard_voice_runtime.providers import (
    ChatDelta,
    ChatMessage,
    LiteLlmChatModel,
    ProviderError,
    ToolCall,
    ToolSpec,
)
from switchboard_voice_runtime.providers.litellm_loader import import_litellm
from switchboard_voice_runtime.providers.llm import TokenUsage

MESSAGES = [ChatMessage("system", "Be brief."), ChatMessage("user", "Hours?")]


def _sse(chunks: list[dict[str, object]]) -> bytes:
    body = b"".join(
        b"data: "
        + json.dumps(
            {
                "id": "c1",
                "object": "chat.completion.chunk",
                "created": 1,
                "model": "gpt-4o-mini",
                "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
            }
        ).encode()
        + b"\n\n"
        for delta in chunks
    )
    return body + b"data: [DONE]\n\n"


async def _serve(
    status: int,
    body: bytes,
    requests: list[dict[str, object]],
    heads: list[bytes] | None = None,
) -> asyncio.Server:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        if heads is not None:
            heads.append(head)
        length = next(
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        )
        requests.append(json.loads(await reader.readexactly(length)))
        kind = b"text/event-stream" if status == 200 else b"application/json"
        writer.write(
            b"HTTP/1.1 %d X\r\ncontent-type: %s\r\ncontent-length: %d\r\nconnection: close\r\n\r\n"
            % (status, kind, len(body))
            + body
        )
        await writer.drain()
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


async def _collect(stream: AsyncIterator[ChatDelta]) -> list[ChatDelta]:
    return [delta async for delta in stream]


async def test_mock_response_streams_text_deltas() -> None:
    model = LiteLlmChatModel(
        LlmConfig(model="openai/gpt-4o-mini"), "sk-test", mock_response="We open at nine. Bye."
    )
    deltas = await _collect(model.stream(MESSAGES, []))
    assert "".join(delta.text for delta in deltas) == "We open at nine. Bye."
    assert len(deltas) > 1


async def test_streamed_tool_call_fragments_become_one_tool_call() -> None:
    requests: list[dict[str, object]] = []
    body = _sse(
        [
            {"role": "assistant", "content": "Sure. "},
            {
                "tool_calls": [
                    {
                        "index": 0,
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": "transfer_call", "arguments": '{"tar'},
                    }
                ]
            },
            {"tool_calls": [{"index": 0, "function": {"arguments": 'get": "Sales"}'}}]},
        ]
    )
    server = await _serve(200, body, requests)
    port = server.sockets[0].getsockname()[1]
    config = LlmConfig(model="openai/gpt-4o-mini", api_base=f"http://127.0.0.1:{port}/v1")
    tool = ToolSpec("transfer_call", "Transfer", {"type": "object", "properties": {}})
    async with server:
        deltas = await _collect(
            LiteLlmChatModel(config, "sk-test", allow_private_addresses=True).stream(
                MESSAGES, [tool]
            )
        )
    assert [delta for delta in deltas if delta.usage is None] == [
        ChatDelta(text="Sure. "),
        ChatDelta(tool_call=ToolCall("transfer_call", {"target": "Sales"}, "call_1")),
    ]
    sent = requests[0]
    assert sent["stream"] is True and sent["messages"][0] == {  # type: ignore[index]
        "role": "system",
        "content": "Be brief.",
    }
    assert sent["tools"][0]["function"]["name"] == "transfer_call"  # type: ignore[index]


async def test_a_tool_round_trip_is_sent_in_the_openai_message_shape() -> None:
    requests: list[dict[str, object]] = []
    server = await _serve(200, _sse([{"role": "assistant", "content": "Monday."}]), requests)
    port = server.sockets[0].getsockname()[1]
    config = LlmConfig(model="openai/gpt-4o-mini", api_base=f"http://127.0.0.1:{port}/v1")
    call = ToolCall("find_slot", {"day": "monday"}, "call_9")
    messages = [
        *MESSAGES,
        ChatMessage("assistant", "Let me check.", tool_calls=(call,)),
        ChatMessage("tool", '{"free": ["10:00"]}', tool_call_id="call_9"),
    ]
    async with server:
        deltas = await _collect(
            LiteLlmChatModel(config, "sk-test", allow_private_addresses=True).stream(messages, [])
        )
    assert [delta for delta in deltas if delta.usage is None] == [ChatDelta(text="Monday.")]
    asked, answered = requests[0]["messages"][-2:]  # type: ignore[index]
    assert asked["tool_calls"] == [
        {
            "id": "call_9",
            "type": "function",
            "function": {"name": "find_slot", "arguments": '{"day": "monday"}'},
        }
    ]
    assert answered == {"role": "tool", "content": '{"free": ["10:00"]}', "tool_call_id": "call_9"}


async def test_provider_failure_becomes_a_provider_error() -> None:
    server = await _serve(500, b'{"error": {"message": "boom"}}', [])
    port = server.sockets[0].getsockname()[1]
    config = LlmConfig(model="openai/gpt-4o-mini", api_base=f"http://127.0.0.1:{port}/v1")
    async with server:
        with pytest.raises(ProviderError) as caught:
            await _collect(
                LiteLlmChatModel(config, "sk-test", allow_private_addresses=True).stream(
                    MESSAGES, []
                )
            )
    assert caught.value.provider == "llm" and caught.value.retryable


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


class Server:
    def __init__(self) -> None:
        self.heads: list[bytes] = []
        self.bodies: list[dict[str, object]] = []

    def authorizations(self) -> list[str]:
        found = []
        for head in self.heads:
            for line in head.decode().split("\r\n"):
                name, _, value = line.partition(":")
                if name.lower() == "authorization":
                    found.append(value.strip())
        return found


@pytest.fixture
async def server() -> AsyncIterator[tuple[Server, str]]:
    seen = Server()
    served = await _serve(200, _sse([{"content": "Nine."}]), seen.bodies, seen.heads)
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


def test_the_control_planes_provider_list_is_litellms() -> None:
    litellm = import_litellm()
    theirs = {str(getattr(p, "value", p)) for p in litellm.provider_list}
    assert theirs == set(KNOWN_LLM_PROVIDERS)
    assert theirs >= API_BASE_PROVIDERS


async def test_a_provider_failure_logs_its_class_and_message_without_the_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    key = "sk-tenant-secret-0123456789abcdef"
    body = {"error": {"message": f"Incorrect API key provided: {key}. Quota: none left."}}
    server = await _serve(401, json.dumps(body).encode(), [])
    port = server.sockets[0].getsockname()[1]
    config = LlmConfig(model="openai/gpt-4o-mini", api_base=f"http://127.0.0.1:{port}/v1")
    async with server:
        with caplog.at_level("WARNING"), pytest.raises(ProviderError) as caught:
            await _collect(
                LiteLlmChatModel(config, key, allow_private_addresses=True).stream(MESSAGES, [])
            )
    (record,) = [r for r in caplog.records if r.getMessage() == "llm failed"]
    error = str(record.fields["error"])  # type: ignore[attr-defined]
    assert error.startswith("AuthenticationError: ") and "Quota: none left." in error
    assert key not in error and key[:12] not in error
    assert key not in str(caught.value) and not caught.value.retryable


async def test_a_model_that_goes_silent_mid_answer_times_out() -> None:
    async def stall(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        chunk = _sse([{"content": "We open "}]).split(b"data: [DONE]")[0]
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
            b"transfer-encoding: chunked\r\n\r\n%x\r\n%s\r\n" % (len(chunk), chunk)
        )
        await writer.drain()
        await asyncio.sleep(30)
        writer.close()

    server = await asyncio.start_server(stall, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    config = LlmConfig(
        model="openai/gpt-4o-mini", api_base=f"http://127.0.0.1:{port}/v1", timeout_s=1.0
    )
    model = LiteLlmChatModel(config, "sk-test", allow_private_addresses=True)
    stream = model.stream(MESSAGES, [])
    async with server:
        assert await anext(stream) == ChatDelta(text="We open ")
        with pytest.raises(ProviderError, match="timed out"):
            await anext(stream)


async def test_the_providers_token_usage_comes_as_a_delta_after_the_text() -> None:
    requests: list[dict[str, object]] = []
    usage_chunk = {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "gpt-4o-mini",
        "choices": [],
        "usage": {"prompt_tokens": 42, "completion_tokens": 7, "total_tokens": 49},
    }
    body = _sse([{"role": "assistant", "content": "We open at nine."}])
    body = body.replace(
        b"data: [DONE]", b"data: " + json.dumps(usage_chunk).encode() + b"\n\ndata: [DONE]"
    )
    server = await _serve(200, body, requests)
    port = server.sockets[0].getsockname()[1]
    config = LlmConfig(model="openai/gpt-4o-mini", api_base=f"http://127.0.0.1:{port}/v1")
    async with server:
        deltas = await _collect(
            LiteLlmChatModel(config, "sk-test", allow_private_addresses=True).stream(MESSAGES, [])
        )
    assert "".join(delta.text for delta in deltas) == "We open at nine."
    assert [delta.usage for delta in deltas if delta.usage is not None] == [
        TokenUsage(prompt_tokens=42, completion_tokens=7)
    ]
    assert requests[0]["stream_options"] == {"include_usage": True}
