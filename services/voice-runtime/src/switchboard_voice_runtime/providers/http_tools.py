"""HTTP tools: the tenant's own endpoints the LLM may call mid-turn (book a slot, look up an order).

A tool call never raises into the call: every failure becomes a short result text the model can
explain to the caller ("error: timed out"). The URL is the tenant's, so it passes the platform's
one outbound-address guard (``switchboard_common.outbound``): addresses that are not globally
routable are refused unless the operator allows them, redirects are not followed (a redirect
could point anywhere), and the request goes to the very address that was checked.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

import httpx

from switchboard_common.contract.tenant_config import HttpTool
from switchboard_common.outbound import AddressRefusedError, checked_address, pinned, url_port

_log = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 16_384
"""What is read of a tool's answer; the model gets at most ``MAX_RESULT_CHARS`` of it."""
MAX_RESULT_CHARS = 4_000
USER_AGENT = "switchboard-voice-runtime/1 (http-tool)"

ToolOutcome = Literal["ok", "http_error", "timeout", "refused", "failed"]


@dataclass(frozen=True, slots=True)
class ToolCallContext:
    """Who is calling: sent to the tenant's endpoint as headers, never the caller's number."""

    tenant_id: str
    call_id: str
    agent_id: str


@dataclass(frozen=True, slots=True)
class ToolResult:
    """What a tool call gave: ``text`` for the model, and for the call's record whether it
    worked and the HTTP status (None when no answer came)."""

    text: str
    ok: bool
    status_code: int | None = None


class ToolRunner(Protocol):
    async def call(
        self, tool: HttpTool, arguments: Mapping[str, object], context: ToolCallContext
    ) -> ToolResult:
        """The tool's result; never raises but for cancellation."""


class HttpToolRunner:
    """Runs one HTTP tool call: GET with the arguments as query parameters, POST as a JSON body."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        allow_private_addresses: bool = False,
        on_outcome: Callable[[ToolOutcome], None] | None = None,
    ) -> None:
        self._http = http
        self._allow_private = allow_private_addresses
        self._on_outcome = on_outcome

    async def run(
        self, tool: HttpTool, arguments: Mapping[str, object], context: ToolCallContext
    ) -> str:
        """The result text for the model; cancellation (barge-in) propagates, nothing else does."""
        return (await self.call(tool, arguments, context)).text

    async def call(
        self, tool: HttpTool, arguments: Mapping[str, object], context: ToolCallContext
    ) -> ToolResult:
        """The result with its outcome; cancellation (barge-in) propagates, nothing else does."""
        outcome: ToolOutcome
        status_code: int | None = None
        try:
            async with asyncio.timeout(tool.timeout_s):
                url = httpx.URL(tool.url)
                address = await checked_address(
                    url.host, url_port(url), allow_private=self._allow_private
                )
                result, outcome, status_code = await self._request(
                    tool, url, arguments, context, address
                )
        except AddressRefusedError:
            result, outcome = "error: this tool's address is not allowed", "refused"
        except TimeoutError:
            result, outcome = "error: the service did not answer in time", "timeout"
        except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
            result = f"error: the service could not be reached ({type(exc).__name__})"
            outcome = "failed"
        _log.info("call.http_tool", extra={"tool": tool.name, "outcome": outcome})
        if self._on_outcome is not None:
            self._on_outcome(outcome)
        return ToolResult(result, ok=outcome == "ok", status_code=status_code)

    async def _request(
        self,
        tool: HttpTool,
        url: httpx.URL,
        arguments: Mapping[str, object],
        context: ToolCallContext,
        address: str,
    ) -> tuple[str, ToolOutcome, int]:
        target, host_header, extensions = pinned(url, address)
        headers = {
            "Host": host_header,
            "User-Agent": USER_AGENT,
            # no reuse: a pooled connection is keyed by address and could carry another host
            "Connection": "close",
            "X-Switchboard-Tenant-Id": context.tenant_id,
            "X-Switchboard-Call-Id": context.call_id,
            "X-Switchboard-Agent-Id": context.agent_id,
        }
        if tool.method == "GET":
            params = {key: _query_value(value) for key, value in arguments.items()}
            request = self._http.build_request(
                "GET", target, params=params, headers=headers, extensions=extensions
            )
        else:
            request = self._http.build_request(
                "POST", target, json=dict(arguments), headers=headers, extensions=extensions
            )
        response = await self._http.send(request, stream=True, follow_redirects=False)
        try:
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) >= MAX_RESPONSE_BYTES:
                    break
        finally:
            await response.aclose()
        text = bytes(body[:MAX_RESPONSE_BYTES]).decode("utf-8", errors="replace")
        text = text[:MAX_RESULT_CHARS]
        if response.is_success:
            return text or "ok", "ok", response.status_code
        error = f"error: HTTP {response.status_code} {text[:200]}".rstrip()
        return error, "http_error", response.status_code


def _query_value(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)
