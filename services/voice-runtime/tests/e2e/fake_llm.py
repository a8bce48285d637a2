"""A fake OpenAI-compatible chat endpoint (the LLM is a paid third party): scripted streams."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi import FastAPI
from fastapi.responses import StreamingResponse


def _chunk(delta: dict[str, object], finish_reason: str | None = None) -> str:
    body = {
        "id": "chatcmpl-e2e",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "fake-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }
    return f"data: {json.dumps(body)}\n\n"


def tool_call_app(text: str, tool: str, arguments: dict[str, str]) -> FastAPI:
    """Every completion streams ``text`` (if any), then one call of ``tool`` with ``arguments``."""
    app = FastAPI(title="fake LLM")

    def stream() -> Iterator[str]:
        if text:
            yield _chunk({"role": "assistant", "content": text})
        call = {
            "index": 0,
            "id": "call_e2e",
            "type": "function",
            "function": {"name": tool, "arguments": json.dumps(arguments)},
        }
        yield _chunk({"tool_calls": [call]})
        yield _chunk({}, finish_reason="tool_calls")
        yield "data: [DONE]\n\n"

    @app.post("/v1/chat/completions")
    async def completions() -> StreamingResponse:
        return StreamingResponse(stream(), media_type="text/event-stream")

    return app
