"""The litellm chat adapter: any provider litellm speaks to, streamed, behind ``ChatModel``;
which key may go where, per-token deadlines, vendor errors as ``ProviderError``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack
from typing import Any

from switchboard_common.contract.tenant_config import LlmConfig
from switchboard_common.outbound import AddressRefusedError
from switchboard_common.tenant_llm import NO_KEY, call_refusal, caused_by, openai_client, redact
from switchboard_voice_runtime.providers.chat_wire import (
    ToolCallAssembler,
    message_json,
    token_usage,
    tool_json,
)
from switchboard_voice_runtime.providers.errors import ProviderError, retryable_status
from switchboard_voice_runtime.providers.litellm_loader import load_litellm
from switchboard_voice_runtime.providers.llm import (
    ChatDelta,
    ChatMessage,
    ChatModel,
    ChatModelFactory,
    TokenUsage,
    ToolSpec,
)

_log = logging.getLogger(__name__)


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
            "messages": [message_json(message) for message in messages],
            "stream": True,
            "stream_options": {"include_usage": True},
            "temperature": self._config.temperature,
            "max_tokens": self._config.max_tokens,
            "timeout": self._config.timeout_s,
            "num_retries": 0,
        }
        if tools:
            request["tools"] = [tool_json(tool) for tool in tools]
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
        calls = ToolCallAssembler()
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
            if caused_by(exc, AddressRefusedError):
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
        self, litellm: Any, request: dict[str, Any], calls: ToolCallAssembler
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
            usage = token_usage(getattr(chunk, "usage", None)) or usage
            if not chunk.choices:
                continue
            delta = chunk.choices[0].delta
            if delta.content:
                yield ChatDelta(text=delta.content)
            for tool_delta in delta.tool_calls or ():
                calls.add(tool_delta)
        if usage is not None:
            yield ChatDelta(usage=usage)


def _retryable(exc: Exception) -> bool:
    status = getattr(exc, "status_code", None)
    return not isinstance(status, int) or retryable_status(status)


def litellm_chat_model(config: LlmConfig, api_key: str | None) -> ChatModel:
    """The default ChatModelFactory (tenant ``api_base`` hosts must be public)."""
    return LiteLlmChatModel(config, api_key)


def litellm_chat_models(*, allow_private_addresses: bool) -> ChatModelFactory:
    """The ChatModelFactory of a runtime whose operator may allow private ``api_base`` hosts."""

    def build(config: LlmConfig, api_key: str | None) -> ChatModel:
        return LiteLlmChatModel(config, api_key, allow_private_addresses=allow_private_addresses)

    return build
