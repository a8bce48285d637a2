"""Fakes of the call ports and the speech providers, driven by the (virtual) loop clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field

from switchboard_common.audio import TELEPHONY_MULAW, AudioFormat
from switchboard_common.contract import CallEnded, CallStarted, CallTurn
from switchboard_common.contract.tenant_config import HttpTool
from switchboard_voice_runtime.call.ports import CallControlError
from switchboard_voice_runtime.providers import ChatDelta, ChatMessage, ProviderError, ToolSpec
from switchboard_voice_runtime.providers.http_tools import ToolCallContext, ToolResult

FRAME_S = 0.02
TONE_FRAME = bytes(range(0x20, 0x20 + 160))
"""Stand-in agent audio (content is irrelevant to the carrier fake)."""


@dataclass(frozen=True, slots=True)
class Sent:
    at_s: float
    kind: str  # "audio" | "mark" | "clear"
    payload: bytes = b""
    name: str = ""


class FakeMediaSink:
    """A carrier that plays what it receives in real time and echoes each mark once the audio
    before it has played; ``clear`` drops unplayed audio and echoes pending marks at once."""

    def __init__(
        self,
        *,
        fail_after_frames: int | None = None,
        audio_format: AudioFormat = TELEPHONY_MULAW,
        clears_on_pause: bool = True,
    ) -> None:
        self.audio_format = audio_format
        self.clears_on_pause = clears_on_pause
        self.sent: list[Sent] = []
        self.on_mark: Callable[[str], None] = lambda name: None
        self._fail_after_frames = fail_after_frames
        self._play_until_s = 0.0
        self._echoes: dict[str, asyncio.TimerHandle] = {}
        self._playing: list[tuple[float, bytes]] = []
        """Each frame received with the time it starts playing; a clear drops those that had
        not started."""

    def attach(self, on_mark: Callable[[str], None]) -> None:
        self.on_mark = on_mark

    def _now(self) -> float:
        return asyncio.get_running_loop().time()

    async def send_audio(self, payload: bytes) -> None:
        if self._fail_after_frames is not None and len(self.frames()) >= self._fail_after_frames:
            raise ConnectionError("socket closed")
        now_s = self._now()
        self.sent.append(Sent(now_s, "audio", payload))
        played_s = self.audio_format.ms_for_bytes(len(payload)) / 1000
        starts_s = max(self._play_until_s, now_s)
        self._playing.append((starts_s, payload))
        self._play_until_s = starts_s + played_s

    async def send_mark(self, name: str) -> None:
        now_s = self._now()
        self.sent.append(Sent(now_s, "mark", name=name))
        loop = asyncio.get_running_loop()
        self._echoes[name] = loop.call_at(max(now_s, self._play_until_s), self._echo, name)

    async def send_clear(self) -> None:
        now_s = self._now()
        self.sent.append(Sent(now_s, "clear"))
        self._play_until_s = now_s
        self._playing = [(at_s, frame) for at_s, frame in self._playing if at_s < now_s]
        for name, handle in list(self._echoes.items()):
            handle.cancel()
            asyncio.get_running_loop().call_soon(self._echo, name)

    def _echo(self, name: str) -> None:
        self._echoes.pop(name, None)
        self.on_mark(name)

    def heard(self) -> list[bytes]:
        """The frames the caller heard (or is hearing), in order: those a clear dropped before
        they started playing are not."""
        return [frame for _, frame in self._playing]

    def frames(self) -> list[Sent]:
        return [item for item in self.sent if item.kind == "audio"]

    def kinds(self) -> list[str]:
        return [item.kind for item in self.sent]


@dataclass
class FakeCallControl:
    refuse_transfer: bool = False
    hang_ups: int = 0
    transfers: list[str] = field(default_factory=list)

    async def hang_up(self) -> None:
        self.hang_ups += 1

    async def transfer(self, number: str) -> None:
        if self.refuse_transfer:
            raise CallControlError("carrier refused the transfer")
        self.transfers.append(number)


@dataclass
class ListEventSink:
    events: list[CallStarted | CallTurn | CallEnded] = field(default_factory=list)

    async def publish(self, event: CallStarted | CallTurn | CallEnded) -> None:
        self.events.append(event)

    def turns(self) -> list[CallTurn]:
        return [e for e in self.events if isinstance(e, CallTurn)]

    def ended(self) -> CallEnded:
        return next(e for e in self.events if isinstance(e, CallEnded))


class FakeSpeechToText:
    """Answers with ``text_for(now_s)`` after ``delay_s``; raises while ``failing``. Keeps the
    length of the audio of every request in ``audio_s``, its model and prompt in ``asked``."""

    def __init__(self, text_for: Callable[[float], str], *, delay_s: float = 0.3) -> None:
        self.text_for = text_for
        self.delay_s = delay_s
        self.failing = False
        self.requests = 0
        self.completed = 0
        self.audio_s: list[float] = []
        self.asked: list[tuple[str | None, str]] = []
        """(model, prompt) of every request."""

    async def transcribe(
        self,
        pcm16: bytes,
        *,
        sample_rate_hz: int,
        language: str,
        model: str | None = None,
        prompt: str = "",
    ) -> str:
        self.requests += 1
        self.audio_s.append(len(pcm16) / 2 / sample_rate_hz)
        self.asked.append((model, prompt))
        await asyncio.sleep(self.delay_s)
        if self.failing:
            raise ProviderError("stt down", provider="stt", retryable=True)
        self.completed += 1
        return self.text_for(asyncio.get_running_loop().time())


class FakeTextToSpeech:
    """``ms_per_char`` of stand-in audio per character, first chunk after ``first_chunk_s``."""

    def __init__(
        self, *, first_chunk_s: float = 0.05, ms_per_char: float = 60.0, chunk_bytes: int = 1600
    ) -> None:
        self.first_chunk_s = first_chunk_s
        self.ms_per_char = ms_per_char
        self.chunk_bytes = chunk_bytes
        self.failing = False
        self.requests: list[str] = []

    def audio_bytes(self, text: str, audio_format: AudioFormat = TELEPHONY_MULAW) -> int:
        frame = audio_format.frame_bytes
        per_ms = audio_format.bytes_for_ms(1000) / 1000
        return max(frame, int(len(text) * self.ms_per_char * per_ms))

    async def stream(
        self, text: str, *, voice_id: str, speed: float, audio_format: AudioFormat = TELEPHONY_MULAW
    ) -> AsyncIterator[bytes]:
        self.requests.append(text)
        await asyncio.sleep(self.first_chunk_s)
        if self.failing:
            raise ProviderError("tts down", provider="tts", retryable=True)
        remaining = self.audio_bytes(text, audio_format)
        chunk_bytes = self.chunk_bytes * audio_format.frame_bytes // TELEPHONY_MULAW.frame_bytes
        while remaining > 0:
            size = min(chunk_bytes, remaining)
            yield (TONE_FRAME * (size // 160 + 1))[:size]
            remaining -= size
            await asyncio.sleep(0.01)


class FakeChatModel:
    """Streams scripted (delay_s, delta) pairs; raises ProviderError while ``failing``. With
    ``then``, each further request of the same model gets the next script (a tool round trip);
    the last one repeats."""

    def __init__(
        self,
        script: Sequence[tuple[float, ChatDelta]] = (),
        *,
        then: Sequence[Sequence[tuple[float, ChatDelta]]] = (),
    ) -> None:
        self.script = list(script)
        self.then = [list(follow_up) for follow_up in then]
        self.failing = False
        self.calls: list[list[ChatMessage]] = []
        self.tools: list[list[ToolSpec]] = []
        self.finished_at_s: float | None = None

    async def stream(
        self, messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]
    ) -> AsyncIterator[ChatDelta]:
        scripts = [self.script, *self.then]
        script = scripts[min(len(self.calls), len(scripts) - 1)]
        self.calls.append(list(messages))
        self.tools.append(list(tools))
        for delay_s, delta in script:
            await asyncio.sleep(delay_s)
            if self.failing:
                raise ProviderError("llm down", provider="llm", retryable=True)
            yield delta
        self.finished_at_s = asyncio.get_running_loop().time()


class FakeToolRunner:
    """Answers every HTTP tool call with ``results[tool name]`` (or ``"ok"``), after ``delay_s``;
    records (tool name, arguments, context) of each call."""

    def __init__(self, results: Mapping[str, str] | None = None, *, delay_s: float = 0.05) -> None:
        self.results = dict(results or {})
        self.delay_s = delay_s
        self.calls: list[tuple[str, dict[str, object], ToolCallContext]] = []

    async def call(
        self, tool: HttpTool, arguments: Mapping[str, object], context: ToolCallContext
    ) -> ToolResult:
        self.calls.append((tool.name, dict(arguments), context))
        await asyncio.sleep(self.delay_s)
        text = self.results.get(tool.name, "ok")
        ok = not text.startswith("error:")
        return ToolResult(text, ok=ok, status_code=200 if ok else 500)
