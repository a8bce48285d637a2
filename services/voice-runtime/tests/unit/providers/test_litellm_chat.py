"""The litellm chat adapter: streamed text through mock_response; tool calls, usage, errors and
deadlines through a local OpenAI-compatible server (where keys may go: test_litellm_chat_keys)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest

from switchboard_common.contract.tenant_config import LlmConfig
from switchboard_common.llm_providers import API_BASE_PROVIDERS, KNOWN_LLM_PROVIDERS
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
from switchboard_voice_runtime.testing.openai_server import serve, sse

MESSAGES = [ChatMessage("system", "Be brief."), ChatMessage("user", "Hours?")]


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
    body = sse(
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
    server = await serve(200, body, requests)
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
    server = await serve(200, sse([{"role": "assistant", "content": "Monday."}]), requests)
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
    server = await serve(500, b'{"error": {"message": "boom"}}', [])
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
    server = await serve(401, json.dumps(body).encode(), [])
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
        chunk = sse([{"content": "We open "}]).split(b"data: [DONE]")[0]
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
    body = sse([{"role": "assistant", "content": "We open at nine."}])
    body = body.replace(
        b"data: [DONE]", b"data: " + json.dumps(usage_chunk).encode() + b"\n\ndata: [DONE]"
    )
    server = await serve(200, body, requests)
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
