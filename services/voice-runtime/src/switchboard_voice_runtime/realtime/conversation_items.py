"""The items of one realtime conversation, as the client sees them: order, ids, content, and
what was heard of the assistant's audio. Pure bookkeeping, no I/O.

The session runner records the caller's committed audio turns, the client's created items and
the assistant's spoken items here; the ``conversation.item.*`` client events act on it, and
``history`` is what the brain is given next (the assistant's items as heard: see
``transcript_history``). Mistakes raise ``ItemError`` with a stable code for the ``error`` event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from switchboard_voice_runtime.realtime import server_events
from switchboard_voice_runtime.realtime.ids import new_id
from switchboard_voice_runtime.realtime.protocol import FunctionCallOutputItem, MessageItem
from switchboard_voice_runtime.realtime.transcript_history import (
    SpokenSegment,
    heard_text,
    item_audio_ms,
)

Role = Literal["user", "assistant", "system"]
ItemCode = Literal["item_not_found", "item_exists", "invalid_value"]


class ItemError(Exception):
    def __init__(self, code: ItemCode, message: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.code: ItemCode = code
        self.message = message
        self.param = param


@dataclass(slots=True)
class ConversationItem:
    """One item. ``audio``: its content is speech (the caller's turn, the agent's reply);
    ``segments``: the agent's audio as sent, for truncation; ``audio_end_ms``: set by a truncate."""

    item_id: str
    role: Role
    audio: bool
    text: str = ""
    status: server_events.ItemStatus = "completed"
    segments: list[SpokenSegment] = field(default_factory=list)
    audio_end_ms: int | None = None

    @property
    def heard(self) -> str:
        """The words the listener got: for the agent's audio, what was played of it."""
        if self.role != "assistant" or not self.audio:
            return self.text
        if not self.segments:
            return self.text if self.audio_end_ms is None else ""
        return heard_text(self.segments, self.audio_end_ms)

    def wire(self) -> server_events.Event:
        if self.role == "user" and self.audio:
            return server_events.user_audio_item(self.item_id, self.text or None, self.status)
        if self.role == "user":
            return server_events.user_text_item(self.item_id, self.text)
        if self.role == "system":
            return server_events.system_text_item(self.item_id, self.text)
        if self.audio:
            return server_events.assistant_audio_item(self.item_id, self.heard, self.status)
        return server_events.assistant_text_item(self.item_id, self.text, self.status)


class ConversationItems:
    """The ordered items of one session (bounded: the oldest go once ``max_items`` is passed)."""

    def __init__(self, *, max_items: int = 200) -> None:
        self._items: list[ConversationItem] = []
        self._max_items = max_items

    @property
    def last_id(self) -> str | None:
        return self._items[-1].item_id if self._items else None

    def get(self, item_id: str) -> ConversationItem:
        for item in self._items:
            if item.item_id == item_id:
                return item
        raise ItemError("item_not_found", f"Item {item_id[:64]!r} does not exist.", param="item_id")

    def append(self, item: ConversationItem, previous_item_id: str | None = None) -> str | None:
        """Adds ``item`` after ``previous_item_id`` (default: at the end; ``"root"``: first);
        returns the id of the item before it."""
        if any(existing.item_id == item.item_id for existing in self._items):
            raise ItemError("item_exists", "An item with this id exists.", param="item.id")
        if previous_item_id is None or previous_item_id == self.last_id:
            position = len(self._items)
        elif previous_item_id == "root":
            position = 0
        else:
            self.get(previous_item_id)
            position = next(
                i + 1 for i, it in enumerate(self._items) if it.item_id == previous_item_id
            )
        previous = self._items[position - 1].item_id if position > 0 else None
        self._items.insert(position, item)
        if len(self._items) > self._max_items:
            del self._items[0]
        return previous

    def caller_audio(self) -> ConversationItem:
        """A new item for the caller's turn (its transcript arrives later)."""
        return ConversationItem(new_id("item"), "user", audio=True, status="in_progress")

    def agent_audio(self) -> ConversationItem:
        return ConversationItem(new_id("item"), "assistant", audio=True, status="in_progress")

    def from_client(self, item: MessageItem | FunctionCallOutputItem) -> ConversationItem:
        """The item a ``conversation.item.create`` adds (a tool output reads as system text)."""
        item_id = item.id or new_id("item")
        if isinstance(item, FunctionCallOutputItem):
            return ConversationItem(item_id, "system", audio=False, text=item.output)
        return ConversationItem(item_id, item.role, audio=False, text=item.text)

    def truncate(self, item_id: str, content_index: int, audio_end_ms: int) -> ConversationItem:
        """Cuts an assistant audio item at ``audio_end_ms`` (what the client played)."""
        item = self.get(item_id)
        if item.role != "assistant" or not item.audio:
            raise ItemError(
                "invalid_value", "Only an assistant audio item can be truncated.", param="item_id"
            )
        if content_index != 0:
            raise ItemError(
                "invalid_value", "The item has one content part.", param="content_index"
            )
        if audio_end_ms > item_audio_ms(item.segments) + 1:
            raise ItemError(
                "invalid_value",
                "audio_end_ms is past the end of the item's audio.",
                param="audio_end_ms",
            )
        item.audio_end_ms = audio_end_ms
        return item

    def delete(self, item_id: str) -> None:
        self._items.remove(self.get(item_id))

    def history(self) -> list[tuple[Role, str]]:
        """What the brain is told: each item's words as the listener got them, in order."""
        return [(item.role, item.heard) for item in self._items if item.heard]
