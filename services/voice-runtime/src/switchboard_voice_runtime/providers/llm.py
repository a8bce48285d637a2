"""Chat models: the streaming port the LLM brain talks to, and its litellm adapter."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any, Protocol

from switchboard_common.contract.tenant_config import LlmConfig
from switchboard_common.outbound import AddressRefusedError
from switchboard_common.tenant_llm import NO_KEY as NO_KEY  # re-exported: tests name it here
from switchboard_common.tenant_llm import call_refusal, openai_client, redact
from switchboard_common.tenant_llm import caused_by as _caused_by
from switchboard_voice_runtime.providers.errors import ProviderError
from switchboard_voice_runtime.providers.litellm_loader import load_litellm

_log = logging.getLogger(__name__)


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


def key_refusal(config: LlmConfig, api_key: str | None) -> str | None:
    """Why this call may not go out with this key; None when it may
    (``switchboard_common.tenant_llm.call_refusal``, shared with the control plane's analysis)."""
    secret = config.api_key_secret
    return call_refusal(
        config.model,
        config.api_base,
        key_named=secret is not None,
        key=api_key,
        key_kind=secret.kind if secret is not None else None,
        key_host=secret.allowed_host if secret is not None else None,
    )


class LiteLlmChatModel:
    """Any provider litellm speaks to, streamed; ``mock_response`` is for tests.

    With a tenant ``api_base`` the request goes through an OpenAI client built here: its
    transport resolves and checks the host (``allow_private_addresses`` off: no loopback,
    private or link-local address) and connects to the checked address, and its key is the
    tenant's or ``NO_KEY``, so the platform's own provider keys (``OPENAI_API_KEY`` ...) are never
    sent to a tenant's server.
    """

    def __init__(
        self,
        config: LlmConfig,
        api_key: str | None,
        *,
        mock_response: str | None = None,
        allow_private_addresses: bool = False,
    ) -> None:
        if config.model is None:
            raise ValueError("LiteLlmChatModel needs config.model")
        self._config = config
        self._model = config.model
        self._api_key = api_key
        self._mock_response = mock_response
        self._allow_private = allow_private_addresses

    def _request(
        self, messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]
    ) -> dict[str, Any]:
        request: dict[str, Any] = {
            "model": self._model,
            "messages": [_message_json(message) for message in messages],
            "stream": True,
            "stream_options": {"include_usage": True},
            "temperature": self._config.temperature,
            "max_tokens": self._config.max_tokens,
            "timeout": self._config.timeout_s,
            "num_retries": 0,
        }
        if tools:
            request["tools"] = [_tool_json(tool) for tool in tools]
        for key, value in (
            ("api_key", self._api_key),
            ("api_base", self._config.api_base),
            ("mock_response", self._mock_response),
        ):
            if value is not None:
                request[key] = value
        return request

    def _tenant_client(self, stack: AsyncExitStack) -> Any:
        """The OpenAI client for a tenant ``api_base``: pinned transport, explicit key."""
        assert self._config.api_base is not None
        return openai_client(
            stack,
            self._config.api_base,
            self._api_key,
            timeout_s=self._config.timeout_s,
            allow_private=self._allow_private,
        )

    async def stream(
        self, messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]
    ) -> AsyncIterator[ChatDelta]:
        refusal = key_refusal(self._config, self._api_key)
        if refusal is not None:
            raise ProviderError(f"llm refused: {refusal}", provider="llm", retryable=False)
        litellm = await load_litellm()
        calls = _ToolCallAssembler()
        request = self._request(messages, tools)
        try:
            async with AsyncExitStack() as stack:
                if self._config.api_base is not None and self._mock_response is None:
                    request["client"] = self._tenant_client(stack)
                    request["api_key"] = self._api_key or NO_KEY
                async for delta in self._deltas(litellm, request, calls):
                    yield delta
        except TimeoutError as exc:
            _log.warning("llm timed out", extra={"fields": {"timeout_s": self._config.timeout_s}})
            raise ProviderError("llm timed out", provider="llm", retryable=True) from exc
        except ProviderError:
            raise
        except Exception as exc:  # vendor exceptions vary by provider
            if _caused_by(exc, AddressRefusedError):
                raise ProviderError(
                    "llm api_base address refused", provider="llm", retryable=False
                ) from exc
            cause = f"{type(exc).__name__}: {redact(str(exc), self._api_key)}"
            _log.warning("llm failed", extra={"fields": {"error": cause, "model": self._model}})
            raise ProviderError(
                f"llm failed: {cause}", provider="llm", retryable=_retryable(exc)
            ) from exc
        for call in calls.complete():
            yield ChatDelta(tool_call=call)

    async def _deltas(
        self, litellm: Any, request: dict[str, Any], calls: _ToolCallAssembler
    ) -> AsyncIterator[ChatDelta]:
        async with asyncio.timeout(self._config.timeout_s):
            response = await litellm.acompletion(**request)
        chunks = aiter(response)
        usage: TokenUsage | None = None
        while True:
            async with asyncio.timeout(self._config.timeout_s):  # no chunk may hang longer
                chunk = await anext(chunks, None)
            if chunk is None:
                break
            usage = _token_usage(getattr(chunk, "usage", None)) or usage
            if not chunk.choices:
                continue
            delta = chunk.choices[0].delta
            if delta.content:
                yield ChatDelta(text=delta.content)
            for tool_delta in delta.tool_calls or ():
                calls.add(tool_delta)
        if usage is not None:
            yield ChatDelta(usage=usage)


def _token_usage(usage: Any) -> TokenUsage | None:
    """litellm's ``usage`` of a stream chunk (with ``include_usage``, on the last one)."""
    if usage is None:
        return None
    prompt = getattr(usage, "prompt_tokens", None)
    completion = getattr(usage, "completion_tokens", None)
    if not isinstance(prompt, int) or not isinstance(completion, int):
        return None
    return TokenUsage(prompt_tokens=prompt, completion_tokens=completion)


def _message_json(message: ChatMessage) -> dict[str, object]:
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


def _tool_json(tool: ToolSpec) -> dict[str, object]:
    parameters = dict(tool.parameters) or {"type": "object", "properties": {}}
    return {
        "type": "function",
        "function": {"name": tool.name, "description": tool.description, "parameters": parameters},
    }


def _retryable(exc: Exception) -> bool:
    status = getattr(exc, "status_code", None)
    return not isinstance(status, int) or status >= 500 or status == 429


class _ToolCallAssembler:
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


def litellm_chat_model(config: LlmConfig, api_key: str | None) -> ChatModel:
    """The default ChatModelFactory (tenant ``api_base`` hosts must be public)."""
    return LiteLlmChatModel(config, api_key)


def litellm_chat_models(*, allow_private_addresses: bool) -> ChatModelFactory:
    """The ChatModelFactory of a runtime whose operator may allow private ``api_base`` hosts."""

    def build(config: LlmConfig, api_key: str | None) -> ChatModel:
        return LiteLlmChatModel(config, api_key, allow_private_addresses=allow_private_addresses)

    return build
