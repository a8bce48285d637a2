"""The vocabulary prompt: words a request asks Whisper to expect, as decoder prompt tokens.

A caller's business vocabulary (the business name, staff, services) is sent as comma-separated
terms. Whisper reads them as "previous text" (`<|startofprev|>` + tokens before the start of the
transcript), which makes their spelling likely where the audio allows it. faster-whisper's
`initial_prompt` and `hotwords` build exactly this prefix for a single 30 s window, so one
implementation serves both. The prompt is capped in tokens (each costs decoder time on every
step) and cut at a term boundary, so a term is never half-prompted.
"""

from __future__ import annotations

from collections.abc import Callable

Encode = Callable[[str], list[int]]
"""Text to Whisper token ids, without special tokens."""


def prompt_tokens(encode: Encode, prompt: str | None, max_tokens: int) -> list[int]:
    """The prompt's tokens, at most ``max_tokens``; the longest run of whole leading terms that
    fits when the whole prompt does not (empty when not even the first term fits)."""
    text = " ".join((prompt or "").split())
    if not text or max_tokens <= 0:
        return []
    tokens = encode(" " + text)
    if len(tokens) <= max_tokens:
        return tokens
    terms = [term.strip() for term in text.split(",") if term.strip()]
    kept: list[int] = []
    for count in range(1, len(terms) + 1):
        candidate = encode(" " + ", ".join(terms[:count]))
        if len(candidate) > max_tokens:
            break
        kept = candidate
    return kept
