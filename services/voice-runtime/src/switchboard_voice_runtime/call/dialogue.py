"""The dialogue: caller turns in, agent turns out. Assembles its parts (the voice, answering,
openings and reprompts, the caller's turns); the session owns it and runs it in its TaskGroup."""

from __future__ import annotations

import asyncio

from switchboard_voice_runtime.call.answering import Answering
from switchboard_voice_runtime.call.caller_turns import CallerTurns
from switchboard_voice_runtime.call.ending import CallEnding
from switchboard_voice_runtime.call.fillers import Fillers
from switchboard_voice_runtime.call.hearing import Hearing
from switchboard_voice_runtime.call.openings import Openings
from switchboard_voice_runtime.call.playout import Playout
from switchboard_voice_runtime.call.ports import CallContext, CallControl, Clock
from switchboard_voice_runtime.call.speaker import Speaker
from switchboard_voice_runtime.call.tasks import CallTasks
from switchboard_voice_runtime.call.turn_control import TurnControl
from switchboard_voice_runtime.call.turn_log import TurnLog
from switchboard_voice_runtime.call.usage import UsageTally
from switchboard_voice_runtime.call.voice import Voice
from switchboard_voice_runtime.providers import SpeechServices

__all__ = ["Dialogue"]


class Dialogue:
    """Who speaks: at most one agent turn holds the voice; the caller may take it back."""

    def __init__(
        self,
        context: CallContext,
        *,
        services: SpeechServices,
        control: CallControl,
        playout: Playout,
        log: TurnLog,
        ending: CallEnding,
        hearing: Hearing,
        clock: Clock,
        filler_after_s: float = 1.5,
    ) -> None:
        tasks = CallTasks()
        self.usage = UsageTally()
        """What the call consumed (STT audio in the caller's turns, TTS in the speaker, LLM in the
        brain)."""
        speaker = Speaker(
            services, context.agent, playout, clock, usage=self.usage, observer=context.observer
        )
        fillers = Fillers(speaker, playout, clock, after_s=filler_after_s)
        voice = Voice(speaker, playout, log, ending)
        answering = Answering(
            context,
            services=services,
            control=control,
            voice=voice,
            fillers=fillers,
            log=log,
            ending=ending,
            clock=clock,
            tasks=tasks,
            usage=self.usage,
        )
        openings = Openings(
            context,
            services=services,
            voice=voice,
            answering=answering,
            ending=ending,
            clock=clock,
            tasks=tasks,
        )
        self._tasks = tasks
        self._hearing = hearing
        self._voice = voice
        self._turn_log = log
        self._answering = answering
        self._openings = openings
        self._caller = CallerTurns(
            context,
            services=services,
            voice=voice,
            fillers=fillers,
            answering=answering,
            openings=openings,
            hearing=hearing,
            log=log,
            clock=clock,
            tasks=tasks,
            usage=self.usage,
        )
        self.control = TurnControl(
            hearing=hearing,
            caller=self._caller,
            answering=answering,
            voice=voice,
            openings=openings,
            log=log,
            clock=clock,
            tasks=tasks,
            observer=context.observer,
        )
        """Turns steered by the client (realtime sessions)."""

    @property
    def turns(self) -> int:
        return self._turn_log.turns

    @property
    def transferred_to(self) -> str | None:
        return self._answering.transferred_to

    def start(self, group: asyncio.TaskGroup) -> None:
        self._tasks.start(group)
        group.create_task(self._caller.listen(self._hearing.inbox))
        group.create_task(self._openings.open())
        group.create_task(self._openings.prewarm())

    def check_idle(self, now_s: float, *, caller_speaking: bool) -> None:
        """Reprompts after ``idle_reprompt_s`` of mutual silence, ends after ``idle_hangup_s``."""
        self._openings.check_idle(
            now_s, caller_speaking=caller_speaking, caller_pending=self._caller.pending
        )

    async def close(self, unfinished_audio: bytes) -> None:
        """Once the call's tasks have stopped (a hang-up cancels them mid-turn): records the
        turn the hang-up cut short, so it is in the transcript and the events. The agent turn
        in progress keeps what the caller heard of it; caller words not yet answered become a
        turn with no answer (``CallerTurns.close``)."""
        turn = self._voice.speaking
        if turn is not None:
            cut = any(not segment.heard for segment in turn.utterance.segments)
            await self._turn_log.finish(turn, interrupted=cut)
        await self.control.close()
        await self._caller.close(unfinished_audio)
