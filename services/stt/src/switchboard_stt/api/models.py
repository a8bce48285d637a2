"""`GET /v1/models`: the models this service serves (OpenAI-compatible list), default first."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from switchboard_stt.api.deps import ServiceDep

router = APIRouter(tags=["models"])


@router.get("/v1/models")
async def list_models(service: ServiceDep) -> dict[str, Any]:
    """Each served model with its device and whether it is the default (used when a request
    names none, or names `whisper-1`)."""
    return {
        "object": "list",
        "data": [
            {
                "id": model.name,
                "object": "model",
                "owned_by": "switchboard",
                "default": model is service.stt,
                "device": model.device,
                "multilingual": len(model.languages) > 1,
            }
            for model in service.models.values()
        ],
    }
