"""One media socket's call: bad frames are skipped without ending it; its token admits it once."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

import pytest
from websockets.asyncio.client import ClientConnection

from switchboard_common.contract import TenantRuntimeConfig
from switchboard_voice_runtime.testing.twilio_media import (
    MediaHarness,
    media_frame,
    start_frame,
    stop_frame,
)

pytestmark = pytest.mark.integration

Publish = Callable[..., Awaitable[TenantRuntimeConfig]]
StartRuntime = Callable[..., Awaitable[MediaHarness]]


async def _wait_closed(ws: ClientConnection) -> None:
    async with asyncio.timeout(5):
        await ws.wait_closed()


async def _until_audio(harness: MediaHarness, count: int) -> None:
    """The session is fed on the server's loop; poll its record with a deadline."""
    async with asyncio.timeout(5):
        while len(harness.sessions[-1].audio) < count:  # noqa: ASYNC110
            await asyncio.sleep(0.01)


@pytest.mark.parametrize(
    "nested",
    [
        "[" * 30_000 + "]" * 30_000,
        '{"event": "media", "media": ' + '{"a": ' * 6_000 + "1" + "}" * 6_001,
        '{"event": "mark", "mark": {"name": "x"}, "junk": ' + "[{" * 10_000,
    ],
)
async def test_a_deeply_nested_frame_mid_call_is_skipped_and_the_call_goes_on(
    harness: MediaHarness, publish: Publish, nested: str
) -> None:
    await publish()
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(start_frame(token))
        session = await harness.session()
        await ws.recv()  # the greeting's audio
        await ws.send(media_frame(b"\x01" * 160))
        await ws.send(nested)
        await ws.send(media_frame(b"\x02" * 160))
        await _until_audio(harness, 2)
        assert not session.ended
        assert session.audio == [b"\x01" * 160, b"\x02" * 160]
        await ws.send(stop_frame())
        await _wait_closed(ws)
    assert session.reason == "caller_hangup"
    metrics = (await harness.client.get("/metrics")).text
    assert 'voice_runtime_media_frames_rejected_total{reason="too_deep"} 1.0' in metrics


async def test_a_deeply_nested_frame_before_start_does_not_stop_the_call_starting(
    harness: MediaHarness, publish: Publish
) -> None:
    await publish()
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(json.dumps({"event": "connected", "protocol": "Call"}))
        await ws.send("[" * 30_000 + "]" * 30_000)
        await ws.send(start_frame(token))
        session = await harness.session()
        await ws.recv()
        await ws.send(stop_frame())
        await _wait_closed(ws)
    assert session.reason == "caller_hangup"
