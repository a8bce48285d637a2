"""Items keep their order and ids; truncate, delete and retrieve act on them with stable
errors; the history holds what was heard."""

from __future__ import annotations

import pytest
from openai.types.realtime import RealtimeServerEvent
from pydantic import TypeAdapter

from switchboard_voice_runtime.realtime import server_events
from switchboard_voice_runtime.realtime.conversation_items import (
    ConversationItem,
    ConversationItems,
    ItemError,
)
from switchboard_voice_runtime.realtime.protocol import (
    ConversationItemCreate,
    parse_client_event,
)
from switchboard_voice_runtime.realtime.transcript_history import SpokenSegment

SDK_EVENT: TypeAdapter[RealtimeServerEvent] = TypeAdapter(RealtimeServerEvent)


def _spoken(items: ConversationItems) -> ConversationItem:
    agent = items.agent_audio()
    agent.segments += [
        SpokenSegment("We open at nine.", 1000),
        SpokenSegment("We close at five.", 1000),
    ]
    agent.text = "We open at nine. We close at five."
    agent.status = "completed"
    items.append(agent)
    return agent


def _code(call: object) -> str:
    with pytest.raises(ItemError) as caught:
        call()  # type: ignore[operator]
    return caught.value.code


def test_items_chain_by_previous_item_id() -> None:
    items = ConversationItems()
    caller = items.caller_audio()
    assert items.append(caller) is None
    caller.text, caller.status = "When are you open?", "completed"
    agent = _spoken(items)
    assert items.last_id == agent.item_id
    system = ConversationItem("item_sys", "system", audio=False, text="Be brief.")
    assert items.append(system, "root") is None
    assert [role for role, _ in items.history()] == ["system", "user", "assistant"]


def test_without_a_truncate_the_history_holds_all_that_was_sent() -> None:
    items = ConversationItems()
    _spoken(items)
    assert items.history() == [("assistant", "We open at nine. We close at five.")]


def test_a_truncate_trims_the_history_to_what_was_heard() -> None:
    items = ConversationItems()
    agent = _spoken(items)
    items.truncate(agent.item_id, 0, 1000)
    assert items.history() == [("assistant", "We open at nine.")]
    wire = SDK_EVENT.validate_python(server_events.item_retrieved(agent.wire()))
    assert wire.type == "conversation.item.retrieved"
    assert wire.item.content[0].transcript == "We open at nine."  # type: ignore[union-attr]


def test_bad_truncates_and_unknown_items_get_stable_codes() -> None:
    items = ConversationItems()
    agent = _spoken(items)
    caller = items.caller_audio()
    items.append(caller)
    assert _code(lambda: items.truncate("item_nope", 0, 10)) == "item_not_found"
    assert _code(lambda: items.truncate(caller.item_id, 0, 10)) == "invalid_value"
    assert _code(lambda: items.truncate(agent.item_id, 1, 10)) == "invalid_value"
    assert _code(lambda: items.truncate(agent.item_id, 0, 5000)) == "invalid_value"
    assert _code(lambda: items.delete("item_nope")) == "item_not_found"
    assert _code(lambda: items.append(agent)) == "item_exists"
    assert _code(lambda: items.append(items.agent_audio(), "item_nope")) == "item_not_found"


def test_client_items_join_the_history_and_deleted_ones_leave_it() -> None:
    items = ConversationItems()
    event = parse_client_event(
        '{"type": "conversation.item.create", "item": {"type": "message", "role": "user",'
        ' "content": [{"type": "input_text", "text": "Do you deliver?"}]}}'
    )
    assert isinstance(event, ConversationItemCreate)
    item = items.from_client(event.item)
    items.append(item, event.previous_item_id)
    assert items.history() == [("user", "Do you deliver?")]
    assert SDK_EVENT.validate_python(server_events.item_added(item.wire(), None)).type == (
        "conversation.item.added"
    )
    items.delete(item.item_id)
    assert items.history() == []


def test_the_oldest_items_go_past_the_bound() -> None:
    items = ConversationItems(max_items=3)
    previous = [
        items.append(ConversationItem(f"item_{index}", "user", audio=False, text=str(index)))
        for index in range(5)
    ]
    assert previous == [None, "item_0", "item_1", "item_2", "item_3"]
    assert [text for _, text in items.history()] == ["2", "3", "4"]
