"""The neutral call runner with a carrier-neutral media connection (no Twilio involved): the
token must name this connection's carrier and call, the connection must speak for the tenant's
account, and caller audio arrives at the rate the start event names."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
from redis.asyncio import Redis

from switchboard_common.app_testing import running_client
from switchboard_common.audio import AudioEncoding, AudioFormat
from switchboard_common.contract.tenant_config import Carrier, TenantRuntimeConfig
from switchboard_voice_runtime import admission
from switchboard_voice_runtime.admission import Admitted
from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.call.ports import CallContext, CallControl, EventSink, MediaSink
from switchboard_voice_runtime.call_runner import CallRunner, StartRejectedError
from switchboard_voice_runtime.calls import LiveCall, SessionFactory
from switchboard_voice_runtime.metrics import RuntimeMetrics
from switchboard_voice_runtime.runtime import Prewarmer, Runtime
from switchboard_voice_runtime.settings import Settings
from switchboard_voice_runtime.telephony.media_events import (
    MediaAudio,
    MediaEvent,
    MediaMark,
    MediaStarted,
    MediaStopped,
)
from switchboard_voice_runtime.testing.fakes import FakeCallControl
from switchboard_voice_runtime.testing.twilio_media import FakeSession, NoPrewarm

pytestmark = pytest.mark.integration

Publish = Callable[..., Awaitable[TenantRuntimeConfig]]

NUMBER = "+15550001000"
CALL_ID = "v3:wideband-call"
WIDEBAND = AudioFormat(AudioEncoding.PCM16, 16_000)


class QueueConnection:
    """A media connection fed from a queue, speaking PCM16 at 16 kHz both ways."""

    carrier: Carrier = "telnyx"
    audio_format = WIDEBAND
    clears_on_pause = True

    def __init__(self, *, authorized: bool = True) -> None:
        self.inbound: asyncio.Queue[MediaEvent | None] = asyncio.Queue()
        self.sent: list[tuple[str, bytes | str]] = []
        self.authorized = authorized

    async def receive(self) -> MediaEvent | None:
        return await self.inbound.get()

    def authorizes(self, tenant: TenantRuntimeConfig) -> bool:
        return self.authorized

    def call_control(self, tenant: TenantRuntimeConfig, carrier_call_id: str) -> CallControl:
        return FakeCallControl()

    async def send_audio(self, payload: bytes) -> None:
        self.sent.append(("audio", payload))

    async def send_mark(self, name: str) -> None:
        self.sent.append(("mark", name))

    async def send_clear(self) -> None:
        self.sent.append(("clear", ""))


class Sessions:
    def __init__(self) -> None:
        self.built: list[FakeSession] = []

    def factory(
        self, context: CallContext, media: MediaSink, control: CallControl, events: EventSink
    ) -> LiveCall:
        session = FakeSession(context, media, events)
        self.built.append(session)
        return session


@pytest.fixture
async def runtime_and_sessions(
    redis: Redis,
    make_settings: Callable[..., Settings],
) -> AsyncIterator[tuple[Runtime, Sessions]]:
    sessions = Sessions()

    def core(
        settings: Settings, http: httpx.AsyncClient, metrics: RuntimeMetrics
    ) -> tuple[Prewarmer, SessionFactory]:
        return NoPrewarm(), sessions.factory

    app = create_app(make_settings(), call_core=core)
    async with running_client(app):
        yield app.state.runtime, sessions


async def _token(runtime: Runtime, *, carrier: Carrier = "telnyx") -> str:
    decision = await admission.admit(
        runtime, "telnyx", CALL_ID, await runtime.lookup(NUMBER), audio_format=WIDEBAND
    )
    assert isinstance(decision, Admitted)
    return admission.call_token(
        runtime,
        decision,
        carrier=carrier,
        carrier_call_id=CALL_ID,
        account_ref="telnyx-connection-1",
        from_number="+15559990000",
        to_number=NUMBER,
    )


def _start(token: str) -> MediaStarted:
    return MediaStarted("stream-1", CALL_ID, WIDEBAND, {"call_token": token})


async def test_a_neutral_connection_runs_its_call_at_its_own_rate_and_frees_the_lease(
    runtime_and_sessions: tuple[Runtime, Sessions], publish: Publish, redis: Redis
) -> None:
    runtime, sessions = runtime_and_sessions
    await publish(carrier="telnyx")
    connection = QueueConnection()
    audio = b"\x01\x00" * 320  # 20 ms of 16 kHz PCM16
    for event in (
        _start(await _token(runtime)),
        MediaAudio(audio, sequence=2),
        MediaMark("t0-s0"),
        MediaStopped(),
    ):
        connection.inbound.put_nowait(event)
    runner = CallRunner(runtime, connection)
    async with asyncio.timeout(5):
        assert await runner.wait_for_start()
        await runner.run()
    session = sessions.built[0]
    assert session.context.carrier == "telnyx"
    assert session.context.carrier_call_id == CALL_ID
    assert session.context.caller_format == WIDEBAND
    assert session.audio == [audio]
    assert session.marks == ["t0-s0"]
    assert session.reason == "caller_hangup"
    assert ("mark", "t0-s0") in connection.sent
    assert await redis.exists("sb:v1:carrier-call:telnyx:v3%3Awideband-call")
    assert await redis.zcard("sb:v1:capacity:tenant:t1") == 0


async def test_a_token_minted_for_another_carrier_is_refused(
    runtime_and_sessions: tuple[Runtime, Sessions], publish: Publish
) -> None:
    runtime, sessions = runtime_and_sessions
    await publish(carrier="telnyx")
    connection = QueueConnection()
    connection.inbound.put_nowait(_start(await _token(runtime, carrier="twilio")))
    with pytest.raises(StartRejectedError, match="another call"):
        await CallRunner(runtime, connection).wait_for_start()
    assert sessions.built == []


async def test_a_connection_that_does_not_speak_for_the_tenants_account_is_refused(
    runtime_and_sessions: tuple[Runtime, Sessions], publish: Publish, redis: Redis
) -> None:
    runtime, sessions = runtime_and_sessions
    await publish(carrier="telnyx")
    connection = QueueConnection(authorized=False)
    connection.inbound.put_nowait(_start(await _token(runtime)))
    with pytest.raises(StartRejectedError, match="account"):
        await CallRunner(runtime, connection).wait_for_start()
    assert sessions.built == []
