"""What every carrier's wire format shares: bounded JSON frame parsing with typed field access,
and XML answer documents (TwiML, TeXML). Pure: no I/O."""

from __future__ import annotations

import json
from collections.abc import Mapping
from xml.sax.saxutils import escape

MAX_FRAME_BYTES = 65_536
"""The largest frame parsed; a carrier's largest (a start frame with parameters) is a few KB."""

MAX_FRAME_BRACKETS = 64
"""The most ``{`` and ``[`` a frame may hold (in strings too), counted at C speed before parsing;
this also caps nesting far below the depth at which json.loads exhausts its recursion."""


class FrameError(ValueError):
    """A media-stream frame is not valid JSON or lacks what its event needs.

    ``reason`` is a stable label for metrics and logs: ``malformed``, ``oversized`` or
    ``too_complex``.
    """

    def __init__(self, message: str, *, reason: str = "malformed") -> None:
        super().__init__(message)
        self.reason = reason


def _bracket_count(text: str | bytes) -> int:
    if isinstance(text, str):
        return text.count("{") + text.count("[")
    return text.count(b"{") + text.count(b"[")


def load_frame(text: str | bytes) -> dict[str, object]:
    """One JSON object frame, refused (``FrameError``) before parsing when oversized or too
    bracket-heavy, and when it is not a JSON object."""
    if len(text) > MAX_FRAME_BYTES:
        raise FrameError("frame is too large", reason="oversized")
    if _bracket_count(text) > MAX_FRAME_BRACKETS:
        raise FrameError("frame holds too many brackets to parse", reason="too_complex")
    try:
        return obj(json.loads(text), "frame")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FrameError("frame is not JSON") from exc


def obj(value: object, name: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise FrameError(f"{name} must be an object")
    return value


def text(container: Mapping[str, object], name: str, *, default: str | None = None) -> str:
    value = container.get(name, default)
    if not isinstance(value, str):
        raise FrameError(f"{name} must be a string")
    return value


def optional_text(container: Mapping[str, object], name: str) -> str | None:
    value = container.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FrameError(f"{name} must be a string")
    return value


def counter(container: Mapping[str, object], name: str) -> int | None:
    """A non-negative integer sent as a JSON number or a decimal string ("12"); None if absent."""
    value = container.get(name)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    raise FrameError(f"{name} must be a non-negative integer")


def dumps(body: Mapping[str, object]) -> str:
    """Compact JSON, as frames go on the wire."""
    return json.dumps(body, separators=(",", ":"))


def xml_attr(value: str) -> str:
    """A double-quoted, escaped XML attribute value."""
    return '"' + escape(value, {'"': "&quot;"}) + '"'


def xml_response(*verbs: str) -> str:
    """``<Response>`` holding ``verbs`` (each already well-formed XML)."""
    return '<?xml version="1.0" encoding="UTF-8"?><Response>' + "".join(verbs) + "</Response>"
