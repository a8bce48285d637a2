"""Fitted-window decoding: window sizes, token budgets, restarted tails, same words as 30 s."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from switchboard_stt.quality import word_error_rate
from switchboard_stt.settings import Settings
from switchboard_stt.short_window import token_budget, trim_restarted_tail, window_frames
from switchboard_stt.transcriber import TranscriptionOptions, WhisperSpeechToText

CLIP_TEXT = "I would like to move my appointment to next week, please."


@pytest.mark.parametrize(
    ("samples", "margin_ms", "min_ms", "frames"),
    [
        (16_000, 1_000, 1_000, 200),
        (24_000, 1_000, 1_000, 300),
        (1, 0, 1_000, 100),
        (16_000, 1_000, 10_000, 1000),
        (16_000 * 12, 1_000, 10_000, 1300),
        (16_000 * 40, 1_000, 10_000, 3000),
    ],
)
def test_window_is_the_clip_plus_margin_in_whole_seconds_between_min_and_30_s(
    samples: int, margin_ms: int, min_ms: int, frames: int
) -> None:
    assert window_frames(samples, margin_ms, min_ms) == frames


def test_token_budget_grows_with_duration_and_is_capped() -> None:
    assert token_budget(16_000) == 16
    assert token_budget(16_000 * 3) == 28
    assert token_budget(16_000 * 600) == 224


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Let me check the calendar. Let me", "Let me check the calendar."),
        ("Please hold. Please", "Please hold."),
        ("Where are you located? Where are you located", "Where are you located?"),
        ("Are you still there? Are you still there? Are you", "Are you still there?"),
        (
            "Hi. How can I help? Are you there? Are you there? Are",
            "Hi. How can I help? Are you there?",
        ),
        ("Thanks for calling. We are open", "Thanks for calling. We are open"),
        (
            "Dr. Haverford treated my rabbit. Dr. Haverford treated my rabbit. Dr.",
            "Dr. Haverford treated my rabbit.",
        ),
        ("Can I see Dr. Okafor? Mr. Li said so.", "Can I see Dr. Okafor? Mr. Li said so."),
        ("Hello there", "Hello there"),
        ("", ""),
    ],
)
def test_a_tail_that_restarts_the_transcript_is_cut(text: str, expected: str) -> None:
    assert trim_restarted_tail(text) == expected


def _as_float(pcm: npt.NDArray[np.int16]) -> npt.NDArray[np.float32]:
    return (pcm.astype(np.float32) / 32768.0).astype(np.float32)


@pytest.mark.models
def test_fitted_window_hears_the_same_words_as_the_30_s_window(
    whisper_tiny: WhisperSpeechToText, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    audio = _as_float(clip_pcm16)
    fitted = whisper_tiny.with_settings(Settings(short_window_max_ms=12_000))
    full = whisper_tiny.with_settings(Settings(short_window_max_ms=0))
    fitted_text = fitted.transcribe(audio, TranscriptionOptions(fitted_window=True)).text
    full_text = full.transcribe(audio, TranscriptionOptions(fitted_window=True)).text
    assert word_error_rate([(CLIP_TEXT, fitted_text)]) <= 0.1
    assert word_error_rate([(full_text, fitted_text)]) <= 0.1
