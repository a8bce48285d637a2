"""One realtime session as a call: admission (drain, tenant, capacity lease), the CallSession
on the seam with ``RealtimeMedia`` as its media path, and the client's events in between.

Everything else is the phone path's: the same CallSession, ``call.started`` / ``call.turn`` /
``call.ended`` (carrier ``realtime``), recordings, metrics, max duration and idle rules. The
caller's and agent's words reach the client when the session publishes each turn; transfer is
not offered (there is no phone line); an end call closes the socket.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid

from fastapi import WebSocket
from starlette.websockets import WebSocketDisconnect, WebSocketState

from switchboard_common.contract import CallEnded, CallStarted, CallTurn
from switchboard_common.log import bound
from switchboard_voice_runtime.call.ports import CallContext, CallControlError, EventSink
from switchboard_voice_runtime.call.turn_control import TurnControl
from switchboard_voice_runtime.calls import (
    LiveCall,
    RegisteredCall,
    SteerableCall,
    run_live_call,
)
from switchboard_voice_runtime.capacity import CapacityExceededError, Lease
from switchboard_voice_runtime.config_cache import ConfigUnavailableError
from switchboard_voice_runtime.metrics import MeteredEventSink
from switchboard_voice_runtime.realtime import commands as cmd
from switchboard_voice_runtime.realtime import server_events as ev
from switchboard_voice_runtime.realtime.channel import RealtimeChannel
from switchboard_voice_runtime.realtime.credentials import RealtimeAdmission, RealtimeRefusal
from switchboard_voice_runtime.realtime.ids import new_id
from switchboard_voice_runtime.realtime.media import CALL_FORMAT, RealtimeMedia
from switchboard_voice_runtime.realtime.session_config import RealtimeSessionSettings
from switchboard_voice_runtime.realtime_controls import ClientControls
from switchboard_voice_runtime.runtime import Runtime

logger = logging.getLogger(__name__)


class _SocketControl:
    """Call control of a realtime session: hang-up closes the socket; no transfer."""

    def __init__(self, websocket: WebSocket) -> None:
        self._websocket = websocket

    async def hang_up(self) -> None:
        if self._websocket.application_state == WebSocketState.CONNECTED:
            await self._websocket.close(1000)

    async def transfer(self, number: str) -> None:
        raise CallControlError("transfer is not offered on realtime sessions")


class _TurnsToClient:
    """The call's event sink, also telling the client each finished turn's words."""

    def __init__(self, inner: EventSink, runner: RealtimeRunner) -> None:
        self._inner = inner
        self._runner = runner

    async def publish(self, event: CallStarted | CallTurn | CallEnded) -> None:
        await self._inner.publish(event)
        if isinstance(event, CallTurn):
            await self._runner.turn_finished(event)


class _LiveToClient:
    """The session's live speech and sentences, as the client's events (``CallObserver``)."""

    def __init__(self, runner: RealtimeRunner) -> None:
        self._runner = runner

    def caller_started(self) -> None:
        runner = self._runner
        runner.post(runner.channel.speech_started(round(runner.media.heard_ms)))

    def caller_stopped(self) -> None:
        runner = self._runner
        runner.post(runner.channel.speech_stopped(round(runner.media.heard_ms)))

    def agent_segment(self, mark: str, text: str) -> None:
        channel = self._runner.channel
        events = [] if channel.responding_now else channel.response_started()
        self._runner.post(events + channel.agent_sentence(text))

    def caller_transcribed(self, text: str) -> None:
        try:
            self._runner.caller_transcribed(text)
        except ConnectionError:
            logger.info("realtime.client_gone")


class RealtimeRunner:
    def __init__(
        self, runtime: Runtime, websocket: WebSocket, admission: RealtimeAdmission
    ) -> None:
        self._runtime = runtime
        self._websocket = websocket
        self._admission = admission
        self.call_id = uuid.uuid4().hex
        settings = RealtimeSessionSettings(session_id=new_id("sess"), model=admission.agent_id)
        self.channel = RealtimeChannel(settings)
        self.media = RealtimeMedia(self.channel, self._send)
        self._outbox: asyncio.Queue[ev.Event] = asyncio.Queue()
        self._closed = False
        self._lease: Lease | None = None
        self._context: CallContext | None = None
        self._greeting_open = True
        self.controls = ClientControls(self.channel, self.media, self._send)
        self._session: LiveCall | None = None

    async def admit(self) -> RealtimeRefusal | None:
        runtime, admission = self._runtime, self._admission
        if runtime.drain.draining:
            return RealtimeRefusal("draining", "The runtime is draining; retry.")
        try:
            tenant = await runtime.config.tenant(admission.tenant_id)
        except ConfigUnavailableError:
            return RealtimeRefusal("config_unavailable", "The configuration cannot be read.")
        agent = tenant.agents.get(admission.agent_id) if tenant else None
        if tenant is None or agent is None:
            return RealtimeRefusal("agent_not_found", "The agent is not published.")
        try:
            self._lease = await runtime.capacity.acquire(
                tenant.tenant_id,
                self.call_id,
                max_concurrent_calls=tenant.limits.max_concurrent_calls,
                calls_per_minute=tenant.limits.calls_per_minute,
                ttl_s=runtime.settings.lease_ttl_s,
            )
        except CapacityExceededError:
            return RealtimeRefusal("busy", "The tenant has no capacity for another session.")
        self.channel.allow_instructions = agent.realtime.allow_client_instructions
        api_key = None
        secret = agent.llm.api_key_secret
        if secret is not None:
            api_key = runtime.config.open_secret(tenant.tenant_id, secret)
        self._context = CallContext(
            call_id=self.call_id,
            tenant_id=tenant.tenant_id,
            number_id="",
            carrier="realtime",
            carrier_call_id=admission.credential_id,
            from_number="",
            to_number="",
            agent=agent,
            limits=tenant.limits,
            llm_api_key=api_key,
            recordings=runtime.recordings,
            playout_lateness=runtime.metrics.playout_lateness_seconds.observe,
            caller_format=CALL_FORMAT,
            observer=_LiveToClient(self),
        )
        return None

    def post(self, events: list[ev.Event]) -> None:
        """Queues events for the client, in order (the writer task sends them)."""
        if self._closed:
            raise ConnectionError("the realtime socket is closed")
        for event in events:
            self._outbox.put_nowait(event)

    async def _send(self, events: list[ev.Event]) -> None:
        self.post(events)

    async def _write(self, session: LiveCall) -> None:
        try:
            while True:
                event = await self._outbox.get()
                await self._websocket.send_text(json.dumps(event))
        except (RuntimeError, OSError, WebSocketDisconnect):
            self._closed = True
            if not session.ended:
                session.hang_up("caller_hangup")

    async def _pump(self, session: LiveCall) -> None:
        async with asyncio.TaskGroup() as tasks:
            tasks.create_task(self._read(session), name="realtime-reader")
            tasks.create_task(self._write(session), name="realtime-writer")

    async def run(self) -> None:
        assert self._context is not None and self._lease is not None
        runtime, context, lease = self._runtime, self._context, self._lease
        try:
            events = MeteredEventSink(runtime.events, runtime.metrics)
            session = runtime.session_factory(
                context, self.media, _SocketControl(self._websocket), _TurnsToClient(events, self)
            )
            self._session = session
            self.media.on_mark_played(session.mark_played, self._all_played)
            runtime.calls.add(RegisteredCall(context.call_id, context.carrier_call_id, session))
            runtime.metrics.active_calls.inc()
            with bound(call_id=context.call_id, tenant_id=context.tenant_id):
                logger.info("realtime.started")
                await self._send(self.channel.opened())
                await self._run_session(session, lease)
        except ConnectionError:
            logger.info("realtime.client_gone")
        finally:
            runtime.metrics.active_calls.dec()
            runtime.calls.remove(context.call_id)
            await runtime.capacity.release(lease)

    async def _run_session(self, session: LiveCall, lease: Lease) -> None:
        heartbeat = self._runtime.capacity.keep_alive(lease, self._runtime.settings.lease_ttl_s)
        try:
            await run_live_call(session, self._pump(session), heartbeat, reader_name="realtime-io")
        except* Exception as group:
            logger.error("realtime.crashed", exc_info=group)
        if self._websocket.application_state == WebSocketState.CONNECTED:
            await self._websocket.close(1000)

    async def _read(self, session: LiveCall) -> None:
        try:
            while not session.ended:
                message = await self._websocket.receive()
                if message["type"] == "websocket.disconnect":
                    break
                step = self.channel.client_message(
                    message.get("text") or message.get("bytes") or ""
                )
                await self._send(step.events)
                for command in step.commands:
                    await self._act(session, command)
        finally:
            if not session.ended:
                session.hang_up("caller_hangup")

    async def _act(self, session: LiveCall, command: cmd.Command) -> None:
        """Carries a client command out on the call (the rest through its ``TurnControl``)."""
        if isinstance(command, cmd.HearAudio):
            for frame in self.media.hear(command.audio, command.audio_format):
                session.push_audio(frame)
            return
        await self.controls.act(_turn_control(session), command)

    def caller_transcribed(self, text: str) -> None:
        self.post(self.controls.caller_transcribed(text))

    async def turn_finished(self, turn: CallTurn) -> None:
        """A turn's words: the caller's transcript, then the end of the agent's response (its
        words were sent live, sentence by sentence; ``agent_text`` covers a session without)."""
        channel = self.channel
        caller_text = self.controls.untold(turn.caller_text)
        events = channel.caller_transcript(caller_text, 0.0) if caller_text else []
        stop_reason = self.controls.stop_reason()
        if channel.responding_now:
            if not channel.agent_text:
                events += channel.agent_transcript(turn.agent_text, self.media.spoken_ms)
            if turn.interrupted and stop_reason is not None:
                channel.agent_kept(turn.agent_text, self.media.spoken_ms)
                events += channel.response_finished("cancelled", reason=stop_reason)
            elif turn.interrupted:
                events += channel.response_finished("cancelled", reason="turn_detected")
            else:
                events += channel.response_finished("completed")
        else:
            events += channel.response_finished()  # a response asked for that said nothing
        await self._send(events)
        control = _turn_control(self._session)
        if control is not None:
            self.controls.refresh_history(control)

    def _all_played(self) -> None:
        """The greeting has no turn of its own: it ends when its audio has played."""
        channel = self.channel
        if self._greeting_open and channel.responding_now and self._context is not None:
            self._greeting_open = False
            events: list[ev.Event] = []
            if not channel.agent_text:
                events += channel.agent_transcript(
                    self._context.agent.greeting, self.media.spoken_ms
                )
            stop_reason = self.controls.stop_reason()
            if stop_reason is None:
                events += channel.response_finished()
            else:
                events += channel.response_finished("cancelled", reason=stop_reason)
            try:
                self.post(events)
            except ConnectionError:
                logger.info("realtime.client_gone")


def _turn_control(session: LiveCall | None) -> TurnControl | None:
    return session.turn_control if isinstance(session, SteerableCall) else None
