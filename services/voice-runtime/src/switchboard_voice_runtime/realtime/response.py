"""One agent response in progress on a realtime session: its conversation item, the spoken
segments its audio is counted against (what a truncate keeps), and the server events that
stream it to the client.

Pure state, no I/O; ``RealtimeChannel`` holds at most one and drops it when the response ends.
Sentences are announced ahead of their audio, so audio counts toward the segment being sent
(``sending``), which moves on only when that segment's audio is complete.
"""

from __future__ import annotations

from dataclasses import dataclass

from switchboard_voice_runtime.realtime import server_events as ev
from switchboard_voice_runtime.realtime.conversation_items import ConversationItem
from switchboard_voice_runtime.realtime.transcript_history import SpokenSegment


@dataclass(slots=True)
class ActiveResponse:
    response_id: str
    item: ConversationItem
    sending: int = 0
    """The segment whose audio is being sent (sentences are announced ahead of their audio)."""

    @property
    def part(self) -> ev.OutputPart:
        return ev.OutputPart(response_id=self.response_id, item_id=self.item.item_id)

    def started(self, previous: str | None, output_modalities: tuple[str, ...]) -> list[ev.Event]:
        """The response and its one item open (``previous``: the item before it)."""
        body = ev.response(self.response_id, "in_progress", output_modalities=output_modalities)
        return [
            ev.response_created(body),
            ev.output_item_added(self.response_id, 0, self.item.wire()),
            ev.item_added(self.item.wire(), previous),
            self.part.content_part_added(),
        ]

    def sentence(self, text: str) -> list[ev.Event]:
        """The agent starts saying ``text`` (its audio follows through ``audio``)."""
        delta = f" {text}" if self.item.text else text
        self.item.text += delta
        self.item.segments.append(SpokenSegment(text, 0.0))
        return [self.part.transcript_delta(delta)]

    def transcript(self, text: str, audio_ms: float) -> list[ev.Event]:
        """The words of the whole response at once, spread over the ``audio_ms`` of audio they
        were spoken in, for truncation."""
        item = self.item
        delta = f" {text}" if item.text and text else text
        item.text = (item.text + delta).strip()
        item.segments = [SpokenSegment(item.text, audio_ms)]
        return [self.part.transcript_delta(delta)] if delta else []

    def keep(self, text: str, audio_ms: float) -> None:
        """Only ``text`` stays (a cancel: what the call says was sent of it), spread over
        ``audio_ms`` for a later truncate."""
        self.item.text = text
        self.item.segments = [SpokenSegment(text, audio_ms)]

    def audio(self, audio: bytes, audio_ms: float) -> list[ev.Event]:
        """``audio`` (``audio_ms`` long, in the session's output format) goes out and counts
        toward the segment being sent."""
        segments = self.item.segments
        if not segments:
            segments.append(SpokenSegment("", 0.0))
        index = min(self.sending, len(segments) - 1)
        segment = segments[index]
        segments[index] = SpokenSegment(segment.text, segment.audio_ms + audio_ms)
        return [self.part.audio_delta(audio)]

    def segment_sent(self) -> None:
        """The audio of the segment being sent is complete: what follows is the next one's."""
        self.sending += 1

    def finished(
        self,
        status: ev.ResponseStatus,
        *,
        reason: str | None,
        usage: ev.ResponseUsage | None,
        output_modalities: tuple[str, ...],
    ) -> list[ev.Event]:
        """The events that close the response; its item is completed or left incomplete."""
        part, item = self.part, self.item
        item.status = "completed" if status == "completed" else "incomplete"
        body = ev.response(
            self.response_id,
            status,
            output=[item.wire()],
            output_modalities=output_modalities,
            usage=usage or ev.ResponseUsage(),
            reason=reason,
        )
        return [
            part.audio_done(),
            part.transcript_done(item.text),
            part.content_part_done(item.text),
            ev.output_item_done(self.response_id, 0, item.wire()),
            ev.item_done(item.wire(), None),
            ev.response_done(body),
        ]
