"""Whisper decoding in a window fitted to a short clip instead of the fixed 30 s one.

Whisper pads every input to 30 s, so on CPU the encoder costs the same ~0.6 s for a two-word
answer as for half a minute of speech. CTranslate2's encoder accepts shorter inputs: a window of
the clip's length plus a margin, rounded up to whole seconds and at least 10 s, costs a third of
that with the same word error rate (windows under ~10 s lose accuracy on short phrases). Decoding
without the padding the model was trained on tends to run on past the end of the speech and
repeat itself, so the token budget is tied to the clip's duration and a tail that restarts the
transcript is cut.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

FRAMES_PER_SECOND = 100
MAX_FRAMES = 3000
SAMPLE_RATE_HZ = 16_000
TOKENS_BASE = 10
TOKENS_PER_SECOND = 6
_TITLES = ("Dr", "Mr", "Ms", "Mrs", "St")
_SENTENCE_END = re.compile(r"(?<=[.!?])" + "".join(rf"(?<!\b{t}\.)" for t in _TITLES) + r"\s+")
"""A sentence ends at .!? and a space, but not after a title ("Dr. Okafor" is one sentence)."""
_TITLE_END = re.compile(rf"\b(?:{'|'.join(_TITLES)})\.$")


def window_frames(samples: int, margin_ms: int, min_ms: int) -> int:
    """Mel frames of the fitted window: clip plus margin in whole seconds, at least ``min_ms``,
    at most 30 s."""
    seconds = max(samples / SAMPLE_RATE_HZ + margin_ms / 1000, min_ms / 1000)
    return min(MAX_FRAMES, max(1, math.ceil(seconds)) * FRAMES_PER_SECOND)


def token_budget(samples: int) -> int:
    """Most tokens a clip of this length can need (fast speech is ~4 tokens a second)."""
    return min(224, TOKENS_BASE + math.ceil(samples / SAMPLE_RATE_HZ * TOKENS_PER_SECOND))


def trim_restarted_tail(text: str) -> str:
    """Drops what decoding past the end of speech adds: a sentence repeating the one before it,
    and a trailing unfinished sentence that restarts an earlier one.

    ``"Let me check. Let me"`` -> ``"Let me check."``; ``"Still there? Still there?"`` ->
    ``"Still there?"``; a tail ending in a title (``"... Dr."``) is unfinished too.
    """
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s]
    kept: list[str] = []
    for sentence in sentences:
        if kept and _words(sentence) == _words(kept[-1]):
            continue
        kept.append(sentence)
    if len(kept) >= 2 and (not kept[-1].endswith((".", "!", "?")) or _TITLE_END.search(kept[-1])):
        tail = _words(kept[-1])
        if any(_words(earlier)[: len(tail)] == tail for earlier in kept[:-1]):
            kept.pop()
    return " ".join(kept)


def _words(text: str) -> list[str]:
    return [word.strip(".,!?;:") for word in text.lower().split()]


def transcribe_short(
    model: WhisperModel, audio: npt.NDArray[np.float32], *, language: str, beam_size: int,
    margin_ms: int, min_window_ms: int, prompt: list[int] | None = None,
    no_speech_threshold: float = 1.0,
) -> str:  # fmt: skip
    """Transcribes a clip of at most ~29 s in a fitted window, after the `prompt` tokens as
    previous text when given. With a prompt, a clip whose no-speech probability exceeds
    `no_speech_threshold` gives "": on noise a prompted model writes out the prompt's terms.
    Blocking; thread-safe."""
    from faster_whisper.tokenizer import Tokenizer

    features = model.feature_extractor(audio)
    frames = window_frames(audio.size, margin_ms, min_window_ms)
    padded = np.zeros((features.shape[0], frames), dtype=features.dtype)
    used = min(frames, features.shape[1])
    padded[:, :used] = features[:, :used]
    encoded = model.encode(padded)
    tokenizer = Tokenizer(
        model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language
    )
    previous = list(prompt or ())
    sequence = model.get_prompt(tokenizer, previous, without_timestamps=True)
    budget = token_budget(audio.size) + (len(previous) + 1 if previous else 0)
    # CTranslate2's max_length counts the prompt: previous text and <|startofprev|> widen it
    result = model.model.generate(
        encoded, [sequence], beam_size=beam_size, max_length=budget, suppress_blank=True,
        return_no_speech_prob=bool(previous),
    )  # fmt: skip
    if previous and result[0].no_speech_prob > no_speech_threshold:
        return ""
    tokens = [token for token in result[0].sequences_ids[0] if token < tokenizer.eot]
    return trim_restarted_tail(tokenizer.decode(tokens))
