"""The OpenAI chat-completions wire shape: streamed tool-call fragments joined by index, token
usage read only when the provider reports whole numbers, tools sent with an object schema."""

from __future__ import annotations

from types import SimpleNamespace

from switchboard_voice_runtime.providers.chat_wire import (
    ToolCallAssembler,
    token_usage,
    tool_json,
)
from switchboard_voice_runtime.providers.llm import TokenUsage, ToolCall, ToolSpec


def _fragment(
    index: int, *, call_id: str | None = None, name: str | None = None, arguments: str = ""
) -> object:
    return SimpleNamespace(
        index=index, id=call_id, function=SimpleNamespace(name=name, arguments=arguments)
    )


def test_fragments_of_interleaved_calls_are_joined_by_index_in_index_order() -> None:
    calls = ToolCallAssembler()
    calls.add(_fragment(1, call_id="call_b", name="end_call", arguments="{"))
    calls.add(_fragment(0, call_id="call_a", name="transfer_call", arguments='{"target"'))
    calls.add(_fragment(1, arguments="}"))
    calls.add(_fragment(0, arguments=': "Sales"}'))
    assert calls.complete() == [
        ToolCall("transfer_call", {"target": "Sales"}, "call_a"),
        ToolCall("end_call", {}, "call_b"),
    ]


def test_a_call_without_an_id_or_with_broken_arguments_still_comes_whole() -> None:
    calls = ToolCallAssembler()
    calls.add(_fragment(0, name="find_slot", arguments='{"day": '))
    calls.add(_fragment(2, name="end_call", arguments='["not", "an object"]'))
    assert calls.complete() == [
        ToolCall("find_slot", {}, "call_0"),
        ToolCall("end_call", {}, "call_2"),
    ]


def test_usage_counts_only_when_both_token_counts_are_whole_numbers() -> None:
    assert token_usage(SimpleNamespace(prompt_tokens=42, completion_tokens=7)) == TokenUsage(42, 7)
    assert token_usage(SimpleNamespace(prompt_tokens=42, completion_tokens=None)) is None
    assert token_usage(None) is None


def test_a_tool_without_parameters_is_sent_with_an_empty_object_schema() -> None:
    assert tool_json(ToolSpec("end_call", "Hang up")) == {
        "type": "function",
        "function": {
            "name": "end_call",
            "description": "Hang up",
            "parameters": {"type": "object", "properties": {}},
        },
    }
