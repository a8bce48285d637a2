"""A response in progress: audio counts toward the segment being sent though later sentences are
announced, a cancel keeps only what was sent, and the closing events say how it ended."""

from __future__ import annotations

from switchboard_voice_runtime.realtime.conversation_items import ConversationItems
from switchboard_voice_runtime.realtime.response import ActiveResponse
from switchboard_voice_runtime.realtime.transcript_history import SpokenSegment


def _response() -> ActiveResponse:
    return ActiveResponse("resp_1", ConversationItems().agent_audio())


def test_audio_counts_toward_the_segment_being_sent_not_the_last_announced() -> None:
    response = _response()
    response.sentence("We open at nine.")
    response.sentence("We close at five.")
    response.audio(b"a", 400.0)
    response.segment_sent()
    response.audio(b"b", 300.0)
    response.audio(b"c", 200.0)
    assert response.item.text == "We open at nine. We close at five."
    assert response.item.segments == [
        SpokenSegment("We open at nine.", 400.0),
        SpokenSegment("We close at five.", 500.0),
    ]


def test_audio_past_the_last_announced_sentence_counts_toward_it() -> None:
    response = _response()
    response.audio(b"a", 100.0)
    response.segment_sent()
    response.audio(b"b", 100.0)
    assert response.item.segments == [SpokenSegment("", 200.0)]


def test_a_transcript_told_at_once_spreads_over_all_the_audio() -> None:
    response = _response()
    assert response.transcript("", 0.0) == []
    (delta,) = response.transcript("Nine to five.", 900.0)
    assert delta["delta"] == "Nine to five."
    assert response.item.segments == [SpokenSegment("Nine to five.", 900.0)]


def test_a_cancelled_response_closes_incomplete_with_only_what_it_kept() -> None:
    response = _response()
    response.sentence("Nine to five.")
    response.sentence("Closed on Sundays.")
    response.keep("Nine to five.", 500.0)
    events = response.finished(
        "cancelled", reason="client_cancelled", usage=None, output_modalities=("audio",)
    )
    assert [event["type"] for event in events] == [
        "response.output_audio.done",
        "response.output_audio_transcript.done",
        "response.content_part.done",
        "response.output_item.done",
        "conversation.item.done",
        "response.done",
    ]
    assert events[1]["transcript"] == "Nine to five."
    assert response.item.status == "incomplete"
