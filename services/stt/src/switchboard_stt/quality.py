"""Word error rate, and the phone-agent sentences the quality test and benchmark measure with."""

from __future__ import annotations

import re
from collections.abc import Iterable

PHONE_AGENT_SENTENCES = (
    "Thank you for calling, how can I help you today?",
    "I can book, move or cancel an appointment for you.",
    "Could you please tell me your full name?",
    "Let me check our calendar for the next available time.",
    "We are open every weekday from morning until evening.",
    "Your appointment has been confirmed, and you will get a text message shortly.",
    "I am sorry, I did not catch that. Could you say it again?",
    "Please hold while I transfer you to someone who can help.",
    "Is there anything else I can help you with?",
    "The doctor will call you back later this afternoon.",
    "You can also reach us by email or through our website.",
    "Thank you for your time, and have a wonderful day.",
)
"""Sentences a phone agent says, without numbers or names (whose spelling is a matter of taste)."""

CALLER_OPENINGS = (
    "Do you take new patients?",
    "Hi, I need to book an appointment.",
    "Do you have anything open on Friday?",
    "Can I move my appointment to next week?",
    "Is the doctor in today?",
    "Hello, I would like to cancel my visit.",
    "Yes, that works for me.",
    "How much does a cleaning cost?",
    "What time do you open tomorrow?",
    "Are you open on Saturdays?",
    "Does my insurance cover this?",
    "Hi there, is this the dental office?",
)
"""What callers say first in a turn, many opening with a short weak word ("Do", "Hi") that
greedy decoding after a silent lead-in tends to drop."""

_CONTRACTIONS = {
    "i'm": "i am",
    "didn't": "did not",
    "don't": "do not",
    "can't": "cannot",
    "we're": "we are",
    "you'll": "you will",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "you're": "you are",
    "i'll": "i will",
}
_NON_WORD = re.compile(r"[^a-z0-9' ]+")


def normalize_words(text: str) -> list[str]:
    """Lower case, no punctuation, contractions expanded, hyphenated words split."""
    cleaned = _NON_WORD.sub(" ", text.lower().replace("’", "'").replace("-", " "))
    words: list[str] = []
    for word in cleaned.split():
        stripped = word.strip("'")
        if stripped:
            words.extend(_CONTRACTIONS.get(stripped, stripped).split())
    return words


def edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    """Levenshtein distance over words (substitutions, insertions, deletions)."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref_word in enumerate(reference, start=1):
        current = [i]
        for j, hyp_word in enumerate(hypothesis, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_word != hyp_word))
            )
        previous = current
    return previous[-1]


def word_error_rate(pairs: Iterable[tuple[str, str]]) -> float:
    """Corpus WER over (reference, hypothesis) pairs: total edits / total reference words."""
    edits = 0
    words = 0
    for reference, hypothesis in pairs:
        ref_words = normalize_words(reference)
        edits += edit_distance(ref_words, normalize_words(hypothesis))
        words += len(ref_words)
    if words == 0:
        raise ValueError("WER needs at least one reference word")
    return edits / words


def first_word_kept(reference: str, hypothesis: str) -> bool:
    """Whether the hypothesis starts with the reference's first word (normalized)."""
    expected = normalize_words(reference)[:1]
    return bool(expected) and normalize_words(hypothesis)[:1] == expected
