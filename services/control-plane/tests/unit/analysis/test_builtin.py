"""The built-in analysis finds the caller's questions, how the call ended, phone numbers,
dates and times, and names the caller gave."""

from __future__ import annotations

from switchboard_control_plane.analysis.builtin import builtin_analysis, names

TRANSCRIPT = [
    {"role": "agent", "text": "Acme Dental, how can I help? Call 555-0100 anytime.", "at_ms": 0},
    {
        "role": "caller",
        "text": "Hi, my name is jane doe. Do you have anything on Tuesday at 3 pm?",
        "at_ms": 1000,
    },
    {"role": "agent", "text": "We do. Can I take a number?", "at_ms": 2000},
    {
        "role": "caller",
        "text": "Sure, it's 415 555 0134. Or March 3rd at 10:30 works. How much is a cleaning?",
        "at_ms": 3000,
    },
]


def test_questions_ending_and_extraction_come_from_the_caller_only() -> None:
    result = builtin_analysis(TRANSCRIPT, "caller_hangup", to_number="+14155550100")
    assert result.source == "builtin"
    assert result.caller_questions == [
        "Do you have anything on Tuesday at 3 pm?",
        "How much is a cleaning?",
    ]
    assert result.ended_how == "The caller hung up."
    assert result.summary == "The caller asked 2 questions. The caller hung up."
    assert result.extracted == {
        "phone_numbers": ["+14155550134"],
        "dates_times": ["Tuesday", "3 pm", "March 3rd", "10:30"],
        "names": ["Jane Doe"],
    }


def test_a_transfer_names_its_target_and_an_empty_call_finds_nothing() -> None:
    result = builtin_analysis([], "transferred", transferred_to="+14155550199")
    assert result.ended_how == "The call was transferred to +14155550199."
    assert result.caller_questions == []
    assert result.extracted == {"phone_numbers": [], "dates_times": [], "names": []}


def test_names_skip_phrases_that_are_not_names() -> None:
    assert names("I'm just calling about my bill. This is Maria.") == ["Maria"]
    assert names("i'm looking for a dentist") == []
