"""Where sentences end, for speech: one rule for the runtime (streamed LLM text) and TTS.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (closing quotes and brackets included) followed by
whitespace, except after a known abbreviation ("Dr.", "Mr.", "St.", "e.g." ...) or a single
letter (an initial, "p.m."), and except when the next word starts in lower case. A number like
"3.5" never ends one (no whitespace after its point). A line break always does.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "no",
        "mt",
        "ave",
        "prof",
        "approx",
        "dept",
        "inc",
        "ltd",
        "co",
    }
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*[ \t]+|\n+")


def sentence_ends(text: str) -> list[int]:
    """Offsets in ``text`` just past each sentence end (its trailing whitespace included).

    On streamed text an end whose next word has not arrived yet is reported (a stream that
    stalls after "nine. " must not hold the sentence back), except after an abbreviation or an
    initial, which wait for more text as always.
    """
    ends: list[int] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if "\n" in match.group():
            ends.append(match.end())
            start = match.end()
            continue
        next_char = text[match.end() : match.end() + 1]
        candidate = text[start : match.start()].strip()
        last_word = candidate.rsplit(" ", 1)[-1].rstrip(".").lower()
        if last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        if next_char.islower():
            continue
        ends.append(match.end())
        start = match.end()
    return ends


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, stripped; blank ones left out."""
    pieces: list[str] = []
    start = 0
    for end in [*sentence_ends(text), len(text)]:
        piece = text[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    return pieces
