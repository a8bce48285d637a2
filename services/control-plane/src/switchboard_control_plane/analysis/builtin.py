"""The built-in analysis of an agent without an LLM: the caller's questions, how the call ended,
and rule-based extraction of phone numbers, dates and times, and names the caller gave."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import phonenumbers

from switchboard_control_plane.analysis.schemas import CallAnalysis
from switchboard_control_plane.db.base import utcnow

DEFAULT_REGION = "US"
QUESTION_START = re.compile(
    r"^(what|when|where|who|whom|whose|why|how|which|can|could|do|does|did|is|are|was|were|"
    r"will|would|should|may|might|have|has)\b",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DATE_TIME = re.compile(
    r"\b(?:"
    rf"(?:next |this )?{_WEEKDAY}"
    rf"|{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    r"|\d{1,2}(?::\d{2})? ?(?:a\.?m\.?|p\.?m\.?)"
    r"|\d{1,2}:\d{2}"
    r"|today|tonight|tomorrow|yesterday|noon|midnight"
    r"|(?:this|tomorrow) (?:morning|afternoon|evening)"
    r")",
    re.IGNORECASE,
)
NAME = re.compile(
    r"\b(?:my name is|my name's|this is|i am|i'm|call me|it's)\s+"
    r"([A-Za-z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?)",
    re.IGNORECASE,
)
NOT_NAMES = frozenset(
    {
        "a",
        "an",
        "the",
        "just",
        "calling",
        "looking",
        "here",
        "not",
        "so",
        "very",
        "really",
        "sorry",
        "fine",
        "good",
        "great",
        "okay",
        "ok",
        "wondering",
        "trying",
        "interested",
        "hoping",
        "going",
        "about",
        "yes",
        "no",
        "well",
        "still",
        "sure",
    }
)
ENDINGS = {
    "caller_hangup": "The caller hung up.",
    "agent_hangup": "The agent ended the call.",
    "transferred": "The call was transferred.",
    "error": "The call ended because of an error.",
    "rejected": "The call was not answered.",
    "runtime_lost": "The call was cut off (the platform lost it).",
}


def caller_lines(transcript: Sequence[dict[str, Any]]) -> list[str]:
    return [str(e.get("text", "")).strip() for e in transcript if e.get("role") == "caller"]


def questions(lines: Iterable[str]) -> list[str]:
    found: list[str] = []
    for line in lines:
        for sentence in re.split(r"(?<=[.?!])\s+", line):
            sentence = sentence.strip()
            if sentence and (sentence.endswith("?") or QUESTION_START.match(sentence)):
                found.append(sentence)
    return found


def phone_numbers(text: str, region: str) -> list[str]:
    return _unique(
        phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        for match in phonenumbers.PhoneNumberMatcher(text, region)
    )


def dates_and_times(text: str) -> list[str]:
    return _unique(match.group(0) for match in DATE_TIME.finditer(text))


def names(text: str) -> list[str]:
    found = []
    for match in NAME.finditer(text):
        words = match.group(1).split()
        while words and words[-1].lower() in NOT_NAMES:
            words.pop()
        if words and words[0].lower() not in NOT_NAMES:
            found.append(" ".join(word.capitalize() for word in words))
    return _unique(found)


def ended_how(end_reason: str | None, transferred_to: str | None) -> str:
    text = ENDINGS.get(end_reason or "", f"The call ended ({end_reason or 'unknown'}).")
    if end_reason == "transferred" and transferred_to:
        text = f"The call was transferred to {transferred_to}."
    return text


def region_of(number: str | None) -> str:
    """The region of the dialled number (where callers most likely are), else US."""
    try:
        parsed = phonenumbers.parse(number or "", None)
    except phonenumbers.NumberParseException:
        return DEFAULT_REGION
    return phonenumbers.region_code_for_number(parsed) or DEFAULT_REGION


def builtin_analysis(
    transcript: Sequence[dict[str, Any]],
    end_reason: str | None,
    *,
    transferred_to: str | None = None,
    to_number: str | None = None,
) -> CallAnalysis:
    lines = caller_lines(transcript)
    said = "\n".join(lines)
    asked = questions(lines)
    ending = ended_how(end_reason, transferred_to)
    count = len(asked)
    summary = f"The caller asked {count} question{'s' if count != 1 else ''}. {ending}"
    return CallAnalysis(
        source="builtin",
        summary=summary,
        caller_questions=asked,
        ended_how=ending,
        extracted={
            "phone_numbers": phone_numbers(said, region_of(to_number)),
            "dates_times": dates_and_times(said),
            "names": names(said),
        },
        analyzed_at=utcnow(),
    )


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
