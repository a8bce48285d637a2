"""Cutting text into the pieces synthesized one by one, the first one short for fast audio
(sentence ends: ``switchboard_common.sentences``, shared with the runtime)."""

from __future__ import annotations

import re

from switchboard_common.sentences import split_sentences

_CLAUSE_END = re.compile(r"[,;:—–]\s+")
_WHITESPACE = re.compile(r"\s+")


def split_for_speech(text: str, *, first_max_chars: int, max_chars: int) -> list[str]:
    """Sentences of `text`, each at most `max_chars` long where a boundary allows it.

    The first piece is cut further at a clause or word boundary when longer than
    `first_max_chars`, because the listener waits for all of it before hearing anything.
    """
    pieces: list[str] = []
    for paragraph in text.splitlines():
        for sentence in split_sentences(_WHITESPACE.sub(" ", paragraph).strip()):
            pieces.extend(_cut(sentence, max_chars))
    if pieces and len(pieces[0]) > first_max_chars:
        pieces[:1] = _cut(pieces[0], first_max_chars, min_chars=min(12, first_max_chars // 2))
    return pieces


def _cut(text: str, max_chars: int, *, min_chars: int = 20) -> list[str]:
    """Cuts at the last clause mark within `max_chars`, else the last space; recursively."""
    if len(text) <= max_chars:
        return [text]
    window = text[: max_chars + 1]
    clause_ends = [m.end() for m in _CLAUSE_END.finditer(window) if m.start() >= min_chars]
    if clause_ends:
        cut = clause_ends[-1]
    else:
        space = window.rfind(" ", min_chars)
        if space == -1:
            return [text]
        cut = space + 1
    head, tail = text[:cut].strip(), text[cut:].strip()
    return [head, *_cut(tail, max_chars, min_chars=min_chars)] if tail else [head]
