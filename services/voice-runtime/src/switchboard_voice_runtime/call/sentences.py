"""Cuts streamed LLM text into speakable sentences, the first one as early as it reads well."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?;:]+[\"')\]]*\s+|\n+")
_COMMA = re.compile(r",\s+")


class SentenceSplitter:
    """Feed tokens with push(); take the rest with flush() when the stream ends.

    A sentence ends at ``.!?;:`` followed by whitespace (so "3.5" and a trailing "." that the
    next token may extend are not cut). The first segment may end early at a comma once more than
    ``first_clause_chars`` are waiting, so the first audio starts sooner.
    """

    def __init__(self, *, first_clause_chars: int = 40, min_clause_chars: int = 12) -> None:
        self._buffer = ""
        self._first = True
        self._first_clause_chars = first_clause_chars
        self._min_clause_chars = min_clause_chars

    def push(self, text: str) -> list[str]:
        self._buffer += text
        sentences: list[str] = []
        while True:
            match = _SENTENCE_END.search(self._buffer)
            if match is None and self._first:
                match = self._early_comma()
            if match is None:
                return sentences
            sentence = self._buffer[: match.end()].strip()
            self._buffer = self._buffer[match.end() :]
            if sentence:
                sentences.append(sentence)
                self._first = False

    def flush(self) -> list[str]:
        rest = self._buffer.strip()
        self._buffer = ""
        return [rest] if rest else []

    def _early_comma(self) -> re.Match[str] | None:
        if len(self._buffer) <= self._first_clause_chars:
            return None
        for match in _COMMA.finditer(self._buffer):
            if match.start() >= self._min_clause_chars:
                return match
        return None
