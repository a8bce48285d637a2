"""One media socket's call: bad frames are skipped without ending it; its token admits it once."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from collections.abc import Awaitable, Callable

import pytest
from websockets.asyncio.client import ClientConnection

from switchboard_common.audio import mulaw_decode
from switchboard_common.contract import TenantRuntimeConfig
from switchboard_common.redis_testing import free_port
from switchboard_voice_runtime.api.twilio_media import APOLOGY_MARK
from switchboard_voice_runtime.call.phrases import APOLOGY_TROUBLE, builtin_audio
from switchboard_voice_runtime.call_token import CallClaims, CallTokenSigner
from switchboard_voice_runtime.testing.twilio_media import (
    CALL_SID,
    NUMBER,
    MediaHarness,
    media_frame,
    start_frame,
    stop_frame,
    wait_closed,
)

pytestmark = pytest.mark.integration

Publish = Callable[..., Awaitable[TenantRuntimeConfig]]
StartRuntime = Callable[..., Awaitable[MediaHarness]]


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
    ids=["arrays", "objects", "unclosed"],
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
        assert session.audio == [mulaw_decode(bytes([n]) * 160).tobytes() for n in (1, 2)]
        await ws.send(stop_frame())
        await wait_closed(ws)
    assert session.reason == "caller_hangup"
    metrics = (await harness.client.get("/metrics")).text
    assert 'voice_runtime_media_frames_rejected_total{reason="too_complex"} 1.0' in metrics


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
        await wait_closed(ws)
    assert session.reason == "caller_hangup"


async def test_a_call_token_used_on_one_replica_is_refused_on_another(
    start_runtime: StartRuntime, publish: Publish
) -> None:
    await publish()
    first, second = await start_runtime(), await start_runtime()
    token = await first.call_token()
    async with first.socket() as ws:
        await ws.send(start_frame(token))
        session = await first.session()
        await ws.recv()
        async with second.socket() as replay:
            await replay.send(start_frame(token))
            await wait_closed(replay)
        assert second.sessions == []
        assert not session.ended
        await ws.send(stop_frame())
        await wait_closed(ws)
    assert len(first.sessions) == 1


async def _read_apology(ws: ClientConnection) -> bytes:
    """The audio sent before the apology's mark; the mark is echoed as Twilio does."""
    audio = b""
    async with asyncio.timeout(5):
        while True:
            frame = json.loads(await ws.recv())
            if frame["event"] == "mark":
                assert frame["mark"]["name"] == APOLOGY_MARK
                await ws.send(json.dumps(frame))
                return audio
            payload = base64.b64decode(frame["media"]["payload"])
            assert len(payload) == 160  # 20 ms frames
            audio += payload


async def test_with_redis_unreachable_the_token_is_refused_and_the_caller_hears_an_apology(
    start_runtime: StartRuntime, caplog: pytest.LogCaptureFixture
) -> None:
    runtime = await start_runtime(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    claims = CallClaims(
        "c1", "t1", "a1", "n0", "twilio", CALL_SID, "AC" + "0" * 32, "+15559990000", NUMBER
    )
    token = CallTokenSigner("test-call-token-secret-0123456789abcdef", 30).issue(claims)
    with caplog.at_level(logging.WARNING, logger="switchboard_voice_runtime.api.twilio_media"):
        async with runtime.socket() as ws:
            await ws.send(start_frame(token))
            heard, apology = await _read_apology(ws), builtin_audio(APOLOGY_TROUBLE)
            assert apology is not None and heard[: len(apology)] == apology
            assert set(heard[len(apology) :]) <= {0xFF}  # the last frame padded with silence
            await wait_closed(ws)
    assert runtime.sessions == []
    rejected = [r for r in caplog.records if r.getMessage() == "media.start_rejected"]
    reasons = [getattr(record, "fields", {}).get("reason") for record in rejected]
    assert reasons == ["the replay guard is unavailable"]
