"""Answering the caller: the brain's reply spoken, its tools acted on, failures apologised for."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from switchboard_voice_runtime.call.brain import Brain, BrainAction, EndCall, QuickReplyFirst
from switchboard_voice_runtime.call.builtin_brain import BuiltinBrain
from switchboard_voice_runtime.call.ending import CallEnding
from switchboard_voice_runtime.call.fillers import Fillers
from switchboard_voice_runtime.call.llm_brain import LlmBrain
from switchboard_voice_runtime.call.phrases import (
    APOLOGY_TROUBLE,
    FAILURE_GOODBYE,
    GOODBYE,
    TAKE_MESSAGE_THANKS,
    TRANSFER_FAILED,
    TRANSFER_REFUSED,
)
from switchboard_voice_runtime.call.ports import CallContext, CallControl, CallControlError, Clock
from switchboard_voice_runtime.call.records import AgentTurn, StageTimes
from switchboard_voice_runtime.call.replies import voice_reply
from switchboard_voice_runtime.call.tasks import CallTasks
from switchboard_voice_runtime.call.turn_log import TurnLog
from switchboard_voice_runtime.call.usage import UsageTally
from switchboard_voice_runtime.call.voice import Voice
from switchboard_voice_runtime.providers import ProviderError, SpeechServices
from switchboard_voice_runtime.providers.http_tools import ToolCallContext
from switchboard_voice_runtime.providers.llm import ChatMessage

_log = logging.getLogger(__name__)
MAX_FAILURES = 3
_CARRIER_ACTION_TIMEOUT_S = 5.0


class Answering:
    """Turns a caller's words into the agent's spoken answer (after hours: takes the message)."""

    def __init__(
        self,
        context: CallContext,
        *,
        services: SpeechServices,
        control: CallControl,
        voice: Voice,
        fillers: Fillers,
        log: TurnLog,
        ending: CallEnding,
        clock: Clock,
        tasks: CallTasks,
        usage: UsageTally,
    ) -> None:
        self._agent = context.agent
        self._control = control
        self._voice = voice
        self._fillers = fillers
        self._turn_log = log
        self._ending = ending
        self._clock = clock
        self._tasks = tasks
        self._brain: Brain = QuickReplyFirst(context.agent, _core_brain(context, services, usage))
        self._failures = 0
        self.after_hours = False
        self.transferred_to: str | None = None
        self.instructions = ""
        """The client's instructions added to the agent's prompt (a realtime session whose
        agent allows them); "" for none."""

    async def answer(
        self, text: str, stages: StageTimes, *, recorded: Callable[[], object] | None = None
    ) -> None:
        """Answers ``text``; ``recorded`` is called once the caller's words are in the
        conversation (until then a hang-up must still record them)."""
        voice = self._voice
        await voice.claim()
        turn = AgentTurn(
            voice.new_utterance(),
            index=self._turn_log.next_index(),
            caller_text=text,
            stages=stages,
        )
        voice.speaking = turn
        heard_at_s = stages.caller_stopped_s or self._clock.now()
        self._turn_log.conversation.caller_said(text, self._turn_log.since_start_ms(heard_at_s))
        if recorded is not None:
            recorded()
        if self.after_hours:
            await self._close_after_hours(turn)
            return
        await self._reply(turn, text, heard_at_s, self.instructions)

    async def respond(self, caller_text: str = "", *, instructions: str | None = None) -> None:
        """Answers now from the conversation so far (a client asked: its caller words, if any,
        are already in it); ``instructions`` replace the session's for this answer only."""
        voice = self._voice
        await voice.claim()
        turn = AgentTurn(
            voice.new_utterance(), index=self._turn_log.next_index(), caller_text=caller_text
        )
        voice.speaking = turn
        history = self._turn_log.conversation.history
        last_user = next((m.content for m in reversed(history) if m.role == "user"), "")
        chosen = self.instructions if instructions is None else instructions
        await self._reply(turn, last_user, self._clock.now(), chosen)

    async def _reply(
        self, turn: AgentTurn, text: str, heard_at_s: float, instructions: str
    ) -> None:
        voice = self._voice
        history = self._turn_log.conversation.history
        if instructions:
            history = (ChatMessage("system", instructions), *history)
        reply = self._brain.reply(text, history)
        turn.brain = reply.kind
        turn.tool_calls = reply.tool_calls
        fillers = self._tasks.spawn(self._fillers.bridge(turn.utterance, quiet_since_s=heard_at_s))
        try:
            actions = await voice_reply(turn, reply, voice.speaker, self._clock)
        except ProviderError as error:
            await self._turn_log.finish(turn, interrupted=False)
            await self.fail(error, APOLOGY_TROUBLE)
            return
        finally:
            fillers.cancel()
        self._failures = 0
        await turn.utterance.played()
        await self._turn_log.finish(turn, interrupted=False)
        if actions:
            await self._act(turn, actions[0])

    async def fail(self, error: ProviderError, apology: str) -> None:
        self._failures += 1
        _log.warning(
            "provider failed",
            extra={
                "fields": {
                    "provider": error.provider,
                    "retryable": error.retryable,
                    "error": str(error),  # the adapter's message, secrets already redacted
                }
            },
        )
        self._turn_log.note(f"{error.provider} failed")
        if self._failures >= MAX_FAILURES:
            await self._voice.say(FAILURE_GOODBYE)
            self._ending.end("error")
        else:
            await self._voice.say(apology)

    async def _act(self, turn: AgentTurn, action: BrainAction) -> None:
        if isinstance(action, EndCall):
            if not turn.utterance.segments:
                await self._voice.say(GOODBYE)
            self._ending.end("agent_hangup")
            return
        number = action.number
        conversation = self._turn_log.conversation
        now_ms = self._turn_log.since_start_ms(self._clock.now())
        if not self._agent.tools.transfer_allowed(number):
            conversation.note("transfer refused: number not allowed", now_ms)
            await self._voice.say(TRANSFER_REFUSED)
            return
        try:
            async with asyncio.timeout(_CARRIER_ACTION_TIMEOUT_S):
                await self._control.transfer(number)
        except (CallControlError, TimeoutError):
            conversation.note("transfer failed", now_ms)
            await self._voice.say(TRANSFER_FAILED)
            return
        self.transferred_to = number
        conversation.note(f"transferred to {number}", now_ms)
        self._ending.end("transferred")

    async def _close_after_hours(self, turn: AgentTurn) -> None:
        """After hours a caller turn is their message (when messages are taken)."""
        hours = self._agent.business_hours
        take_message = hours is not None and hours.take_message
        text = TAKE_MESSAGE_THANKS if take_message or hours is None else hours.after_hours_message
        await self._voice.speaker.speak_fixed(turn.utterance, text)
        await turn.utterance.played()
        await self._turn_log.finish(turn, interrupted=False)
        self._ending.end("agent_hangup")


def _core_brain(context: CallContext, services: SpeechServices, usage: UsageTally) -> Brain:
    llm = context.agent.llm
    if llm.model is None:
        return BuiltinBrain(context.agent)
    return LlmBrain(
        context.agent,
        services.chat(llm, context.llm_api_key),
        http_tools=services.http_tools,
        context=ToolCallContext(
            tenant_id=context.tenant_id, call_id=context.call_id, agent_id=context.agent.agent_id
        ),
        usage=usage,
    )
