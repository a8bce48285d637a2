"""Fillers: short phrases that bridge a late answer, so the caller never waits in silence."""

from __future__ import annotations

import itertools

from switchboard_voice_runtime.call.phrases import FILLERS
from switchboard_voice_runtime.call.playout import Playout
from switchboard_voice_runtime.call.ports import Clock
from switchboard_voice_runtime.call.segment import Segment
from switchboard_voice_runtime.call.speaker import Speaker, Utterance


class Fillers:
    """Each time the caller has heard nothing for ``after_s`` (since they stopped speaking, or
    since the last agent audio ended) while their answer is not ready, the next filler phrase
    ("One moment.", ...) is queued; ``after_s`` 0 turns fillers off.

    Fillers come from the cache or the pre-rendered recordings, never from a TTS request, so a
    slow TTS cannot delay them too. A filler queued behind audio that has not started (a TTS
    stream that is late) waits there; no second one is queued behind it.
    """

    def __init__(self, speaker: Speaker, playout: Playout, clock: Clock, *, after_s: float):
        self._speaker = speaker
        self._playout = playout
        self._clock = clock
        self.after_s = after_s

    @property
    def enabled(self) -> bool:
        return self.after_s > 0

    def due_in_s(self, quiet_since_s: float) -> float:
        """Seconds until a filler is due, with the caller hearing nothing since
        ``quiet_since_s`` (later audio pushes it back)."""
        quiet_since_s = max(quiet_since_s, self._playout.audible_until_s)
        return quiet_since_s + self.after_s - self._clock.now()

    def say_first(self, utterance: Utterance) -> Segment | None:
        return self._speaker.say_filler(utterance, FILLERS[0])

    async def bridge(self, utterance: Utterance, *, quiet_since_s: float) -> None:
        """Runs until cancelled (once the answer is ready), queuing fillers into
        ``utterance`` as they fall due."""
        if not self.enabled:
            return
        phrases = itertools.cycle(FILLERS)
        last: Segment | None = None
        while True:
            wait_s = self.due_in_s(quiet_since_s)
            if last is not None and last.first_frame_at_s is None and not last.dropped:
                wait_s = self.after_s
            if wait_s > 0:
                await self._clock.sleep(wait_s)
                continue
            last = self._speaker.say_filler(utterance, next(phrases))
            quiet_since_s = self._clock.now()
