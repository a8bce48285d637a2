"""Chat models: the streaming port the LLM brain talks to, and its litellm adapter."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

import httpx

from switchboard_common.contract.secret_use import llm_key_problem
from switchboard_common.contract.tenant_config import LlmConfig
from switchboard_common.llm_providers import API_BASE_PROVIDERS, model_provider
from switchboard_common.outbound import AddressRefusedError, PinnedTransport
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
    """Why this call may not go out with this key; None when it may.

    The tenant's key is sent only where its kind and host allow (``secret_use``), whatever the
    snapshot says; a referenced key that could not be opened is never replaced by the
    platform's own provider keys; a tenant ``api_base`` must be an OpenAI-compatible route,
    the one the runtime sends through its own pinned client.
    """
    secret = config.api_key_secret
    if secret is not None:
        if api_key is None:
            return "the agent's key could not be opened"
        problem = llm_key_problem(secret.kind, secret.allowed_host, config.api_base)
        if problem is not None:
            return problem
    if config.api_base is not None and model_provider(config.model or "") not in API_BASE_PROVIDERS:
        return "an api_base needs an OpenAI-compatible ('openai/...') model"
    return None


NO_KEY = "no-key"
"""The key sent to a tenant ``api_base`` when the agent names none: the OpenAI client needs one,
and this one is no secret (litellm would otherwise fill in the platform's ``OPENAI_API_KEY``)."""


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
        from openai import AsyncOpenAI  # loaded with litellm (its dependency), never before

        transport = PinnedTransport(allow_private=self._allow_private)
        http = httpx.AsyncClient(transport=transport, timeout=self._config.timeout_s)
        stack.push_async_callback(http.aclose)
        return AsyncOpenAI(
            api_key=self._api_key or NO_KEY,
            base_url=self._config.api_base,
            # the SDK types httpx2 clients and accepts httpx ones (its "legacy" client check)
            http_client=cast("Any", http),
            max_retries=0,
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


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


_SECRET_LIKE = re.compile(r"(?:sk-|bearer\s+|key[\"']?\s*[:=]\s*[\"']?)[\w.*~+/=-]{6,}", re.I)
_MAX_ERROR_CHARS = 300


def redact(message: str, secret: str | None) -> str:
    """A vendor's error message fit for logs: the key of the call and anything that looks like
    a key or bearer token replaced, and cut to a few hundred characters."""
    if secret:
        message = message.replace(secret, "[redacted]")
    return _SECRET_LIKE.sub("[redacted]", message)[:_MAX_ERROR_CHARS]


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
