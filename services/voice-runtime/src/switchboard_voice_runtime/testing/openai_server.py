"""A local OpenAI-compatible chat server for the LLM adapter's tests: it answers every request
with one status and body (an SSE stream built by ``sse``) and records what it was sent."""

from __future__ import annotations

import asyncio
import json


def sse(chunks: list[dict[str, object]]) -> bytes:
    """A streamed chat completion: one chunk per delta in ``chunks``, then ``[DONE]``."""
    body = b"".join(
        b"data: "
        + json.dumps(
            {
                "id": "c1",
                "object": "chat.completion.chunk",
                "created": 1,
                "model": "gpt-4o-mini",
                "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
            }
        ).encode()
        + b"\n\n"
        for delta in chunks
    )
    return body + b"data: [DONE]\n\n"


async def serve(
    status: int,
    body: bytes,
    requests: list[dict[str, object]],
    heads: list[bytes] | None = None,
) -> asyncio.Server:
    """A server on 127.0.0.1 (any free port) that answers each request with ``status`` and
    ``body``, appending its JSON body to ``requests`` and its head to ``heads``."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        if heads is not None:
            heads.append(head)
        length = next(
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        )
        requests.append(json.loads(await reader.readexactly(length)))
        kind = b"text/event-stream" if status == 200 else b"application/json"
        writer.write(
            b"HTTP/1.1 %d X\r\ncontent-type: %s\r\ncontent-length: %d\r\nconnection: close\r\n\r\n"
            % (status, kind, len(body))
            + body
        )
        await writer.drain()
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


class Server:
    """What a server from ``serve`` was sent: request heads and JSON bodies."""

    def __init__(self) -> None:
        self.heads: list[bytes] = []
        self.bodies: list[dict[str, object]] = []

    def authorizations(self) -> list[str]:
        found = []
        for head in self.heads:
            for line in head.decode().split("\r\n"):
                name, _, value = line.partition(":")
                if name.lower() == "authorization":
                    found.append(value.strip())
        return found
