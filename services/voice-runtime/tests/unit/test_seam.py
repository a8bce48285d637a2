"""The carrier seam: Twilio appears only in its own edge modules, so the call core, admission,
the runner and the runtime stay carrier-neutral (and a second carrier is no fork)."""

from __future__ import annotations

from pathlib import Path

import switchboard_voice_runtime

SRC = Path(switchboard_voice_runtime.__file__).parent

TWILIO_MODULES = frozenset(
    {
        "api/twilio_media.py",  # its media websocket route and MediaConnection
        "api/twilio_voice.py",  # its voice and status webhooks
        "telephony/twilio.py",  # its wire format (signatures, TwiML, Media Streams frames)
        "telephony/twilio_account.py",  # its accounts and REST call control
        "settings.py",  # the platform account's VOICE_RUNTIME_TWILIO__* settings block
        "testing/twilio_media.py",  # the edge's test harness (signed webhooks and sockets)
        "testing/harness.py",  # a test call's default carrier
    }
)


def _mentions_twilio() -> set[str]:
    found = set()
    for path in SRC.rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(SRC).as_posix()
        if "twilio" in relative.lower() or b"twilio" in path.read_bytes().lower():
            found.add(relative)
    return found


def test_twilio_appears_only_in_its_edge_modules() -> None:
    assert _mentions_twilio() <= TWILIO_MODULES


def test_the_allow_list_names_only_modules_that_exist() -> None:
    assert _mentions_twilio() >= TWILIO_MODULES, "a module no longer mentions Twilio: drop it"
