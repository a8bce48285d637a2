"""What the call says happened: the conversation, the turn count and the ``call.turn`` events."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TypedDict

from switchboard_common.contract import CallTurn
from switchboard_voice_runtime.call.conversation import Conversation
from switchboard_voice_runtime.call.ports import CallContext, Clock, EventSink
from switchboard_voice_runtime.call.records import AgentTurn


class EventIds(TypedDict):
    event_id: str
    tenant_id: str
    call_id: str
    occurred_at: datetime


class TurnLog:
    """Records agent turns (what the caller heard of them) in the conversation and publishes
    them; numbers caller turns from 0. ``started_at_s`` is set when the call starts."""

    def __init__(
        self,
        context: CallContext,
        *,
        events: EventSink,
        conversation: Conversation,
        clock: Clock,
    ) -> None:
        self._context = context
        self._events = events
        self.conversation = conversation
        self._clock = clock
        self.started_at_s = clock.now()
        self.turns = 0

    def next_index(self) -> int:
        self.turns += 1
        return self.turns - 1

    def since_start_ms(self, at_s: float) -> float:
        return round((at_s - self.started_at_s) * 1000, 1)

    def event_ids(self) -> EventIds:
        return {
            "event_id": uuid.uuid4().hex,
            "tenant_id": self._context.tenant_id,
            "call_id": self._context.call_id,
            "occurred_at": self._clock.wall(),
        }

    async def finish(self, turn: AgentTurn, *, interrupted: bool) -> None:
        """Records what the caller heard of the turn and publishes it (once)."""
        if turn.finished:
            return
        turn.finished = True
        text = turn.utterance.text(heard_only=interrupted)
        at_s = turn.utterance.first_frame_at_s or self._clock.now()
        self.conversation.agent_said(text, self.since_start_ms(at_s), interrupted=interrupted)
        await self.publish(turn, text, interrupted=interrupted)

    async def publish(self, turn: AgentTurn, agent_text: str, *, interrupted: bool) -> None:
        if turn.index is None:
            return
        await self._events.publish(
            CallTurn(
                **self.event_ids(),
                turn_index=turn.index,
                caller_text=turn.caller_text,
                agent_text=agent_text,
                interrupted=interrupted,
                brain=turn.brain,
                stages=turn.stages.relative(self.started_at_s, turn.utterance),
                tool_calls=tuple(turn.tool_calls),
            )
        )

    def note(self, text: str) -> None:
        """A system entry in the transcript, now."""
        self.conversation.note(text, self.since_start_ms(self._clock.now()))
