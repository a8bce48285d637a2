"""The built-in brain: knowledge lookup, intents, DTMF, fallbacks; quick replies first."""

from __future__ import annotations

from switchboard_voice_runtime.call.brain import BrainOutput, EndCall, QuickReplyFirst, TransferCall
from switchboard_voice_runtime.call.builtin_brain import BuiltinBrain
from switchboard_voice_runtime.testing.harness import sample_agent

TARGETS = {
    "transfer_targets": (
        {"name": "Front desk", "number": "+15550001000"},
        {"name": "Billing", "number": "+15550002000"},
    )
}


async def _answer(text: str, **overrides: object) -> tuple[str, list[BrainOutput]]:
    agent = sample_agent(**overrides)
    reply = QuickReplyFirst(agent, BuiltinBrain(agent)).reply(text, ())
    outputs = [output async for output in reply.outputs]
    return reply.kind, outputs


async def test_opening_hours_question_is_answered_from_the_hours_section() -> None:
    kind, outputs = await _answer("What are your opening hours?")
    assert kind == "builtin" and outputs[0].text.startswith("We open at nine")


async def test_unknown_question_lists_what_the_agent_can_help_with() -> None:
    _, outputs = await _answer("Do you sell bicycles?")
    assert outputs[0].text == "I can help with hours and prices. What would you like to know?"


async def test_goodbye_ends_the_call() -> None:
    _, outputs = await _answer("No, that's all. Bye!")
    assert outputs[0].action == EndCall()


async def test_transfer_goes_to_the_named_allow_listed_target() -> None:
    _, outputs = await _answer("Please transfer me to billing", tools=TARGETS)
    assert outputs[0].action == TransferCall("+15550002000")
    _, outputs = await _answer("I want to speak to a person", tools=TARGETS)
    assert outputs[0].action == TransferCall("+15550001000")


async def test_transfer_without_targets_is_declined() -> None:
    _, outputs = await _answer("Can I speak to a person?")
    assert outputs[0].action is None and "can't transfer" in outputs[0].text


async def test_dtmf_digit_selects_the_nth_knowledge_section() -> None:
    _, outputs = await _answer("[DTMF 2]")
    assert outputs[0].text == "A haircut costs twenty dollars."


async def test_quick_reply_phrase_wins() -> None:
    kind, outputs = await _answer("Where are you?")
    assert kind == "quick_reply" and outputs[0].text == "We are on Main Street."


async def test_a_misheard_word_beside_a_known_one_still_finds_the_section() -> None:
    _, outputs = await _answer("What are your opening now?")
    assert outputs[0].text.startswith("We open at nine")
    _, outputs = await _answer("What does a haircut run?")
    assert outputs[0].text == "A haircut costs twenty dollars."


async def test_a_word_shared_by_two_sections_alone_is_not_enough() -> None:
    agent = {
        "knowledge": (
            {"title": "Parking", "content": "Free parking behind the building."},
            {"title": "Bikes", "content": "Bike racks are behind the building."},
        )
    }
    _, outputs = await _answer("Anything behind?", **agent)
    assert outputs[0].text.startswith("I can help with parking and bikes")
