"""Typed FastAPI dependencies of the TTS edge."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from switchboard_common.errors import ServiceError
from switchboard_tts.synthesis import Synthesizer


def get_synthesizer(request: Request) -> Synthesizer:
    synthesizer: Synthesizer | None = getattr(request.app.state, "synthesizer", None)
    if synthesizer is None:
        raise ServiceError("The voices are still loading.", code="not_ready", status_code=503)
    return synthesizer


SynthesizerDep = Annotated[Synthesizer, Depends(get_synthesizer)]
