"""Chat models: the streaming port the LLM brain talks to, and the values it streams."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from switchboard_common.contract.tenant_config import LlmConfig


@dataclass(frozen=True, slots=True)
class ToolSpec:
    """A function the model may call; ``parameters`` is a JSON schema object."""

    name: str
    description: str
    parameters: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ToolCall:
    name: str
    arguments: Mapping[str, object]
    id: str = ""


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One message; an assistant message may carry the tool calls it made, and a ``tool``
    message answers one of them by ``tool_call_id``."""

    role: str  # "system" | "user" | "assistant" | "tool"
    content: str
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None


@dataclass(frozen=True, slots=True)
class TokenUsage:
    """Tokens one model request consumed, as the provider reported them (litellm's ``usage``)."""

    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True, slots=True)
class ChatDelta:
    """One piece of the streamed answer: text, a complete tool call, or the request's token
    usage (once, after the text, when the provider reports it)."""

    text: str = ""
    tool_call: ToolCall | None = None
    usage: TokenUsage | None = None


class ChatModel(Protocol):
    def stream(
        self, messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]
    ) -> AsyncIterator[ChatDelta]:
        """Streams the reply; tool calls come whole, after the text. Raises ProviderError
        (also mid-stream); the adapter enforces its own deadline for the first token and for
        each one after it."""


ChatModelFactory = Callable[[LlmConfig, "str | None"], ChatModel]
