"""``/api/calls/*`` of the old system: 410 pointing at the voice runtime."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from switchboard_common.errors import error_response


def legacy_router(voice_runtime_url: str) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.api_route("/api/calls/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    async def moved(request: Request, rest: str) -> JSONResponse:
        return error_response(
            410,
            "voice_runtime_moved",
            "Call handling moved to the voice runtime.",
            details={"voice_runtime_url": voice_runtime_url},
        )

    return router
