"""``/v1/tenants/{tenant_id}/agents``: agents, versions, publish and rollback."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response, status
from pydantic import BaseModel, ConfigDict, Field

from switchboard_common.contract.tenant_config import TtsConfig
from switchboard_control_plane.agents import service
from switchboard_control_plane.agents.models import Agent, AgentVersion
from switchboard_control_plane.agents.schemas import (
    AgentCreate,
    AgentOut,
    AgentUpdate,
    AgentVersionCreate,
    AgentVersionOut,
    PublishRequest,
)
from switchboard_control_plane.db.base import INTEGER_MAX
from switchboard_control_plane.http.deps import TenantAccess, tenant_access
from switchboard_control_plane.http.docs import tenant_errors

router = APIRouter(prefix="/v1/tenants/{tenant_id}/agents", tags=["agents"])
Reader = Annotated[TenantAccess, Depends(tenant_access("agents.read"))]
Writer = Annotated[TenantAccess, Depends(tenant_access("agents.write"))]
Publisher = Annotated[TenantAccess, Depends(tenant_access("agents.publish"))]


class AgentList(BaseModel):
    items: list[AgentOut]


class AgentVersionList(BaseModel):
    items: list[AgentVersionOut]


def agent_out(agent: Agent) -> AgentOut:
    return AgentOut.model_validate(agent, from_attributes=True)


def version_out(version: AgentVersion, live_version: int | None) -> AgentVersionOut:
    return AgentVersionOut(
        agent_id=version.agent_id,
        version=version.version,
        live=version.version == live_version,
        note=version.note,
        created_by=version.created_by,
        created_at=version.created_at,
        config=AgentVersionCreate.model_validate({**version.config, "note": version.note}),
    )


@router.post(
    "", status_code=status.HTTP_201_CREATED, operation_id="create_agent", responses=tenant_errors()
)
async def create_agent(body: AgentCreate, access: Writer) -> AgentOut:
    return agent_out(await service.create_agent(access, body))


@router.get("", operation_id="list_agents", responses=tenant_errors())
async def list_agents(access: Reader) -> AgentList:
    return AgentList(items=[agent_out(a) for a in await service.list_agents(access)])


@router.get("/{agent_id}", operation_id="get_agent", responses=tenant_errors())
async def get_agent(agent_id: str, access: Reader) -> AgentOut:
    return agent_out(await service.get_agent(access, agent_id))


@router.patch("/{agent_id}", operation_id="update_agent", responses=tenant_errors())
async def update_agent(agent_id: str, body: AgentUpdate, access: Writer) -> AgentOut:
    return agent_out(await service.update_agent(access, agent_id, body))


@router.delete(
    "/{agent_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="delete_agent",
    responses=tenant_errors(409),
)
async def delete_agent(agent_id: str, access: Writer) -> Response:
    """Deletes an agent no number routes to (409 ``agent_in_use`` otherwise)."""
    await service.delete_agent(access, agent_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{agent_id}/versions",
    status_code=status.HTTP_201_CREATED,
    operation_id="create_agent_version",
    responses=tenant_errors(),
)
async def create_version(
    agent_id: str, body: AgentVersionCreate, access: Writer
) -> AgentVersionOut:
    """Adds an immutable version; it goes live only when published."""
    agent = await service.get_agent(access, agent_id)
    version, warnings = await service.create_version(access, agent_id, body)
    return version_out(version, agent.live_version).model_copy(update={"warnings": warnings})


@router.get("/{agent_id}/versions", operation_id="list_agent_versions", responses=tenant_errors())
async def list_versions(agent_id: str, access: Reader) -> AgentVersionList:
    """Every version, newest first, with who made it."""
    agent = await service.get_agent(access, agent_id)
    versions = await service.list_versions(access, agent_id)
    return AgentVersionList(items=[version_out(v, agent.live_version) for v in versions])


@router.get(
    "/{agent_id}/versions/{version}", operation_id="get_agent_version", responses=tenant_errors()
)
async def get_version(
    agent_id: str, version: Annotated[int, Path(ge=1, le=INTEGER_MAX)], access: Reader
) -> AgentVersionOut:
    agent = await service.get_agent(access, agent_id)
    return version_out(await service.get_version(access, agent_id, version), agent.live_version)


@router.post("/{agent_id}/publish", operation_id="publish_agent_version", responses=tenant_errors())
async def publish(agent_id: str, body: PublishRequest, access: Publisher) -> AgentOut:
    """Makes a version the live one and publishes it to the runtime."""
    return agent_out(await service.publish_version(access, agent_id, body.version))


@router.post("/{agent_id}/rollback", operation_id="rollback_agent", responses=tenant_errors(409))
async def rollback(agent_id: str, body: PublishRequest, access: Publisher) -> AgentOut:
    """Publishes an older version again (409 ``not_a_rollback`` for a newer one)."""
    return agent_out(await service.publish_version(access, agent_id, body.version, rollback=True))


voices_router = APIRouter(prefix="/v1/tenants/{tenant_id}/voices", tags=["agents"])
PREVIEW_TEXT = "Hello! Thanks for calling. This is how I sound on the phone."


class VoiceList(BaseModel):
    items: list[str] = Field(description="`engine:voice` ids the TTS service offers")
    checked: bool = Field(description="False: the TTS service could not be asked")


class VoicePreviewRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"tts": {"engine": "piper", "voice": "en_US-joe-medium"}}]},
    )

    tts: TtsConfig
    text: str = Field(default=PREVIEW_TEXT, min_length=1, max_length=300)


@voices_router.get("", operation_id="list_voices", responses=tenant_errors())
async def list_voices(access: Reader) -> VoiceList:
    """The voices an agent version may name (``tts.engine`` + ``tts.voice``)."""
    voices = await access.resources.voices.voices()
    return VoiceList(items=voices or [], checked=voices is not None)


@voices_router.post(
    "/preview",
    operation_id="preview_voice",
    response_class=Response,
    responses={
        **tenant_errors(503),
        200: {"content": {"audio/wav": {}}, "description": "Mono PCM16 WAV"},
    },
)
async def preview_voice(body: VoicePreviewRequest, access: Writer) -> Response:
    """Speaks ``text`` with a version's voice settings (503 ``tts_unavailable`` when the TTS
    service cannot be reached, 404 ``voice_preview_not_configured`` without one; 422 at
    ``tts.voice`` for a voice it does not offer)."""
    audio = await access.resources.voices.preview(body.tts, body.text)
    return Response(audio, media_type="audio/wav", headers={"Cache-Control": "no-store"})
