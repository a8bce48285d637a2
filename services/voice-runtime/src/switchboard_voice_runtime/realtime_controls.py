"""The realtime client's commands carried out on the call's ``TurnControl`` (manual commits,
clear, answers on demand, cancel, settings, history), and what they change in the events the
session later sends (a cancelled response's reason, transcripts already told)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from switchboard_voice_runtime.call.turn_control import TurnControl
from switchboard_voice_runtime.realtime import commands as cmd
from switchboard_voice_runtime.realtime import server_events as ev
from switchboard_voice_runtime.realtime.channel import RealtimeChannel
from switchboard_voice_runtime.realtime.media import RealtimeMedia

Send = Callable[[list[ev.Event]], Awaitable[None]]


class ClientControls:
    """One session's client commands; ``control`` None: the call offers no ``TurnControl``
    (such commands get ``not_supported``)."""

    def __init__(self, channel: RealtimeChannel, media: RealtimeMedia, send: Send) -> None:
        self._channel = channel
        self._media = media
        self._send = send
        self._stop_reason: str | None = None
        self._told_early: list[str] = []
        self._history_stale = False

    async def act(self, control: TurnControl | None, command: cmd.Command) -> None:
        """Carries out any command but ``HearAudio`` (the runner feeds audio itself)."""
        channel = self._channel
        if control is None:
            if not isinstance(command, cmd.HearAudio | cmd.ApplySettings | cmd.RewriteHistory):
                await self._send(channel.refuse(command))
            return
        match command:
            case cmd.EndCallerTurn():
                if not control.commit():  # server detection, and the caller was not speaking
                    await self._send(channel.caller_transcript("", 0.0))
            case cmd.DropCallerAudio():
                control.clear()
            case cmd.Respond(instructions=instructions):
                self.refresh_history(control, force=True)
                control.respond(instructions)
            case cmd.StopResponse():
                self._media.client_stops()  # before the clear the cancel causes
                if control.cancel():
                    self._stop_reason = "client_cancelled"
                else:
                    self._media.client_stops(False)
            case cmd.ApplySettings(settings=settings):
                detection = settings.turn_detection
                control.set_manual(detection is None)
                control.set_auto_answer(detection is None or detection.create_response)
                control.instruct(settings.instructions if channel.allow_instructions else "")
            case cmd.RewriteHistory():
                self._history_stale = True
                self.refresh_history(control)
            case cmd.HearAudio():
                pass

    def refresh_history(self, control: TurnControl, *, force: bool = False) -> None:
        """Gives the brain the client's items as its history once they are settled (no turn
        half-told: the call may know words the client has not been sent yet)."""
        channel = self._channel
        settled = not channel.responding_now and not channel.awaiting_transcript
        if self._history_stale and (settled or force):
            self._history_stale = False
            control.rewrite_history(channel.items.history())

    def caller_transcribed(self, text: str) -> list[ev.Event]:
        """A commit's words, told now (the turn's event later carries them again)."""
        if text:
            self._told_early.append(text)
        return self._channel.caller_transcript(text, 0.0)

    def untold(self, caller_text: str) -> str:
        """The words of a finished turn the client has not been told yet."""
        told, self._told_early = " ".join(self._told_early), []
        return "" if told and caller_text == told else caller_text

    def stop_reason(self) -> str | None:
        """Why the response now ending was cancelled by the client (once), if it was."""
        reason, self._stop_reason = self._stop_reason, None
        return reason
