"""Turn-taking: voiced/unvoiced 20 ms frames in, caller speech events out (pure, no I/O)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from switchboard_common.contract.tenant_config import TurnTakingConfig

FRAME_S = 0.02


@dataclass(frozen=True, slots=True)
class SpeechStarted:
    at_s: float


@dataclass(frozen=True, slots=True)
class SpeechSustained:
    """The caller has spoken for ``barge_in_min_speech_ms``: enough to interrupt the agent."""

    at_s: float


@dataclass(frozen=True, slots=True)
class SpeechPaused:
    """A first pause: time to transcribe speculatively (and to ask the end-of-turn model).
    ``pause`` numbers the pauses of the call, so a late verdict finds whether it still holds."""

    stopped_at_s: float
    pause: int = 0


@dataclass(frozen=True, slots=True)
class SpeechResumed:
    at_s: float


@dataclass(frozen=True, slots=True)
class TurnEnded:
    """Silence lasted ``end_of_turn_silence_ms`` (or the end-of-turn model said the turn was
    complete); ``stopped_at_s`` is the end of the last voiced frame, ``decided_at_s`` when the
    rule fired."""

    stopped_at_s: float
    decided_at_s: float
    speech_ms: float


TurnEvent = SpeechStarted | SpeechSustained | SpeechPaused | SpeechResumed | TurnEnded


MAX_MEDIA_LAG_S = 1.0
"""How far caller audio time may fall behind the wall clock before a gap in the stream counts as
time passing: a jitter allowance, not a delay (nothing waits for it)."""


class MediaClock:
    """Caller time measured in audio, not in arrivals: each 20 ms frame moves it 20 ms.

    A stalled network (or event loop) delivers frames late and then in a burst; timed by arrival,
    the pause that happens to span the stall would read as a long silence and end the caller's
    turn mid-sentence. Timed by audio, the turn detector sees exactly what the caller said. The
    clock starts at the first frame's arrival and falls behind the wall clock by at most
    ``max_lag_s``: a longer gap in the stream does count as time, so a stream that stops and
    resumes much later is not read as one continuous utterance.
    """

    def __init__(self, *, max_lag_s: float = MAX_MEDIA_LAG_S) -> None:
        self._max_lag_s = max_lag_s
        self._at_s: float | None = None

    def advance(self, now_s: float) -> float:
        """The end of the frame that arrived at ``now_s``, in audio time."""
        if self._at_s is None:
            self._at_s = now_s
        else:
            self._at_s = max(self._at_s + FRAME_S, now_s - self._max_lag_s)
        return self._at_s


def shifted(event: TurnEvent, offset_s: float) -> TurnEvent:
    """The event with its instants moved by ``offset_s`` (audio time to wall time)."""
    match event:
        case SpeechStarted(at_s):
            return SpeechStarted(at_s + offset_s)
        case SpeechSustained(at_s):
            return SpeechSustained(at_s + offset_s)
        case SpeechResumed(at_s):
            return SpeechResumed(at_s + offset_s)
        case SpeechPaused(stopped_at_s, pause):
            return SpeechPaused(stopped_at_s + offset_s, pause)
        case TurnEnded(stopped_at_s, decided_at_s, speech_ms):
            return TurnEnded(stopped_at_s + offset_s, decided_at_s + offset_s, speech_ms)


class TurnDetector:
    """Hysteresis over the VAD: speech starts after ``onset_frames`` voiced frames in a row,
    resumes after a pause only after ``resume_frames`` in a row, and the turn ends after
    ``end_of_turn_silence_ms`` without confirmed speech.

    With an end-of-turn model (``model=True``) the first pause comes after
    ``end_of_turn_pause_ms``, when the model is asked; ``end_now`` ends the turn on its
    "complete", and silence alone ends it only after ``incomplete_max_wait_ms``."""

    def __init__(
        self,
        config: TurnTakingConfig,
        *,
        model: bool = False,
        speculative_silence_ms: float = 180.0,
        onset_frames: int = 3,
        resume_frames: int = 2,
    ) -> None:
        end_ms = config.incomplete_max_wait_ms if model else config.end_of_turn_silence_ms
        pause_ms = config.end_of_turn_pause_ms if model else speculative_silence_ms
        self._end_silence_s = end_ms / 1000
        self._pause_s = min(pause_ms, end_ms) / 1000
        self._pauses = 0
        self._sustain_s = config.barge_in_min_speech_ms / 1000
        self._onset_frames = onset_frames
        self._resume_frames = resume_frames
        self._voiced_run = 0
        self._speaking = False
        self._paused = False
        self._sustained = False
        self._started_at_s = 0.0
        self._last_voiced_at_s = 0.0

    @property
    def in_speech(self) -> bool:
        return self._speaking

    def on_frame(self, voiced: bool, at_s: float) -> TurnEvent | None:
        """Feeds one frame that ended at ``at_s``; returns the event it causes, if any."""
        self._voiced_run = self._voiced_run + 1 if voiced else 0
        if not self._speaking:
            if self._voiced_run < self._onset_frames:
                return None
            self._speaking, self._paused, self._sustained = True, False, False
            self._started_at_s = at_s - self._onset_frames * FRAME_S
            self._last_voiced_at_s = at_s
            return SpeechStarted(self._started_at_s)
        if voiced and (not self._paused or self._voiced_run >= self._resume_frames):
            self._last_voiced_at_s = at_s
            if self._paused:
                self._paused = False
                return SpeechResumed(at_s)
            if not self._sustained and at_s - self._started_at_s >= self._sustain_s:
                self._sustained = True
                return SpeechSustained(at_s)
            return None
        silence_s = at_s - self._last_voiced_at_s
        if silence_s >= self._end_silence_s - 1e-9:
            self._speaking = False
            speech_ms = (self._last_voiced_at_s - self._started_at_s) * 1000
            return TurnEnded(self._last_voiced_at_s, at_s, speech_ms)
        if not self._paused and silence_s >= self._pause_s - 1e-9:
            self._paused = True
            self._pauses += 1
            return SpeechPaused(self._last_voiced_at_s, self._pauses)
        return None

    def reset(self) -> None:
        """Forgets the turn in progress (the client dropped its audio)."""
        self._speaking = self._paused = self._sustained = False
        self._voiced_run = 0

    def end_now(self, pause: int, at_s: float) -> TurnEnded | None:
        """Ends the turn at ``at_s`` (audio time) if the caller is still silent in pause number
        ``pause``; None when they spoke again since (or the turn already ended)."""
        if not (self._speaking and self._paused and self._pauses == pause):
            return None
        self._speaking = False
        speech_ms = (self._last_voiced_at_s - self._started_at_s) * 1000
        return TurnEnded(self._last_voiced_at_s, max(at_s, self._last_voiced_at_s), speech_ms)


class UtteranceAudio:
    """The caller's 8 kHz PCM16 audio of the current turn, with a short pre-roll before onset
    (the VAD confirms speech a few frames late). Bounded to ``max_s``."""

    def __init__(self, *, pre_roll_frames: int = 10, max_s: float = 30.0) -> None:
        self._pre_roll: deque[bytes] = deque(maxlen=pre_roll_frames)
        self._frames: list[bytes] = []
        self._max_frames = int(max_s / FRAME_S)
        self._collecting = False

    def add(self, frame: bytes) -> None:
        if not self._collecting:
            self._pre_roll.append(frame)
        elif len(self._frames) < self._max_frames:
            self._frames.append(frame)

    def start(self) -> None:
        """Speech began: the pre-roll becomes the utterance's head."""
        self._frames = list(self._pre_roll)
        self._pre_roll.clear()
        self._collecting = True

    @property
    def collecting(self) -> bool:
        """Speech started and the turn has not ended yet."""
        return self._collecting

    def snapshot(self) -> bytes:
        return b"".join(self._frames)

    def finish(self) -> bytes:
        """The whole utterance; collecting stops until the next start()."""
        audio = self.snapshot()
        self._frames = []
        self._collecting = False
        return audio
