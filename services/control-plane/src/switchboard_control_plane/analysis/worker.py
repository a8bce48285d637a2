"""The analysis worker: analyses each call that ended, stores the result on the call and sends
``call.analyzed``.

A call is claimed by moving it from ``pending`` to ``running`` with a lease (its due time
pushed past the longest analysis), under ``FOR UPDATE SKIP LOCKED``; the work itself runs
outside any transaction, so the events consumer is never held up by an LLM. A process that dies
mid-way leaves a ``running`` call whose lease runs out and which is claimed again. Failures are
recorded on the call (``analysis_error``) and retried after ``retry_s`` (doubling), up to
``max_attempts``; then the call's analysis is ``failed``. A ``call.ended`` arriving meanwhile
queues the call afresh and the stale result is dropped.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.agents.models import AgentVersion
from switchboard_control_plane.agents.schemas import AgentVersionCreate
from switchboard_control_plane.analysis.builtin import builtin_analysis
from switchboard_control_plane.analysis.llm import AnalysisError, LlmAnalyst, refusal
from switchboard_control_plane.analysis.schemas import AnalysisConfig, CallAnalysis
from switchboard_control_plane.calls.models import Call
from switchboard_control_plane.credentials.store import SecretStore
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import scope_session
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.settings import AnalysisSettings
from switchboard_control_plane.webhooks.events import CALL_ANALYZED
from switchboard_control_plane.webhooks.outbox import emit

logger = logging.getLogger("switchboard.control_plane.analysis")
PARTS = 3
"""Completions one analysis may make (summary, extraction, success): the lease covers them."""

CLAIM = text(
    """
    UPDATE calls SET analysis_status = 'running',
        analysis_due_at = now() + make_interval(secs => :lease_s)
    WHERE id = (
        SELECT id FROM calls
        WHERE analysis_status IN ('pending', 'running') AND analysis_due_at <= now()
        ORDER BY analysis_due_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING id, tenant_id, analysis_attempts
    """
)


@dataclass(frozen=True, slots=True)
class Claim:
    call_id: str
    tenant_id: str
    attempts: int


class AnalysisWorker:
    def __init__(
        self,
        sessions: SessionFactory,
        secrets: SecretStore,
        settings: AnalysisSettings,
        *,
        allow_private: bool,
    ) -> None:
        self._sessions = sessions
        self._secrets = secrets
        self._settings = settings
        self._allow_private = allow_private

    async def run(self) -> None:
        while True:
            if not await self.analyse_one():
                await asyncio.sleep(self._settings.poll_s)

    async def analyse_one(self) -> bool:
        """Claims one due call and analyses it; False when none was due."""
        claim = await self._claim()
        if claim is None:
            return False
        try:
            result = await self._analyse(claim)
        except AnalysisError as exc:
            await self._failed(claim, str(exc))
        except Exception as exc:  # never lose the call's place in the queue to a bug
            logger.exception("analysis.crashed", extra={"fields": {"call_id": claim.call_id}})
            await self._failed(claim, f"internal_error: {type(exc).__name__}")
        else:
            await self._store(claim, result)
        return True

    async def _claim(self) -> Claim | None:
        lease_s = self._settings.timeout_s * PARTS + 30.0
        async with self._sessions() as session:
            row = (await session.execute(CLAIM, {"lease_s": lease_s})).first()
            await session.commit()
        return None if row is None else Claim(row[0], row[1], row[2])

    async def _analyse(self, claim: Claim) -> CallAnalysis | None:
        """The analysis, or None when the agent turned analysis off."""
        async with self._sessions() as session:
            scope_session(session, claim.tenant_id)
            call = await session.get(Call, claim.call_id)
            assert call is not None
            version = None
            if call.agent_id is not None and call.agent_version is not None:
                query = select(AgentVersion).where(
                    AgentVersion.agent_id == call.agent_id,
                    AgentVersion.version == call.agent_version,
                )
                version = (await session.execute(query)).scalar_one_or_none()
            body = AgentVersionCreate.model_validate(version.config) if version else None
            config = body.analysis if body is not None else AnalysisConfig()
            if not config.enabled:
                return None
            if body is None or body.llm.model is None:
                return builtin_analysis(
                    call.transcript,
                    call.end_reason,
                    transferred_to=call.transferred_to,
                    to_number=call.to_number,
                )
            llm = body.llm
            key, kind, host = None, None, None
            if llm.api_key_secret_name is not None:
                info = await self._secrets.info(session, claim.tenant_id, llm.api_key_secret_name)
                if info is not None:
                    kind, host = info.kind, info.allowed_host
                    key = await self._secrets.get(session, claim.tenant_id, info.name)
            transcript = list(call.transcript)
        problem = refusal(llm, kind, host, key)
        if problem is not None:
            raise AnalysisError(f"llm_refused: {problem}")
        analyst = LlmAnalyst(
            llm, key, timeout_s=self._settings.timeout_s, allow_private=self._allow_private
        )
        return await analyst.analyse(config, transcript)

    async def _store(self, claim: Claim, result: CallAnalysis | None) -> None:
        async with self._sessions() as session:
            call = await _locked_if_ours(session, claim)
            if call is None:
                return
            call.analysis_due_at, call.analysis_error = None, None
            if result is None:
                call.analysis_status = "skipped"
                await session.commit()
                return
            call.analysis = result.model_dump(mode="json")
            call.analysis_status = "done"
            call.analysis_attempts = claim.attempts + 1
            data = {"call_id": call.id, "agent_id": call.agent_id, "analysis": call.analysis}
            await emit(session, call.tenant_id, CALL_ANALYZED, data, ordering_key=call.id)
            await session.commit()

    async def _failed(self, claim: Claim, error: str) -> None:
        attempts = claim.attempts + 1
        async with self._sessions() as session:
            call = await _locked_if_ours(session, claim)
            if call is None:
                return
            call.analysis_attempts, call.analysis_error = attempts, error[:500]
            if attempts >= self._settings.max_attempts:
                call.analysis_status, call.analysis_due_at = "failed", None
            else:
                delay_s = self._settings.retry_s * 2 ** (attempts - 1)
                call.analysis_status = "pending"
                call.analysis_due_at = utcnow() + timedelta(seconds=delay_s)
            await session.commit()
        logger.warning(
            "analysis.failed",
            extra={"fields": {"call_id": claim.call_id, "attempt": attempts, "error": error}},
        )


async def _locked_if_ours(session: AsyncSession, claim: Claim) -> Call | None:
    """The claimed call, locked, unless it was queued afresh since the claim (a later
    ``call.ended``): then None, and the stale work is dropped."""
    scope_session(session, claim.tenant_id)
    query = select(Call).where(Call.id == claim.call_id).with_for_update()
    call = (await session.execute(query)).scalar_one_or_none()
    if (
        call is None
        or call.analysis_status != "running"
        or call.analysis_attempts != claim.attempts
    ):
        await session.rollback()
        return None
    return call
