"""One Twilio media socket from its start frame to its end: admit the call, read frames, run it."""

from __future__ import annotations

import asyncio
import logging

from fastapi import WebSocket
from redis.exceptions import RedisError

from switchboard_common.contract import AgentConfig, CallEnded
from switchboard_common.contract.secret_use import llm_key_problem
from switchboard_common.contract.tenant_config import TenantLimits
from switchboard_common.log import bound
from switchboard_voice_runtime.api.media_sink import TwilioMediaSink
from switchboard_voice_runtime.call.ports import CallContext
from switchboard_voice_runtime.call_token import CallClaims, CallTokenError
from switchboard_voice_runtime.calls import LiveCall, RegisteredCall
from switchboard_voice_runtime.capacity import CapacityExceededError, Lease
from switchboard_voice_runtime.carrier_rest import TwilioCallControl
from switchboard_voice_runtime.config_cache import ConfigUnavailableError
from switchboard_voice_runtime.metrics import MeteredEventSink
from switchboard_voice_runtime.runtime import CarrierAccount, Runtime
from switchboard_voice_runtime.telephony import twilio

logger = logging.getLogger(__name__)

MAX_MEDIA_PAYLOAD_BYTES = 8_000
"""One second of mu-law; Twilio sends 160-byte frames, anything far larger is not audio."""


class StartRejectedError(Exception):
    """The start frame does not admit a call (bad token, replay, unknown tenant, no capacity).

    ``apologize``: the refusal is ours, not the caller's (a dependency is down), so the caller
    hears an apology before the socket closes.
    """

    def __init__(self, reason: str, *, apologize: bool = False) -> None:
        super().__init__(reason)
        self.apologize = apologize


class MediaCall:
    """Reads a Twilio media socket and feeds one CallSession; frees its lease whatever happens."""

    def __init__(self, runtime: Runtime, websocket: WebSocket, upgrade_signature: str) -> None:
        self._runtime = runtime
        self._websocket = websocket
        self._signature = upgrade_signature
        self._start: twilio.Start | None = None
        self._claims: CallClaims | None = None
        self._context: CallContext | None = None
        self._account: CarrierAccount | None = None
        self._lease: Lease | None = None
        self.stream_sid: str | None = None
        """The stream's sid once its start frame came (admitted or not)."""

    async def _next_frame(self) -> twilio.InboundFrame | None:
        """The next frame, ``Unknown`` for a malformed one, or None once the socket closed."""
        message = await self._websocket.receive()
        if message["type"] == "websocket.disconnect":
            return None
        data = message.get("text") or message.get("bytes") or ""
        try:
            frame = twilio.parse_frame(data)
        except twilio.FrameError as exc:
            self._reject_frame(exc.reason)
            return twilio.Unknown(exc.reason)
        if isinstance(frame, twilio.Media) and len(frame.payload) > MAX_MEDIA_PAYLOAD_BYTES:
            self._reject_frame("oversized")
            return twilio.Unknown("oversized")
        return frame

    def _reject_frame(self, reason: str) -> None:
        """Counts and logs a frame that is skipped; the call goes on."""
        self._runtime.metrics.media_frames_rejected.labels(reason).inc()
        logger.warning("media.frame_rejected", extra={"fields": {"reason": reason}})

    async def wait_for_start(self) -> bool:
        """Reads until the start frame and admits the call; False when the socket closed first."""
        while True:
            frame = await self._next_frame()
            if frame is None or isinstance(frame, twilio.Stop):
                return False
            if isinstance(frame, twilio.Start):
                self.stream_sid = frame.stream_sid
                await self._admit(frame)
                return True
            if isinstance(frame, twilio.Media | twilio.Mark | twilio.Dtmf):
                self._reject_frame("before_start")

    async def wait_for_mark(self, name: str) -> bool:
        """Reads until the carrier echoes mark ``name`` (True) or the stream ends (False)."""
        while True:
            frame = await self._next_frame()
            if frame is None or isinstance(frame, twilio.Stop):
                return False
            if isinstance(frame, twilio.Mark) and frame.name == name:
                return True

    async def _admit(self, start: twilio.Start) -> None:
        runtime = self._runtime
        try:
            claims = runtime.tokens.verify(start.custom_parameters.get("call_token", ""))
        except CallTokenError as exc:
            raise StartRejectedError("bad call token") from exc
        if claims.carrier_call_id != start.call_sid:
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
        account = runtime.twilio_account(tenant)
        if account is None or not twilio.verify_signature(
            account.auth_token, runtime.settings.media_stream_url, [], self._signature
        ):
            raise StartRejectedError("the upgrade was not signed by the number's account")
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
        self._start, self._claims, self._account = start, claims, account
        self._context = self._build_context(claims, agent, tenant.limits)

    def _build_context(
        self, claims: CallClaims, agent: AgentConfig, limits: TenantLimits
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
            carrier="twilio",
            carrier_call_id=claims.carrier_call_id,
            from_number=claims.from_number,
            to_number=claims.to_number,
            agent=agent,
            limits=limits,
            llm_api_key=api_key,
            recording_dir=self._runtime.settings.recordings_dir,
            playout_lateness=self._runtime.metrics.playout_lateness_seconds.observe,
        )

    async def run(self) -> None:
        """Runs the admitted call until it ends; every task, the lease and the slot are freed."""
        assert self._context is not None and self._start is not None and self._lease is not None
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
            "carrier": "twilio",
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
        assert self._context is not None and self._start is not None and self._account is not None
        context, account = self._context, self._account
        control = TwilioCallControl(
            runtime.http,
            api_base=runtime.settings.twilio.api_base,
            account_sid=account.account_sid,
            auth_token=account.auth_token,
            call_sid=context.carrier_call_id,
            attempts=runtime.settings.twilio.rest_attempts,
            timeout_s=runtime.settings.twilio.rest_timeout_s,
        )
        events = MeteredEventSink(
            runtime.events,
            runtime.metrics,
            lambda: runtime.calls.carrier_status(context.call_id),
            on_ended=self._charge,
        )
        sink = TwilioMediaSink(self._websocket, self._start.stream_sid)
        return runtime.session_factory(context, sink, control, events)

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
                frame = await self._next_frame()
                if frame is None or isinstance(frame, twilio.Stop):
                    break
                self._dispatch(session, frame)
        finally:
            if not session.ended:
                session.hang_up("caller_hangup")

    def _dispatch(self, session: LiveCall, frame: twilio.InboundFrame) -> None:
        match frame:
            case twilio.Media(payload=payload) if payload:
                session.push_audio(payload)
            case twilio.Mark(name=name):
                session.mark_played(name)
            case twilio.Dtmf(digit=digit):
                session.press_digit(digit)
            case twilio.Start():
                self._reject_frame("duplicate_start")
            case _:
                pass
