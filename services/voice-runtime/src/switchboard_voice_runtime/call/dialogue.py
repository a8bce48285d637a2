"""The dialogue: caller turns in, agent turns out, with speculation, barge-in, tools and idling."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Protocol, TypeVar, cast

from switchboard_common.contract.events import EndReason
from switchboard_common.contract.vocabulary import stt_prompt
from switchboard_voice_runtime.call.brain import Brain, BrainAction, EndCall, QuickReplyFirst, words
from switchboard_voice_runtime.call.builtin_brain import BuiltinBrain
from switchboard_voice_runtime.call.conversation import Conversation
from switchboard_voice_runtime.call.fillers import Fillers
from switchboard_voice_runtime.call.hours import is_open
from switchboard_voice_runtime.call.llm_brain import LlmBrain
from switchboard_voice_runtime.call.phrases import (
    APOLOGY_REPEAT,
    APOLOGY_TROUBLE,
    FAILURE_GOODBYE,
    GOODBYE,
    TAKE_MESSAGE_THANKS,
    TRANSFER_FAILED,
    TRANSFER_REFUSED,
)
from switchboard_voice_runtime.call.playout import Playout
from switchboard_voice_runtime.call.ports import CallContext, CallControl, CallControlError, Clock
from switchboard_voice_runtime.call.records import AgentTurn, Heard, StageTimes
from switchboard_voice_runtime.call.replies import voice_reply
from switchboard_voice_runtime.call.speaker import Speaker, Utterance
from switchboard_voice_runtime.call.turns import (
    SpeechPaused,
    SpeechResumed,
    SpeechStarted,
    SpeechSustained,
    TurnEnded,
    TurnEvent,
)
from switchboard_voice_runtime.call.usage import UsageTally
from switchboard_voice_runtime.call.vad import STT_RATE_HZ, to_stt_rate
from switchboard_voice_runtime.providers import ProviderError, SpeechServices
from switchboard_voice_runtime.providers.http_tools import ToolCallContext

_log = logging.getLogger(__name__)
_T = TypeVar("_T")
MAX_FAILURES = 3
CLOSING_STT_TIMEOUT_S = 2.0
"""How long, after a hang-up, the caller's last unanswered words may take to transcribe."""
_CARRIER_ACTION_TIMEOUT_S = 5.0
Inbound = tuple[TurnEvent, bytes] | str
"""A turn event with the utterance audio it carries (pauses and ends), or a DTMF digit."""


class CallHooks(Protocol):
    """What the dialogue needs from its session."""

    def end(self, reason: EndReason) -> None: ...

    def hang_up(self, reason: EndReason = "caller_hangup") -> None: ...

    def since_start_ms(self, at_s: float) -> float: ...

    async def publish_turn(
        self, turn: AgentTurn, agent_text: str, *, interrupted: bool
    ) -> None: ...


class Dialogue:
    """Owns who speaks: at most one agent turn holds the voice; the caller may take it back."""

    def __init__(
        self,
        context: CallContext,
        *,
        services: SpeechServices,
        control: CallControl,
        playout: Playout,
        conversation: Conversation,
        clock: Clock,
        session: CallHooks,
        filler_after_s: float = 1.5,
    ) -> None:
        agent = context.agent
        self._caller_rate_hz = context.caller_format.sample_rate_hz
        self._agent = agent
        self._services = services
        self._control = control
        self._playout = playout
        self._conversation = conversation
        self._clock = clock
        self._call = session
        self.usage = UsageTally()
        """What the call consumed (STT audio here, TTS in the speaker, LLM in the brain)."""
        self._speaker = Speaker(services, agent, playout, clock, usage=self.usage)
        self._fillers = Fillers(self._speaker, playout, clock, after_s=filler_after_s)
        self._brain: Brain = QuickReplyFirst(agent, _core_brain(context, services, self.usage))
        self._backchannel = {w for p in agent.turn_taking.backchannel_phrases for w in words(p)}
        self._stt_prompt = stt_prompt(agent)
        self._group: asyncio.TaskGroup | None = None
        self._speaking: AgentTurn | None = None
        self._speaking_task: asyncio.Task[None] | None = None
        self._pending: dict[asyncio.Task[None], bytes] = {}
        self._unrecorded: dict[asyncio.Task[None], str] = {}
        self._speculative: asyncio.Task[Heard] | None = None
        self._carry = b""
        self._utterances = 0
        self._failures = 0
        self._idle_since_s = clock.now()
        self._reprompted = False
        self._after_hours = False
        self.turns = 0
        self.transferred_to: str | None = None

    @property
    def busy(self) -> bool:
        """The agent is talking, or preparing what it will say."""
        task = self._speaking_task
        return self._playout.speaking or (task is not None and not task.done())

    def start(self, group: asyncio.TaskGroup, inbox: asyncio.Queue[Inbound]) -> None:
        self._group = group
        group.create_task(self._listen(inbox))
        group.create_task(self._open())
        group.create_task(self._prewarm())

    def check_idle(self, now_s: float, *, caller_speaking: bool) -> None:
        """Reprompts after ``idle_reprompt_s`` of mutual silence, ends after ``idle_hangup_s``
        (never in the middle of the reprompt: the caller hears it whole)."""
        talking = self.busy and (self._speaking is None or self._speaking.counts_as_activity)
        if caller_speaking or self._pending or talking:
            self._idle_since_s = now_s
            return
        idle_s = now_s - self._idle_since_s
        rules = self._agent.turn_taking
        if idle_s >= rules.idle_hangup_s and not self.busy:
            self._call.end("idle_timeout")
        elif idle_s >= rules.idle_reprompt_s and not self._reprompted and not self.busy:
            self._reprompted = True
            self._spawn(self._say(rules.idle_reprompt_message, counts_as_activity=False))

    async def _listen(self, inbox: asyncio.Queue[Inbound]) -> None:
        while True:
            item = await inbox.get()
            if isinstance(item, str):
                self._on_digit(item)
                continue
            event, audio = item
            if isinstance(event, SpeechStarted):
                self._activity()
            elif isinstance(event, SpeechSustained):
                await self._on_sustained()
            elif isinstance(event, SpeechPaused):
                if self._speculative is None:
                    self._speculative = self._spawn(self._transcribe(self._carry + audio))
            elif isinstance(event, SpeechResumed):
                if self._speculative is not None:
                    self._speculative.cancel()
                    self._speculative = None
            else:
                self._on_turn_ended(event, audio)

    def _activity(self) -> None:
        self._idle_since_s = self._clock.now()
        self._reprompted = False

    async def _on_sustained(self) -> None:
        """The caller talks on: turns still being transcribed merge into this one, and an agent
        who is speaking stops (barge-in)."""
        self._activity()
        for task, audio in self._pending.items():
            task.cancel()
            self._carry += audio
        self._pending.clear()
        if self.busy:
            await self._barge_in()

    def _on_turn_ended(self, event: TurnEnded, audio: bytes) -> None:
        self._activity()
        audio, self._carry = self._carry + audio, b""
        heard = self._speculative or self._spawn(self._transcribe(audio))
        self._speculative = None
        short = event.speech_ms < self._agent.turn_taking.barge_in_min_speech_ms
        stages = StageTimes(caller_stopped_s=event.stopped_at_s, end_of_turn_s=event.decided_at_s)
        task = self._spawn(self._caller_turn(heard, stages, over_agent=self.busy and short))
        self._pending[task] = audio

    def _on_digit(self, digit: str) -> None:
        text = f"[DTMF {digit}]"
        if not self._agent.tools.dtmf_enabled:
            self._conversation.note(text, self._call.since_start_ms(self._clock.now()))
            return
        self._activity()
        self._spawn(self._answer(text, StageTimes()))

    async def _transcribe(self, audio: bytes) -> Heard:
        pcm16 = to_stt_rate(audio, self._caller_rate_hz)
        self.usage.heard(pcm16, STT_RATE_HZ)
        try:
            text = await self._services.stt.transcribe(
                pcm16,
                sample_rate_hz=STT_RATE_HZ,
                language=self._agent.stt.language,
                model=self._agent.stt.model,
                prompt=self._stt_prompt,
            )
        except ProviderError as error:
            return Heard("", self._clock.now(), error)
        return Heard(text.strip(), self._clock.now())

    async def _caller_turn(
        self, heard_task: asyncio.Task[Heard], stages: StageTimes, *, over_agent: bool
    ) -> None:
        heard = await self._transcript(heard_task, stages)
        self._pending.pop(_current(), None)
        stages.transcript_final_s = heard.at_s
        if heard.error is not None:
            await self._claim_voice()
            await self._fail(heard.error, APOLOGY_REPEAT)
            return
        if not heard.text:
            return
        if over_agent and self.busy and self._is_backchannel(heard.text):
            _log.info("backchannel ignored", extra={"pii": {"text": heard.text}})
            return
        self._unrecorded[_current()] = heard.text
        await self._answer(heard.text, stages)

    async def _transcript(self, heard_task: asyncio.Task[Heard], stages: StageTimes) -> Heard:
        """The caller's words; when they are late and the caller hears nothing meanwhile, a
        filler holds the voice until they come (what the caller heard of it is recorded)."""
        stopped_s = stages.caller_stopped_s or self._clock.now()
        if not self._fillers.enabled or heard_task.done():
            return await heard_task
        due_in_s = max(0.0, self._fillers.due_in_s(stopped_s))
        try:
            done, _ = await asyncio.wait([heard_task], timeout=due_in_s)
        except asyncio.CancelledError:
            heard_task.cancel()  # as awaiting it would: a merged or dropped turn stops its STT
            raise
        if done or self.busy:
            return await heard_task
        await self._claim_voice()
        filler = AgentTurn(self._new_utterance())
        self._speaking = filler
        self._fillers.say_first(filler.utterance)
        heard = await heard_task
        await self._finish(filler, interrupted=False)
        return heard

    def _is_backchannel(self, text: str) -> bool:
        spoken = words(text)
        return bool(spoken) and all(word in self._backchannel for word in spoken)

    async def _answer(self, text: str, stages: StageTimes) -> None:
        await self._claim_voice()
        turn = AgentTurn(self._new_utterance(), index=self.turns, caller_text=text, stages=stages)
        self.turns += 1
        self._speaking = turn
        heard_at_s = stages.caller_stopped_s or self._clock.now()
        self._conversation.caller_said(text, self._call.since_start_ms(heard_at_s))
        self._unrecorded.pop(_current(), None)
        if self._after_hours:
            await self._close_after_hours(turn)
            return
        reply = self._brain.reply(text, self._conversation.history)
        turn.brain = reply.kind
        fillers = self._spawn(self._fillers.bridge(turn.utterance, quiet_since_s=heard_at_s))
        try:
            actions = await voice_reply(turn, reply, self._speaker, self._clock)
        except ProviderError as error:
            await self._finish(turn, interrupted=False)
            await self._fail(error, APOLOGY_TROUBLE)
            return
        finally:
            fillers.cancel()
        self._failures = 0
        await turn.utterance.played()
        await self._finish(turn, interrupted=False)
        if actions:
            await self._act(turn, actions[0])

    async def _claim_voice(self) -> None:
        """Makes the current task the one that speaks, interrupting whoever spoke before."""
        if self.busy and self._speaking_task is not _current():
            await self._barge_in()
        self._speaking_task = _current()

    async def _barge_in(self) -> None:
        turn, task = self._speaking, self._speaking_task
        self._speaking = self._speaking_task = None
        try:
            await self._playout.interrupt()
        except ConnectionError:
            self._call.hang_up("caller_hangup")
        if task is not None and task is not _current() and not task.done():
            task.cancel()
            await asyncio.wait([task])
        if turn is not None:
            await self._finish(turn, interrupted=True)

    async def _finish(self, turn: AgentTurn, *, interrupted: bool) -> None:
        """Records what the caller heard of the turn and publishes it (once)."""
        if turn.finished:
            return
        turn.finished = True
        text = turn.utterance.text(heard_only=interrupted)
        at_s = turn.utterance.first_frame_at_s or self._clock.now()
        self._conversation.agent_said(
            text, self._call.since_start_ms(at_s), interrupted=interrupted
        )
        await self._call.publish_turn(turn, text, interrupted=interrupted)

    async def _say(self, text: str, *, counts_as_activity: bool = True) -> None:
        """Speaks a fixed phrase as its own utterance and waits until it has played."""
        await self._claim_voice()
        turn = AgentTurn(self._new_utterance(), counts_as_activity=counts_as_activity)
        self._speaking = turn
        await self._speaker.speak_fixed(turn.utterance, text)
        await turn.utterance.played()
        await self._finish(turn, interrupted=False)

    async def _fail(self, error: ProviderError, apology: str) -> None:
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
        self._conversation.note(
            f"{error.provider} failed", self._call.since_start_ms(self._clock.now())
        )
        if self._failures >= MAX_FAILURES:
            await self._say(FAILURE_GOODBYE)
            self._call.end("error")
        else:
            await self._say(apology)

    async def _act(self, turn: AgentTurn, action: BrainAction) -> None:
        if isinstance(action, EndCall):
            if not turn.utterance.segments:
                await self._say(GOODBYE)
            self._call.end("agent_hangup")
            return
        number = action.number
        now_ms = self._call.since_start_ms(self._clock.now())
        if not self._agent.tools.transfer_allowed(number):
            self._conversation.note("transfer refused: number not allowed", now_ms)
            await self._say(TRANSFER_REFUSED)
            return
        try:
            async with asyncio.timeout(_CARRIER_ACTION_TIMEOUT_S):
                await self._control.transfer(number)
        except (CallControlError, TimeoutError):
            self._conversation.note("transfer failed", now_ms)
            await self._say(TRANSFER_FAILED)
            return
        self.transferred_to = number
        self._conversation.note(f"transferred to {number}", now_ms)
        self._call.end("transferred")

    async def _open(self) -> None:
        hours = self._agent.business_hours
        if hours is None or is_open(hours, self._clock.wall()):
            await self._say(self._agent.greeting)
            return
        self._after_hours = True
        await self._say(hours.after_hours_message)
        if not hours.take_message:
            self._call.end("agent_hangup")

    async def _close_after_hours(self, turn: AgentTurn) -> None:
        """After hours a caller turn is their message (when messages are taken)."""
        hours = self._agent.business_hours
        take_message = hours is not None and hours.take_message
        text = TAKE_MESSAGE_THANKS if take_message or hours is None else hours.after_hours_message
        await self._speaker.speak_fixed(turn.utterance, text)
        await turn.utterance.played()
        await self._finish(turn, interrupted=False)
        self._call.end("agent_hangup")

    async def _prewarm(self) -> None:
        try:
            await self._services.prewarm(self._agent)
        except Exception:  # best effort: a broken cache must not end the call
            _log.exception("prewarm failed")

    async def close(self, unfinished_audio: bytes) -> None:
        """Once the call's tasks have stopped (a hang-up cancels them mid-turn): records the
        turn the hang-up cut short, so it is in the transcript and the events. The agent turn
        in progress keeps what the caller heard of it; caller words not yet answered (heard,
        being transcribed, or still being spoken: ``unfinished_audio``) become a turn with no
        answer, transcribed within CLOSING_STT_TIMEOUT_S."""
        turn = self._speaking
        if turn is not None:
            cut = any(not segment.heard for segment in turn.utterance.segments)
            await self._finish(turn, interrupted=cut)
        said = list(self._unrecorded.values())
        audio = self._carry + b"".join(self._pending.values()) + unfinished_audio
        self._unrecorded.clear()
        self._pending.clear()
        if audio:
            try:
                async with asyncio.timeout(CLOSING_STT_TIMEOUT_S):
                    heard = await self._transcribe(audio)
            except TimeoutError:
                heard = Heard("", self._clock.now())
            said += [heard.text] if heard.text else []
        for text in said:
            unanswered = AgentTurn(self._new_utterance(), index=self.turns, caller_text=text)
            self.turns += 1
            self._conversation.caller_said(text, self._call.since_start_ms(self._clock.now()))
            await self._call.publish_turn(unanswered, "", interrupted=False)

    def _new_utterance(self) -> Utterance:
        self._utterances += 1
        return Utterance(self._utterances - 1)

    def _spawn(self, coro: Coroutine[object, object, _T]) -> asyncio.Task[_T]:
        assert self._group is not None, "start() first"
        return self._group.create_task(coro)


def _current() -> asyncio.Task[None]:
    task = asyncio.current_task()
    assert task is not None, "called outside a task"
    return cast("asyncio.Task[None]", task)


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
