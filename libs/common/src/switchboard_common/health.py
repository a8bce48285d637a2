"""Liveness and readiness routes every service mounts."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping

from fastapi import APIRouter
from fastapi.responses import JSONResponse

_DEGRADED = "degraded: "
ReadinessCheck = Callable[[], Awaitable[None]]
"""A named dependency check: returns when ready, raises (with a reason) when not."""


class DegradedError(Exception):
    """Raised by a readiness check for a fault worth reporting that must not take the instance out
    of rotation (every replica would see it at once, and serving degraded beats serving none).
    ``/readyz`` stays 200 with status ``degraded`` and the check's value ``degraded: <reason>``."""


class ReadinessFlag:
    """A readiness check for what the lifespan loads: failing with `reason` until the lifespan
    sets `ready`, and again once it clears it on shutdown."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.ready = False

    async def check(self) -> None:
        if not self.ready:
            raise RuntimeError(self.reason)


def health_router(
    checks: Mapping[str, ReadinessCheck] | Callable[[], Mapping[str, ReadinessCheck]],
    *,
    check_timeout_s: float = 2.0,
) -> APIRouter:
    """``GET /healthz`` answers while the process lives; ``GET /readyz`` runs every check.

    ``checks`` may be a callable so an app can add checks after the router is built (in its
    lifespan). Readiness is 200 only when every check passes within ``check_timeout_s`` or reports
    itself degraded (``DegradedError``); otherwise 503 with each failing check's reason.
    """
    router = APIRouter(tags=["health"])

    @router.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz", include_in_schema=False)
    async def readyz() -> JSONResponse:
        current = checks() if callable(checks) else checks
        results = await asyncio.gather(
            *(_run_check(check, check_timeout_s) for check in current.values())
        )
        report = dict(zip(current.keys(), results, strict=True))
        ready = all(result == "ok" or result.startswith(_DEGRADED) for result in report.values())
        degraded = ready and any(result != "ok" for result in report.values())
        status = "degraded" if degraded else "ready" if ready else "not_ready"
        return JSONResponse({"status": status, "checks": report}, status_code=200 if ready else 503)

    return router


async def _run_check(check: ReadinessCheck, timeout_s: float) -> str:
    try:
        async with asyncio.timeout(timeout_s):
            await check()
    except TimeoutError:
        return "timeout"
    except DegradedError as exc:
        return _DEGRADED + (str(exc) or type(exc).__name__)
    except Exception as exc:  # a failing dependency is a readiness answer, not a crash
        return str(exc) or type(exc).__name__
    return "ok"
