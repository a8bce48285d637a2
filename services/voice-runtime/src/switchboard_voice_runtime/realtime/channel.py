"""The wire side of one realtime session: client events in, server events and commands out.

Pure state, no I/O, one instance per session (not thread-safe; the session's one task drives
it). ``client_message`` parses a client event and answers it (server events to send, commands
for the call side); the call side reports what happens (speech, transcripts, the agent's
sentences and audio, a response's end) through the other methods, which return the server
events that tell the client. A bad event yields an ``error`` event and the session goes on.
Error codes beyond the parser's are OpenAI's own: ``conversation_already_has_active_response``,
``response_cancel_not_active``, ``input_audio_buffer_commit_empty``, and the items' codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from switchboard_voice_runtime.realtime import commands as cmd
from switchboard_voice_runtime.realtime import protocol as wire
from switchboard_voice_runtime.realtime import server_events as ev
from switchboard_voice_runtime.realtime.conversation_items import (
    ConversationItem,
    ConversationItems,
    ItemError,
)
from switchboard_voice_runtime.realtime.ids import new_id
from switchboard_voice_runtime.realtime.response import ActiveResponse
from switchboard_voice_runtime.realtime.session_config import RealtimeSessionSettings

MIN_COMMIT_MS = 100.0
"""The least audio a commit takes (OpenAI's rule: less is ``input_audio_buffer_commit_empty``)."""


@dataclass(slots=True)
class Step:
    events: list[ev.Event] = field(default_factory=list)
    commands: list[cmd.Command] = field(default_factory=list)


class RealtimeChannel:
    """``allow_instructions``: the agent lets a client's ``instructions`` into its prompt;
    otherwise they get an ``error`` (``instructions_not_allowed``) and the rest of the event
    still applies."""

    def __init__(
        self, settings: RealtimeSessionSettings, *, allow_instructions: bool = False
    ) -> None:
        self.settings = settings
        self.allow_instructions = allow_instructions
        self.items = ConversationItems()
        self._buffered_ms = 0.0
        self._speaking: ConversationItem | None = None
        self._untranscribed: list[ConversationItem] = []
        self._requested: str | None = None
        self._response: ActiveResponse | None = None

    @property
    def responding_now(self) -> bool:
        """A response is streaming (started, not finished)."""
        return self._response is not None

    @property
    def caller_speaking(self) -> bool:
        """``speech_started`` was sent for a caller turn not yet stopped."""
        return self._speaking is not None

    @property
    def agent_text(self) -> str:
        """The words of the response in progress so far ("" when none)."""
        return self._response.item.text if self._response else ""

    @property
    def awaiting_transcript(self) -> bool:
        """A committed caller turn's words have not come yet."""
        return bool(self._untranscribed)

    @property
    def responding(self) -> bool:
        return self._response is not None or self._requested is not None

    def opened(self) -> list[ev.Event]:
        return [ev.session_created(self.settings.to_wire())]

    def client_message(self, message: str | bytes) -> Step:
        try:
            event = wire.parse_client_event(message)
        except wire.ClientEventError as problem:
            return Step([ev.client_error(problem)])
        try:
            return self._handle(event)
        except ItemError as problem:
            error = ev.error(
                problem.code, problem.message, param=problem.param, event_id=event.event_id
            )
            return Step([error])

    def _handle(self, event: wire.ClientEvent) -> Step:
        match event:
            case wire.SessionUpdate(session=session):
                refused = self._refused_instructions(
                    session.instructions, "session.instructions", event.event_id
                )
                if refused:
                    session = session.model_copy(update={"instructions": None})
                self.settings = self.settings.updated(session)
                return Step(
                    [*refused, ev.session_updated(self.settings.to_wire())],
                    [cmd.ApplySettings(self.settings)],
                )
            case wire.InputAudioBufferAppend(audio=audio):
                self._buffered_ms += self.settings.input_audio.ms_for_bytes(len(audio))
                return Step(commands=[cmd.HearAudio(audio, self.settings.input_audio)])
            case wire.InputAudioBufferCommit():
                return self._commit(event.event_id)
            case wire.InputAudioBufferClear():
                self._buffered_ms = 0.0
                return Step([ev.input_cleared()], [cmd.DropCallerAudio()])
            case wire.ConversationItemCreate(item=item, previous_item_id=previous_id):
                created = self.items.from_client(item)
                previous = self.items.append(created, previous_id)
                added = [
                    ev.item_added(created.wire(), previous),
                    ev.item_done(created.wire(), previous),
                ]
                return Step(added, [self._history()])
            case wire.ConversationItemRetrieve(item_id=item_id):
                return Step([ev.item_retrieved(self.items.get(item_id).wire())])
            case wire.ConversationItemTruncate(item_id=i, content_index=c, audio_end_ms=end_ms):
                self.items.truncate(i, c, end_ms)
                return Step([ev.item_truncated(i, c, end_ms)], [self._history()])
            case wire.ConversationItemDelete(item_id=item_id):
                self.items.delete(item_id)
                return Step([ev.item_deleted(item_id)], [self._history()])
            case wire.ResponseCreate(response=params):
                instructions = params.instructions if params else None
                refused = self._refused_instructions(
                    instructions, "response.instructions", event.event_id
                )
                step = self._respond(event.event_id, None if refused else instructions)
                return Step(refused + step.events, step.commands)
            case wire.ResponseCancel(response_id=response_id):
                return self._cancel(event.event_id, response_id)
            case wire.OutputAudioBufferClear():
                cleared = [ev.output_cleared(self._response.response_id)] if self._response else []
                return Step(cleared, [cmd.StopResponse("output_cleared")])

    def _refused_instructions(
        self, instructions: str | None, param: str, event_id: str | None
    ) -> list[ev.Event]:
        if instructions is None or self.allow_instructions:
            return []
        message = "This agent does not accept instructions from the client; they were ignored."
        return [ev.error("instructions_not_allowed", message, param=param, event_id=event_id)]

    def _history(self) -> cmd.RewriteHistory:
        return cmd.RewriteHistory(tuple(self.items.history()))

    def _commit(self, event_id: str | None) -> Step:
        if self._buffered_ms < MIN_COMMIT_MS:
            message = f"The input audio buffer holds less than {MIN_COMMIT_MS:.0f} ms of audio."
            return Step([ev.error("input_audio_buffer_commit_empty", message, event_id=event_id)])
        item = self._speaking or self.items.caller_audio()
        self._speaking = None
        events = self._committed(item)
        return Step(events, [cmd.EndCallerTurn(item.item_id)])

    def _committed(self, item: ConversationItem) -> list[ev.Event]:
        self._buffered_ms = 0.0
        previous = self.items.append(item)
        self._untranscribed.append(item)
        return [ev.input_committed(item.item_id, previous), ev.item_added(item.wire(), previous)]

    def _respond(self, event_id: str | None, instructions: str | None) -> Step:
        if self.responding:
            message = "The conversation already has an active response."
            code = "conversation_already_has_active_response"
            return Step([ev.error(code, message, event_id=event_id)])
        self._requested = new_id("resp")
        return Step(commands=[cmd.Respond(self._requested, instructions)])

    def _cancel(self, event_id: str | None, response_id: str | None) -> Step:
        active = self._response.response_id if self._response else self._requested
        if active is None or (response_id is not None and response_id != active):
            message = "There is no active response to cancel."
            return Step([ev.error("response_cancel_not_active", message, event_id=event_id)])
        return Step(commands=[cmd.StopResponse("client_cancelled")])

    def refuse(self, command: cmd.Command) -> list[ev.Event]:
        """The call side cannot carry ``command`` out: an ``error`` (code ``not_supported``),
        and a refused ``Respond`` is no longer pending."""
        if isinstance(command, cmd.Respond) and self._requested == command.response_id:
            self._requested = None
        message = f"{type(command).__name__} is not supported on this runtime yet."
        return [ev.error("not_supported", message)]

    # The call side reports; each method returns the events that tell the client.

    def speech_started(self, audio_start_ms: int) -> list[ev.Event]:
        self._speaking = self._speaking or self.items.caller_audio()
        return [ev.speech_started(self._speaking.item_id, audio_start_ms)]

    def speech_stopped(self, audio_end_ms: int) -> list[ev.Event]:
        """Server VAD ended the caller's turn: the turn is committed as an item."""
        item = self._speaking or self.items.caller_audio()
        self._speaking = None
        return [ev.speech_stopped(item.item_id, audio_end_ms), *self._committed(item)]

    def caller_transcript(self, text: str, audio_s: float) -> list[ev.Event]:
        """The words of the oldest committed caller turn not yet transcribed."""
        events: list[ev.Event] = []
        if not self._untranscribed:
            events += self._committed(self.items.caller_audio())
        item = self._untranscribed.pop(0)
        item.text, item.status = text, "completed"
        events.append(ev.input_transcription_completed(item.item_id, text, audio_s))
        events.append(ev.item_done(item.wire(), None))
        return events

    def response_started(self) -> list[ev.Event]:
        response_id = self._requested or new_id("resp")
        self._requested = None
        item = self.items.agent_audio()
        previous = self.items.append(item)
        self._response = ActiveResponse(response_id, item)
        return self._response.started(previous, self._modalities())

    def agent_sentence(self, text: str) -> list[ev.Event]:
        """The agent starts saying ``text`` (its audio follows through ``agent_audio``)."""
        return self._active().sentence(text)

    def agent_transcript(self, text: str, audio_ms: float) -> list[ev.Event]:
        """The words of the whole response at once (the session tells them when the turn
        ends), spread over the ``audio_ms`` of audio they were spoken in, for truncation."""
        return self._active().transcript(text, audio_ms)

    def agent_kept(self, text: str, audio_ms: float) -> None:
        """The response in progress keeps only ``text`` (a cancel: what the call says was
        sent of it), spread over ``audio_ms`` for a later truncate."""
        self._active().keep(text, audio_ms)

    def agent_audio(self, audio: bytes) -> list[ev.Event]:
        """Agent audio in the session's output format, sent as it comes."""
        response = self._active()
        return response.audio(audio, self.settings.output_audio.ms_for_bytes(len(audio)))

    def segment_sent(self) -> None:
        """The audio of the segment being sent is complete (its mark went out): what follows
        belongs to the next sentence."""
        if self._response is not None:
            self._response.segment_sent()

    def response_finished(
        self,
        status: ev.ResponseStatus = "completed",
        *,
        reason: str | None = None,
        usage: ev.ResponseUsage | None = None,
    ) -> list[ev.Event]:
        """The response ended: completed, or cancelled (``turn_detected``, ``client_cancelled``)."""
        response, self._response = self._response, None
        if response is None:
            self._requested = None
            return []
        return response.finished(
            status, reason=reason, usage=usage, output_modalities=self._modalities()
        )

    def _active(self) -> ActiveResponse:
        if self._response is None:
            raise RuntimeError("no response is in progress")
        return self._response

    def _modalities(self) -> tuple[str, ...]:
        return tuple(self.settings.output_modalities)
