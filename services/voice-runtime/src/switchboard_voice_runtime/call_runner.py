"""Carrier-neutral call runner: one media connection from its start event to its end.

The carrier's media route wraps its socket in a ``MediaConnection`` (``telephony/media_events``)
and hands it here: ``wait_for_start`` admits the call (call token of this carrier and carrier
call, single use, tenant and agent, the connection's account, capacity), ``run`` feeds the
CallSession until it ends and frees its lease, ``apologize`` plays the built-in apology when the
refusal is ours.
"""

from __future__ import annotations

import asyncio
import logging

from redis.exceptions import RedisError

from switchboard_common.contract import AgentConfig, CallEnded
from switchboard_common.contract.secret_use import llm_key_problem
from switchboard_common.contract.tenant_config import TenantLimits, TenantRuntimeConfig
from switchboard_common.log import bound
from switchboard_voice_runtime.call.phrases import APOLOGY_TROUBLE, builtin_audio
from switchboard_voice_runtime.call.ports import CallContext
from switchboard_voice_runtime.call_token import CallClaims, CallTokenError
from switchboard_voice_runtime.calls import LiveCall, RegisteredCall
from switchboard_voice_runtime.capacity import CapacityExceededError, Lease
from switchboard_voice_runtime.config_cache import ConfigUnavailableError
from switchboard_voice_runtime.metrics import MeteredEventSink
from switchboard_voice_runtime.runtime import Runtime
from switchboard_voice_runtime.telephony.media_events import (
    MediaAudio,
    MediaConnection,
    MediaDtmf,
    MediaEvent,
    MediaMark,
    MediaRejected,
    MediaStarted,
    MediaStopped,
)

logger = logging.getLogger(__name__)

APOLOGY_MARK = "refused-apology"
APOLOGY_GRACE_S = 2.0
"""How long past the apology's own length the carrier may take to echo its mark."""


class StartRejectedError(Exception):
    """The start event does not admit a call (bad token, replay, unknown tenant, no capacity).

    ``apologize``: the refusal is ours, not the caller's (a dependency is down), so the caller
    hears an apology before the connection closes.
    """

    def __init__(self, reason: str, *, apologize: bool = False) -> None:
        super().__init__(reason)
        self.apologize = apologize


class CallRunner:
    """Reads a media connection and feeds one CallSession; frees its lease whatever happens."""

    def __init__(self, runtime: Runtime, connection: MediaConnection) -> None:
        self._runtime = runtime
        self._connection = connection
        self._context: CallContext | None = None
        self._tenant: TenantRuntimeConfig | None = None
        self._lease: Lease | None = None
        self.started: MediaStarted | None = None
        """The start event once it came (admitted or not)."""

    async def _next_event(self) -> MediaEvent | None:
        """The next event, or None once the connection closed; rejected frames are counted."""
        event = await self._connection.receive()
        if isinstance(event, MediaRejected):
            self._reject_frame(event.reason)
        return event

    def _reject_frame(self, reason: str) -> None:
        """Counts and logs a frame that is skipped; the call goes on."""
        self._runtime.metrics.media_frames_rejected.labels(reason).inc()
        logger.warning("media.frame_rejected", extra={"fields": {"reason": reason}})

    async def wait_for_start(self) -> bool:
        """Reads until the start event and admits the call; False when the stream ended first."""
        while True:
            event = await self._next_event()
            if event is None or isinstance(event, MediaStopped):
                return False
            if isinstance(event, MediaStarted):
                self.started = event
                await self._admit(event)
                return True
            if isinstance(event, MediaAudio | MediaMark | MediaDtmf):
                self._reject_frame("before_start")

    async def wait_for_mark(self, name: str) -> bool:
        """Reads until the carrier echoes mark ``name`` (True) or the stream ends (False)."""
        while True:
            event = await self._next_event()
            if event is None or isinstance(event, MediaStopped):
                return False
            if isinstance(event, MediaMark) and event.name == name:
                return True

    async def _admit(self, start: MediaStarted) -> None:
        runtime, connection = self._runtime, self._connection
        try:
            claims = runtime.tokens.verify(start.custom_parameters.get("call_token", ""))
        except CallTokenError as exc:
            raise StartRejectedError("bad call token") from exc
        if claims.carrier != connection.carrier or claims.carrier_call_id != start.carrier_call_id:
            raise StartRejectedError("the token belongs to another call")
        try:
            first_use = await runtime.token_guard.claim(claims.call_id)
        except RedisError as exc:
            raise StartRejectedError("the replay guard is unavailable", apologize=True) from exc
        if not first_use:
            raise StartRejectedError("the call token was already used")
        try:
            tenant = await runtime.config.tenant(claims.tenant_id)
        except ConfigUnavailableError as exc:
            raise StartRejectedError("the tenant's config is unavailable") from exc
        agent = tenant.agents.get(claims.agent_id) if tenant is not None else None
        if tenant is None or agent is None:
            raise StartRejectedError("the tenant or agent is gone")
        if not connection.authorizes(tenant):
            raise StartRejectedError("the connection was not opened by the number's account")
        try:
            self._lease = await runtime.capacity.acquire(
                tenant.tenant_id,
                claims.call_id,
                max_concurrent_calls=tenant.limits.max_concurrent_calls,
                calls_per_minute=tenant.limits.calls_per_minute,
                ttl_s=runtime.settings.lease_ttl_s,
                count_rate=False,
            )
        except CapacityExceededError as exc:
            raise StartRejectedError(f"no capacity: {exc.reason}") from exc
        self._tenant = tenant
        self._context = self._build_context(claims, start, agent, tenant.limits)

    def _build_context(
        self, claims: CallClaims, start: MediaStarted, agent: AgentConfig, limits: TenantLimits
    ) -> CallContext:
        secret = agent.llm.api_key_secret
        refusal = None
        if secret is not None:
            refusal = llm_key_problem(secret.kind, secret.allowed_host, agent.llm.api_base)
        if refusal is not None:
            logger.warning("call.llm_key_refused", extra={"fields": {"reason": refusal}})
        api_key = (
            self._runtime.config.open_secret(claims.tenant_id, secret)
            if secret is not None and refusal is None
            else None
        )
        return CallContext(
            call_id=claims.call_id,
            tenant_id=claims.tenant_id,
            number_id=claims.number_id,
            carrier=self._connection.carrier,
            carrier_call_id=claims.carrier_call_id,
            from_number=claims.from_number,
            to_number=claims.to_number,
            agent=agent,
            limits=limits,
            llm_api_key=api_key,
            recordings=self._runtime.recordings,
            playout_lateness=self._runtime.metrics.playout_lateness_seconds.observe,
            caller_format=start.caller_format,
        )

    async def run(self) -> None:
        """Runs the admitted call until it ends; every task, the lease and the slot are freed."""
        assert self._context is not None and self._lease is not None
        runtime, context, lease = self._runtime, self._context, self._lease
        try:
            session = self._build_session()
        except Exception:
            logger.exception("call.session_not_started")
            await runtime.capacity.release(lease)
            return
        registered = RegisteredCall(context.call_id, context.carrier_call_id, session)
        runtime.calls.add(registered)
        runtime.metrics.active_calls.inc()
        attributes = {
            "call.id": context.call_id,
            "tenant.id": context.tenant_id,
            "carrier": context.carrier,
        }
        try:
            with (
                bound(call_id=context.call_id, tenant_id=context.tenant_id),
                runtime.tracer.start_as_current_span("call", attributes=attributes),
            ):
                logger.info("call.media_started")
                await self._run_session(session, lease)
        finally:
            runtime.metrics.active_calls.dec()
            runtime.calls.remove(context.call_id)
            await runtime.capacity.release(lease)

    def _build_session(self) -> LiveCall:
        runtime = self._runtime
        assert self._context is not None and self._tenant is not None
        context = self._context
        control = self._connection.call_control(self._tenant, context.carrier_call_id)
        events = MeteredEventSink(
            runtime.events,
            runtime.metrics,
            lambda: runtime.calls.carrier_status(context.call_id),
            on_ended=self._charge,
        )
        return runtime.session_factory(context, self._connection, control, events)

    async def _charge(self, ended: CallEnded) -> None:
        """Bills the call's minutes against its tenant's monthly cap as its lease ends."""
        assert self._lease is not None
        usage = ended.usage_record()
        await self._runtime.capacity.charge(
            self._lease, period=usage.period, minutes=usage.billable_minutes
        )

    async def _run_session(self, session: LiveCall, lease: Lease) -> None:
        ttl_s = self._runtime.settings.lease_ttl_s
        try:
            async with asyncio.TaskGroup() as tasks:
                reader = tasks.create_task(self._read(session), name="media-reader")
                heartbeat = tasks.create_task(
                    self._runtime.capacity.keep_alive(lease, ttl_s), name="lease-heartbeat"
                )
                try:
                    outcome = await session.run()
                finally:
                    reader.cancel()
                    heartbeat.cancel()
            logger.info(
                "call.ended", extra={"fields": {"reason": getattr(outcome, "reason", None)}}
            )
        except* Exception as group:
            logger.error("call.crashed", exc_info=group)

    async def _read(self, session: LiveCall) -> None:
        try:
            while not session.ended:
                event = await self._next_event()
                if event is None or isinstance(event, MediaStopped):
                    break
                self._dispatch(session, event)
        finally:
            if not session.ended:
                session.hang_up("caller_hangup")

    def _dispatch(self, session: LiveCall, event: MediaEvent) -> None:
        match event:
            case MediaAudio(pcm16=pcm16) if pcm16:
                session.push_audio(pcm16)
            case MediaMark(name=name):
                session.mark_played(name)
            case MediaDtmf(digit=digit):
                session.press_digit(digit)
            case MediaStarted():
                self._reject_frame("duplicate_start")
            case _:
                pass

    async def apologize(self) -> None:
        """Plays the built-in apology to a caller whose call cannot start through no fault of
        theirs, and waits until the carrier has played it (its mark echoed) before the
        connection closes; the carrier then ends the call."""
        connection = self._connection
        fmt = connection.audio_format
        audio = builtin_audio(APOLOGY_TROUBLE, fmt)
        if audio is None or self.started is None:
            return
        size = fmt.frame_bytes
        padded = audio.ljust(-(-len(audio) // size) * size, bytes([fmt.encoding.silence_byte]))
        duration_s = fmt.ms_for_bytes(len(audio)) / 1000
        try:
            for start in range(0, len(padded), size):
                await connection.send_audio(padded[start : start + size])
            await connection.send_mark(APOLOGY_MARK)
            async with asyncio.timeout(duration_s + APOLOGY_GRACE_S):
                await self.wait_for_mark(APOLOGY_MARK)
        except (ConnectionError, TimeoutError):
            logger.info("media.apology_cut_short")
