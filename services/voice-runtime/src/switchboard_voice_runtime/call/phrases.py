"""The fixed phrases an agent says outside the conversation, pre-synthesized at call setup."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from switchboard_common.audio import TELEPHONY_MULAW, AudioFormat, transcode
from switchboard_common.contract.tenant_config import AgentConfig

APOLOGY_REPEAT = "Sorry, I didn't catch that. Could you say it again?"
APOLOGY_TROUBLE = "Sorry, I'm having trouble right now."
GOODBYE = "Thank you for calling. Goodbye!"
FAILURE_GOODBYE = "I'm sorry, I'm having technical difficulties. Please call again later. Goodbye."
TAKE_MESSAGE_THANKS = "Thank you, I've taken your message. Goodbye!"
TRANSFERRING = "Please hold while I transfer your call."
TRANSFER_REFUSED = "I'm sorry, I can't transfer you to that number."
TRANSFER_FAILED = "I'm sorry, the transfer didn't go through."
FILLERS = ("One moment.", "Still working on it.", "Thanks for waiting.")
"""Said, in turn, while an answer is late, so the caller never waits in silence."""

_ASSETS = {
    APOLOGY_REPEAT: "apology_repeat.ulaw",
    APOLOGY_TROUBLE: "apology_trouble.ulaw",
    FILLERS[0]: "filler_one_moment.ulaw",
    FILLERS[1]: "filler_still_working.ulaw",
    FILLERS[2]: "filler_thanks_for_waiting.ulaw",
}


def prewarm_phrases(agent: AgentConfig) -> list[str]:
    """Every phrase a call of this agent may need before its first LLM token."""
    phrases = [agent.greeting, APOLOGY_REPEAT, APOLOGY_TROUBLE, GOODBYE, FAILURE_GOODBYE]
    phrases.extend(FILLERS)
    phrases.append(agent.turn_taking.idle_reprompt_message)
    if agent.business_hours is not None:
        phrases.append(agent.business_hours.after_hours_message)
        if agent.business_hours.take_message:
            phrases.append(TAKE_MESSAGE_THANKS)
    return list(dict.fromkeys(phrases))


ASSET_FORMAT = TELEPHONY_MULAW
"""The recordings are stored as 8 kHz mu-law."""


def builtin_audio(text: str, fmt: AudioFormat = ASSET_FORMAT) -> bytes | None:
    """The pre-rendered recording of an apology or a filler in ``fmt``, for when TTS itself
    is down."""
    name = _ASSETS.get(text)
    return None if name is None else _asset(name, fmt)


@lru_cache(maxsize=32)
def _asset(name: str, fmt: AudioFormat) -> bytes:
    audio = resources.files("switchboard_voice_runtime.call.assets").joinpath(name).read_bytes()
    return transcode(audio, ASSET_FORMAT, fmt)
