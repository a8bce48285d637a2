"""Instant stand-ins for the STT and TTS services, for the runtime capacity benchmark only.

They answer the same routes the runtime calls, with no model: transcription returns a fixed
phrase at once, synthesis returns a voiced tone whose length follows the text. They measure how
many calls one runtime process holds when speech is served elsewhere; they are never used by the
product or its tests.
"""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator

import numpy as np
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

from switchboard_common.audio import mulaw_encode

MS_PER_CHAR = 55
CHUNK_MS = 200


def _tone(duration_ms: int) -> bytes:
    t = np.arange(8 * duration_ms) / 8000.0
    wave = 0.3 * np.sin(2 * np.pi * 220 * t) + 0.2 * np.sin(2 * np.pi * 440 * t)
    return mulaw_encode((wave * 32767).astype(np.int16))


def create_app(reply_text: str) -> FastAPI:
    app = FastAPI(title="fake speech")
    chunk = _tone(CHUNK_MS)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/audio/transcriptions")
    async def transcribe(request: Request) -> JSONResponse:
        body = await request.body()
        duration_ms = len(body) / 32  # 16 kHz pcm16
        return JSONResponse(
            {"text": reply_text, "language": "en", "duration_ms": duration_ms, "processing_ms": 0}
        )

    @app.post("/v1/audio/speech")
    async def speech(request: Request) -> StreamingResponse:
        text = str((await request.json()).get("input", ""))
        chunks = max(1, len(text) * MS_PER_CHAR // CHUNK_MS)

        async def body() -> AsyncIterator[bytes]:
            for _ in range(chunks):
                yield chunk

        return StreamingResponse(
            body(), media_type="audio/basic", headers={"X-Sample-Rate": "8000"}
        )

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--reply-text", default="what are your opening hours")
    args = parser.parse_args()
    uvicorn.run(create_app(args.reply_text), host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
