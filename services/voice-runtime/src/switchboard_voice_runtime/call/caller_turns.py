"""The caller's side of the dialogue: turn events in, transcripts out (speculative when the caller
pauses), the end-of-turn model asked at that pause, turns merged when the caller talks on,
barge-in, backchannels, DTMF, and the words a hang-up cut short."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from switchboard_common.contract.vocabulary import stt_prompt
from switchboard_voice_runtime.call.answering import Answering
from switchboard_voice_runtime.call.brain import words
from switchboard_voice_runtime.call.fillers import Fillers
from switchboard_voice_runtime.call.hearing import CallerDropped, Hearing, Inbound
from switchboard_voice_runtime.call.openings import Openings
from switchboard_voice_runtime.call.phrases import APOLOGY_REPEAT
from switchboard_voice_runtime.call.ports import CallContext, Clock
from switchboard_voice_runtime.call.records import AgentTurn, Heard, StageTimes
from switchboard_voice_runtime.call.tasks import CallTasks, current_task
from switchboard_voice_runtime.call.turn_log import TurnLog
from switchboard_voice_runtime.call.turns import (
    SpeechPaused,
    SpeechResumed,
    SpeechStarted,
    SpeechSustained,
    TurnEnded,
)
from switchboard_voice_runtime.call.usage import UsageTally
from switchboard_voice_runtime.call.vad import STT_RATE_HZ, to_stt_rate
from switchboard_voice_runtime.call.voice import Voice
from switchboard_voice_runtime.providers import ProviderError, SpeechServices

_log = logging.getLogger(__name__)
CLOSING_STT_TIMEOUT_S = 2.0
"""How long, after a hang-up, the caller's last unanswered words may take to transcribe."""
COMPLETE_PROBABILITY = 0.5
"""The end-of-turn model's verdict: at or above, the caller is done."""
WORDS_RECHECK_S = 0.3
"""While a tentative interruption has heard no words yet and the caller talks on, how often the
words so far are transcribed again (one request in flight at a time)."""


class CallerTurns:
    """Listens to the caller's turn events and DTMF and hands their words to ``Answering``."""

    def __init__(
        self,
        context: CallContext,
        *,
        services: SpeechServices,
        voice: Voice,
        fillers: Fillers,
        answering: Answering,
        openings: Openings,
        hearing: Hearing,
        log: TurnLog,
        clock: Clock,
        tasks: CallTasks,
        usage: UsageTally,
    ) -> None:
        agent = context.agent
        self._usage = usage
        self._stt_prompt = stt_prompt(agent)
        self._agent = agent
        self._caller_rate_hz = context.caller_format.sample_rate_hz
        self._services = services
        self._voice = voice
        self._fillers = fillers
        self._answering = answering
        self._openings = openings
        self._hearing = hearing
        self._turn_model = services.turn_model
        self._turn_log = log
        self._clock = clock
        self._tasks = tasks
        self._backchannel = {w for p in agent.turn_taking.backchannel_phrases for w in words(p)}
        self._pending: dict[asyncio.Task[None], bytes] = {}
        self._unrecorded: dict[asyncio.Task[None], str] = {}
        self._speculative: asyncio.Task[Heard] | None = None
        self._cut: AgentTurn | None = None
        self._carry = b""
        self._caller_quiet = asyncio.Event()
        self._caller_quiet.set()
        self.hold: Callable[[str], None] | None = None
        """Set: a finished turn's words go here instead of being answered (a client that asks
        for answers itself)."""

    @property
    def pending(self) -> bool:
        """Caller turns still being transcribed or waiting for the voice."""
        return bool(self._pending)

    async def listen(self, inbox: asyncio.Queue[Inbound]) -> None:
        while True:
            item = await inbox.get()
            if isinstance(item, str):
                self._on_digit(item)
                continue
            event, audio = item
            if isinstance(event, CallerDropped):
                self._on_dropped()
            elif isinstance(event, SpeechStarted):
                self._caller_quiet.clear()
                self._openings.activity()
            elif isinstance(event, SpeechSustained):
                self._on_sustained(audio)
            elif isinstance(event, SpeechPaused):
                if self._speculative is None:
                    self._speculative = self._tasks.spawn(self._transcribe(self._carry + audio))
                if self._turn_model is not None:
                    self._tasks.spawn(self._judge(event, self._carry + audio))
            elif isinstance(event, SpeechResumed):
                if self._speculative is not None:
                    self._speculative.cancel()
                    self._speculative = None
            else:
                self._caller_quiet.set()
                self._on_turn_ended(event, audio)

    def _on_dropped(self) -> None:
        """The client dropped the turn in progress: no transcript, the agent goes on."""
        self._caller_quiet.set()
        if self._speculative is not None:
            self._speculative.cancel()
            self._speculative = None
        self._resume()

    def _on_sustained(self, audio: bytes) -> None:
        """The caller talks on: turns still being transcribed merge into this one, and an agent
        who is speaking pauses at once, the carrier's buffer cleared (a tentative interruption):
        the words decide whether it goes on or is cut. Those heard so far
        are transcribed at once, and again every ``WORDS_RECHECK_S`` while the caller talks on
        with no words yet (the first 180 ms rarely hold one): real words commit the barge-in
        while the caller still talks; a backchannel or nothing leaves it to the end of the
        caller's turn."""
        self._openings.activity()
        for task, pending_audio in self._pending.items():
            task.cancel()
            self._carry += pending_audio
        self._pending.clear()
        if self._voice.busy and not self._voice.paused:
            self._voice.pause()
            self._tasks.spawn(self._words_decide(self._carry + audio))

    async def _words_decide(self, audio: bytes) -> None:
        carry = self._carry
        await self._voice.flush()
        while True:
            heard = await self._transcribe(audio)
            if not self._voice.paused:  # already decided (the turn ended, or a new answer began)
                return
            if heard.text and not self._is_backchannel(heard.text):
                self._cut = self._voice.speaking
                await self._voice.barge_in()
                return
            await self._clock.sleep(WORDS_RECHECK_S)
            if not self._voice.paused or self._caller_quiet.is_set():
                return  # the end of the caller's turn decides
            audio = carry + self._hearing.so_far()

    def _resume(self) -> None:
        """A tentative interruption that said nothing (or only a backchannel) ends: the agent
        goes on from the first frame the caller did not hear."""
        if self._voice.paused:
            self._voice.resume()

    def _on_turn_ended(self, event: TurnEnded, audio: bytes) -> None:
        self._openings.activity()
        audio, self._carry = self._carry + audio, b""
        heard = self._speculative or self._tasks.spawn(self._transcribe(audio))
        self._speculative = None
        stages = StageTimes(caller_stopped_s=event.stopped_at_s, end_of_turn_s=event.decided_at_s)
        over_agent = self._voice.busy
        task = self._tasks.spawn(self._caller_turn(heard, stages, over_agent=over_agent))
        self._pending[task] = audio

    async def _judge(self, pause: SpeechPaused, audio: bytes) -> None:
        """Asks the end-of-turn model whether the caller is done; "complete" ends the turn at
        once (unless they spoke again meanwhile), "incomplete" leaves it to the silence limit
        (``incomplete_max_wait_ms``) or to the caller resuming. A failing model leaves it too."""
        assert self._turn_model is not None
        try:
            probability = await self._turn_model.complete_probability(
                audio, sample_rate_hz=self._caller_rate_hz
            )
        except Exception:  # the silence limit still ends the turn
            _log.exception("end-of-turn model failed")
            return
        complete = probability >= COMPLETE_PROBABILITY
        ended = complete and self._hearing.end_now(pause.pause, self._clock.now())
        _log.debug(
            "end of turn judged",
            extra={"fields": {"probability": round(probability, 3), "ended": ended}},
        )

    def _on_digit(self, digit: str) -> None:
        text = f"[DTMF {digit}]"
        if not self._agent.tools.dtmf_enabled:
            self._turn_log.note(text)
            return
        self._openings.activity()
        self._tasks.spawn(self._answering.answer(text, StageTimes()))

    async def transcribe(self, audio: bytes) -> Heard:
        """The caller's words in ``audio`` (at the call's rate); a failure is in ``error``."""
        return await self._transcribe(audio)

    async def _transcribe(self, audio: bytes) -> Heard:
        pcm16 = to_stt_rate(audio, self._caller_rate_hz)
        self._usage.heard(pcm16, STT_RATE_HZ)
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
        # A caller who already speaks again may be going on with the same sentence (a pause the
        # end-of-turn model took for the end): once they have spoken long enough the turns
        # merge (_on_sustained cancels this task); a blip lets it answer.
        await self._caller_quiet.wait()
        me = current_task()
        self._pending.pop(me, None)
        cut, self._cut = self._cut, None
        stages.transcript_final_s = heard.at_s
        if heard.error is not None:
            await self._voice.claim()
            await self._answering.fail(heard.error, APOLOGY_REPEAT)
            return
        if not heard.text:
            self._resume()
            return
        if over_agent and self._voice.busy and self._is_backchannel(heard.text):
            _log.info("backchannel ignored", extra={"pii": {"text": heard.text}})
            self._resume()
            return
        if self.hold is not None:
            self.hold(heard.text)
            return
        text = self._unrecorded[me] = self._went_on(heard.text, self._voice.speaking or cut)
        await self._answering.answer(text, stages, recorded=lambda: self._unrecorded.pop(me, None))

    def _went_on(self, text: str, cut: AgentTurn | None) -> str:
        """``text`` after the words of the answer ``cut`` (being cut) if the caller heard none
        of it: they went on with the same request ("Can I speak to the front desk? ...
        Please"), answered once."""
        if cut is None or not cut.caller_text or cut.utterance.text(heard_only=True):
            return text
        self._turn_log.conversation.withdraw_caller(cut.caller_text)
        return f"{cut.caller_text} {text}"

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
        voice = self._voice
        if done or voice.busy:
            return await heard_task
        await voice.claim()
        filler = AgentTurn(voice.new_utterance())
        voice.speaking = filler
        self._fillers.say_first(filler.utterance)
        heard = await heard_task
        await self._turn_log.finish(filler, interrupted=False)
        return heard

    def _is_backchannel(self, text: str) -> bool:
        spoken = words(text)
        return bool(spoken) and all(word in self._backchannel for word in spoken)

    async def close(self, unfinished_audio: bytes) -> None:
        """Records the caller's words that a hang-up left unanswered (heard, being transcribed,
        or still being spoken: ``unfinished_audio``) as turns with no answer, transcribed within
        CLOSING_STT_TIMEOUT_S."""
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
        log = self._turn_log
        for text in said:
            unanswered = AgentTurn(
                self._voice.new_utterance(), index=log.next_index(), caller_text=text
            )
            log.conversation.caller_said(text, log.since_start_ms(self._clock.now()))
            await log.publish(unanswered, "", interrupted=False)
