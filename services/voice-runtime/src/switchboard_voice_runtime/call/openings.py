"""The agent's own initiative: the opening (greeting or after-hours message), idle reprompts and
hang-ups, and the phrase cache's pre-warm."""

from __future__ import annotations

import logging

from switchboard_voice_runtime.call.answering import Answering
from switchboard_voice_runtime.call.ending import CallEnding
from switchboard_voice_runtime.call.hours import is_open
from switchboard_voice_runtime.call.ports import CallContext, Clock
from switchboard_voice_runtime.call.tasks import CallTasks
from switchboard_voice_runtime.call.voice import Voice
from switchboard_voice_runtime.providers import SpeechServices

_log = logging.getLogger(__name__)


class Openings:
    """Greets (or says the business is closed), and watches mutual silence."""

    def __init__(
        self,
        context: CallContext,
        *,
        services: SpeechServices,
        voice: Voice,
        answering: Answering,
        ending: CallEnding,
        clock: Clock,
        tasks: CallTasks,
    ) -> None:
        self._agent = context.agent
        self._services = services
        self._voice = voice
        self._answering = answering
        self._ending = ending
        self._clock = clock
        self._tasks = tasks
        self._idle_since_s = clock.now()
        self._reprompted = False

    def activity(self) -> None:
        """The caller did something: the idle count starts again."""
        self._idle_since_s = self._clock.now()
        self._reprompted = False

    def check_idle(self, now_s: float, *, caller_speaking: bool, caller_pending: bool) -> None:
        """Reprompts after ``idle_reprompt_s`` of mutual silence, ends after ``idle_hangup_s``
        (never in the middle of the reprompt: the caller hears it whole)."""
        voice = self._voice
        talking = voice.busy and (voice.speaking is None or voice.speaking.counts_as_activity)
        if caller_speaking or caller_pending or talking:
            self._idle_since_s = now_s
            return
        idle_s = now_s - self._idle_since_s
        rules = self._agent.turn_taking
        if idle_s >= rules.idle_hangup_s and not voice.busy:
            self._ending.end("idle_timeout")
        elif idle_s >= rules.idle_reprompt_s and not self._reprompted and not voice.busy:
            self._reprompted = True
            self._tasks.spawn(voice.say(rules.idle_reprompt_message, counts_as_activity=False))

    async def open(self) -> None:
        hours = self._agent.business_hours
        if hours is None or is_open(hours, self._clock.wall()):
            await self._voice.say(self._agent.greeting)
            return
        self._answering.after_hours = True
        await self._voice.say(hours.after_hours_message)
        if not hours.take_message:
            self._ending.end("agent_hangup")

    async def prewarm(self) -> None:
        try:
            await self._services.prewarm(self._agent)
        except Exception:  # best effort: a broken cache must not end the call
            _log.exception("prewarm failed")
