"""One delivery attempt over HTTP: the outbound guard, a pinned address, no redirects, a timeout.

The endpoint's host is resolved and every address checked by ``switchboard_common.outbound``
on each attempt (a DNS change after creation cannot aim it at our network); the connection goes
to the checked address. Redirects are never followed: a 3xx is a failed attempt.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from switchboard_common.outbound import AddressRefusedError, checked_address, pinned, url_port

ERROR_CHARS = 300


@dataclass(frozen=True, slots=True)
class AttemptResult:
    status_code: int | None
    error: str | None
    latency_ms: float

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


async def post(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    body: str,
    *,
    timeout_s: float,
    allow_private: bool,
) -> AttemptResult:
    """Posts ``body``; never raises for the receiver's or the network's failures."""
    started = time.perf_counter()

    def result(status: int | None, error: str | None) -> AttemptResult:
        latency_ms = (time.perf_counter() - started) * 1000.0
        return AttemptResult(status, error[:ERROR_CHARS] if error else None, latency_ms)

    try:
        parsed = httpx.URL(url)
        address = await checked_address(parsed.host, url_port(parsed), allow_private=allow_private)
        target, host_header, extensions = pinned(parsed, address)
        response = await client.post(
            target,
            content=body.encode(),
            headers={**headers, "host": host_header},
            extensions=extensions,
            timeout=timeout_s,
            follow_redirects=False,
        )
    except AddressRefusedError as exc:
        return result(None, f"address_not_allowed: {exc.reason}")
    except httpx.TimeoutException:
        return result(None, f"timeout: no answer within {timeout_s:g} s")
    except (httpx.HTTPError, OSError, ValueError) as exc:
        return result(None, f"connection_failed: {type(exc).__name__}")
    status = response.status_code
    if 300 <= status < 400:
        return result(status, "redirect_not_followed")
    return result(status, None if 200 <= status < 300 else f"http_{status}")
