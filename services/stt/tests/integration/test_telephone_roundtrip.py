"""TTS speech carried over the telephone path (8 kHz mu-law) is understood by STT (tiny.en).

Both services run in process with their real models; audio goes TTS -> mu-law bytes -> STT's
raw endpoint, the path the voice runtime uses for every turn.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from switchboard_common.app_testing import running_client
from switchboard_stt.app import create_app as create_stt_app
from switchboard_stt.quality import PHONE_AGENT_SENTENCES, word_error_rate
from switchboard_stt.settings import Settings as SttSettings
from switchboard_stt.transcriber import WhisperSpeechToText
from switchboard_tts.app import create_app as create_tts_app
from switchboard_tts.settings import Settings as TtsSettings

pytestmark = pytest.mark.models

MAX_WER = 0.10


async def test_phone_agent_sentences_survive_the_telephone_round_trip(
    tmp_path: Path, whisper_tiny: WhisperSpeechToText
) -> None:
    tts_app = create_tts_app(TtsSettings(warmup=False))
    stt_app = create_stt_app(SttSettings(cache_dir=tmp_path, warmup=False), stt=whisper_tiny)
    pairs: list[tuple[str, str]] = []
    async with (
        running_client(tts_app, "http://t") as tts,
        running_client(stt_app, "http://s") as stt,
    ):
        for sentence in PHONE_AGENT_SENTENCES:
            speech = await tts.post(
                "/v1/audio/speech", json={"input": sentence, "response_format": "mulaw"}
            )
            assert speech.headers["x-sample-rate"] == "8000"
            heard = await stt.post(
                "/v1/audio/transcriptions",
                params={"encoding": "mulaw", "sample_rate_hz": 8000, "language": "en"},
                content=speech.content,
                headers={"content-type": "application/octet-stream"},
            )
            assert heard.status_code == 200
            pairs.append((sentence, heard.json()["text"]))
    wer = word_error_rate(pairs)
    assert wer < MAX_WER, f"WER {wer:.3f} over {len(pairs)} sentences: {pairs}"
