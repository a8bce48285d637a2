"""Cuts streamed LLM text into speakable sentences, the first one as early as it reads well."""

from __future__ import annotations

import re

from switchboard_common.sentences import sentence_ends

_CLAUSE_END = re.compile(r"[;:]+[\"')\]]*\s+")
_COMMA = re.compile(r",\s+")


class SentenceSplitter:
    """Feed tokens with push(); take the rest with flush() when the stream ends.

    Sentence ends are ``switchboard_common.sentences``' (shared with TTS: never after "Dr.",
    "Mr.", "St.", an initial, or inside "3.5"); ``;`` and ``:`` followed by whitespace end a
    piece too. The first segment may
    end early at a comma once more than ``first_clause_chars`` are waiting, so the first audio
    starts sooner.
    """

    def __init__(self, *, first_clause_chars: int = 40, min_clause_chars: int = 12) -> None:
        self._buffer = ""
        self._first = True
        self._first_clause_chars = first_clause_chars
        self._min_clause_chars = min_clause_chars

    def push(self, text: str) -> list[str]:
        self._buffer += text
        sentences: list[str] = []
        while (cut := self._next_cut()) is not None:
            sentence = self._buffer[:cut].strip()
            self._buffer = self._buffer[cut:]
            if sentence:
                sentences.append(sentence)
                self._first = False
        return sentences

    def flush(self) -> list[str]:
        rest = self._buffer.strip()
        self._buffer = ""
        return [rest] if rest else []

    def _next_cut(self) -> int | None:
        cuts = sentence_ends(self._buffer)[:1]
        clause = _CLAUSE_END.search(self._buffer)
        if clause is not None:
            cuts.append(clause.end())
        if not cuts and self._first:
            cuts = self._early_comma()
        return min(cuts) if cuts else None

    def _early_comma(self) -> list[int]:
        if len(self._buffer) <= self._first_clause_chars:
            return []
        for match in _COMMA.finditer(self._buffer):
            if match.start() >= self._min_clause_chars:
                return [match.end()]
        return []
