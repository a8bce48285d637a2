"""A tiny OpenAI-compatible chat server on loopback (the LLM is a paid third party): answers
each completion by the part of the analysis its system prompt asks for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

Answer = Callable[[str], str]


@dataclass
class FakeOpenAI:
    """``summary``, ``extraction`` and ``success`` are the answers (text; JSON text for the
    last two); ``failures`` answers that many requests with 500 first."""

    summary: str = "Jane booked a cleaning for Tuesday at 3 pm."
    extraction: str = '{"name": "Jane Doe", "day": "Tuesday"}'
    success: str = '{"passed": true, "reason": "An appointment was booked."}'
    failures: int = 0
    requests: list[dict[str, Any]] = field(default_factory=list)

    def app(self) -> FastAPI:
        app = FastAPI(title="fake OpenAI")

        @app.post("/v1/chat/completions")
        async def completions(request: Request) -> JSONResponse:
            body = await request.json()
            self.requests.append(
                {"body": body, "authorization": request.headers.get("authorization")}
            )
            if self.failures > 0:
                self.failures -= 1
                return JSONResponse({"error": {"message": "overloaded"}}, status_code=500)
            system = body["messages"][0]["content"]
            if "JSON Schema" in system:
                content = self.extraction
            elif "met its goal" in system:
                content = self.success
            else:
                content = self.summary
            return JSONResponse(
                {
                    "id": "chatcmpl-fake",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body["model"],
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": content},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
                }
            )

        return app


def parts_asked(fake: FakeOpenAI) -> list[str]:
    names = []
    for request in fake.requests:
        system = request["body"]["messages"][0]["content"]
        names.append(
            "extraction"
            if "JSON Schema" in system
            else "success"
            if "met its goal" in system
            else "summary"
        )
    return names
