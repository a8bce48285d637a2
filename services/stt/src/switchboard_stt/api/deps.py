"""Typed FastAPI dependencies of the STT edge."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from starlette.requests import HTTPConnection

from switchboard_common.errors import ServiceError
from switchboard_stt.settings import Settings
from switchboard_stt.transcription import TranscriptionService


def get_service(connection: HTTPConnection) -> TranscriptionService:
    service: TranscriptionService | None = getattr(connection.app.state, "transcription", None)
    if service is None:
        raise ServiceError("The model is still loading.", code="not_ready", status_code=503)
    return service


def get_settings(connection: HTTPConnection) -> Settings:
    settings: Settings = connection.app.state.settings
    return settings


ServiceDep = Annotated[TranscriptionService, Depends(get_service)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
