"""The OpenAI chat-completions wire shape litellm speaks: messages and tools out, streamed
tool-call fragments and token usage in; no I/O."""

from __future__ import annotations

import json
from typing import Any

from switchboard_voice_runtime.providers.llm import ChatMessage, TokenUsage, ToolCall, ToolSpec


def message_json(message: ChatMessage) -> dict[str, object]:
    body: dict[str, object] = {"role": message.role, "content": message.content}
    if message.tool_calls:
        body["tool_calls"] = [
            {
                "id": call.id,
                "type": "function",
                "function": {"name": call.name, "arguments": json.dumps(dict(call.arguments))},
            }
            for call in message.tool_calls
        ]
    if message.tool_call_id is not None:
        body["tool_call_id"] = message.tool_call_id
    return body


def tool_json(tool: ToolSpec) -> dict[str, object]:
    parameters = dict(tool.parameters) or {"type": "object", "properties": {}}
    return {
        "type": "function",
        "function": {"name": tool.name, "description": tool.description, "parameters": parameters},
    }


def token_usage(usage: Any) -> TokenUsage | None:
    """litellm's ``usage`` of a stream chunk (with ``include_usage``, on the last one)."""
    if usage is None:
        return None
    prompt = getattr(usage, "prompt_tokens", None)
    completion = getattr(usage, "completion_tokens", None)
    if not isinstance(prompt, int) or not isinstance(completion, int):
        return None
    return TokenUsage(prompt_tokens=prompt, completion_tokens=completion)


class ToolCallAssembler:
    """Joins streamed tool-call fragments (by index) into whole calls."""

    def __init__(self) -> None:
        self._names: dict[int, str] = {}
        self._ids: dict[int, str] = {}
        self._arguments: dict[int, str] = {}

    def add(self, delta: Any) -> None:
        index = int(getattr(delta, "index", 0) or 0)
        if getattr(delta, "id", None):
            self._ids[index] = str(delta.id)
        function = getattr(delta, "function", None)
        if function is None:
            return
        if getattr(function, "name", None):
            self._names[index] = str(function.name)
        self._arguments[index] = self._arguments.get(index, "") + str(function.arguments or "")

    def complete(self) -> list[ToolCall]:
        calls = []
        for index in sorted(self._names):
            try:
                arguments = json.loads(self._arguments.get(index) or "{}")
            except json.JSONDecodeError:
                arguments = {}
            calls.append(
                ToolCall(
                    self._names[index],
                    arguments if isinstance(arguments, dict) else {},
                    self._ids.get(index) or f"call_{index}",
                )
            )
        return calls
