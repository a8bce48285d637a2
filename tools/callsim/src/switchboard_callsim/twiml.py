"""Reading the runtime's TwiML answer: a media stream to open, or a spoken/rejected/hung-up call."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Literal

TwimlKind = Literal["stream", "say", "hangup", "reject"]


class TwimlError(ValueError):
    """The webhook answer is not TwiML the simulator understands."""


@dataclass(frozen=True, slots=True)
class TwimlOutcome:
    """What the carrier would do with the answer.

    ``stream``: open ``stream_url`` with ``parameters`` as ``customParameters``. ``say``: the
    texts of every ``<Say>`` (a ``say`` answer ends with the call hanging up, as Twilio does when
    the document runs out). ``reject``: ``reason`` of ``<Reject>``. ``hangup``: ``<Hangup/>``.
    """

    kind: TwimlKind
    stream_url: str | None = None
    parameters: dict[str, str] = field(default_factory=dict)
    said: tuple[str, ...] = ()
    reason: str | None = None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _stream_outcome(stream: ET.Element, said: list[str]) -> TwimlOutcome:
    url = stream.get("url")
    if not url:
        raise TwimlError("<Stream> has no url")
    params: dict[str, str] = {}
    for child in stream:
        if _local(child.tag) != "Parameter":
            continue
        name = child.get("name")
        if not name:
            raise TwimlError("<Parameter> has no name")
        params[name] = child.get("value", "")
    return TwimlOutcome("stream", stream_url=url, parameters=params, said=tuple(said))


def parse_twiml(body: str | bytes) -> TwimlOutcome:
    """Walks the ``<Response>`` verbs in order and returns the first call-deciding outcome."""
    try:
        root = ET.fromstring(body)  # noqa: S314
    except ET.ParseError as exc:
        raise TwimlError(f"not XML: {exc}") from exc
    if _local(root.tag) != "Response":
        raise TwimlError(f"root element is <{_local(root.tag)}>, expected <Response>")
    said: list[str] = []
    for verb in root:
        name = _local(verb.tag)
        if name == "Say":
            said.append((verb.text or "").strip())
        elif name == "Connect":
            for noun in verb:
                if _local(noun.tag) == "Stream":
                    return _stream_outcome(noun, said)
            raise TwimlError("<Connect> holds no <Stream>")
        elif name == "Hangup":
            return TwimlOutcome("hangup", said=tuple(said))
        elif name == "Reject":
            return TwimlOutcome("reject", said=tuple(said), reason=verb.get("reason", "rejected"))
    if said:
        return TwimlOutcome("say", said=tuple(said))
    raise TwimlError("<Response> holds no verb the simulator understands")
