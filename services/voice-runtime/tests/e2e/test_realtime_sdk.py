"""Realtime sessions driven by the official openai SDK against the real runtime, STT and TTS:
recorded speech in, the agent's audio and both transcripts out; manual commits answered on
``response.create``; ``response.cancel``; bad events get errors."""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from openai import AsyncOpenAI
from openai.resources.realtime.realtime import AsyncRealtimeConnection
from openai.types.realtime import RealtimeAudioFormatsParam, RealtimeSessionCreateRequestParam

from switchboard_common.audio import AudioEncoding, AudioFormat
from switchboard_common.audio.convert import transcode
from switchboard_common.realtime_token import DEVELOPMENT_SIGNING_KEY, RealtimeSigner

from .stack import TTS_TOKEN, E2EStack
from .tenants import AGENT_ID, Tenants, e2e_agent, tenant_id_for

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]

PCM_24K = AudioFormat(AudioEncoding.PCM16, 24_000)
MULAW_8K = AudioFormat(AudioEncoding.MULAW, 8_000)
QUESTION = "When are you open?"


async def _speech(stack: E2EStack, text: str) -> bytes:
    """``text`` spoken by the TTS service as 24 kHz PCM16 (the caller's recorded speech)."""
    body = {"model": "piper", "input": text, "voice": "piper:en_US-joe-medium",
            "response_format": "pcm", "sample_rate_hz": 24_000}  # fmt: skip
    headers = {"Authorization": f"Bearer {TTS_TOKEN}"}
    async with httpx.AsyncClient(timeout=60) as http:
        response = await http.post(f"{stack.tts.url}/v1/audio/speech", json=body, headers=headers)
    response.raise_for_status()
    return response.content


@dataclass
class Heard:
    types: list[str] = field(default_factory=list)
    caller: list[str] = field(default_factory=list)
    agent: list[str] = field(default_factory=list)
    audio_bytes: int = 0
    errors: list[Any] = field(default_factory=list)


async def _read_until(conn: AsyncRealtimeConnection, heard: Heard, count: int) -> None:
    """Reads events until ``count`` responses are done."""
    done = 0
    async for event in conn:
        heard.types.append(event.type)
        if event.type == "response.output_audio.delta":
            heard.audio_bytes += len(event.delta)
        elif event.type == "conversation.item.input_audio_transcription.completed":
            heard.caller.append(event.transcript)
        elif event.type == "response.output_audio_transcript.done":
            heard.agent.append(event.transcript)
        elif event.type == "error":
            heard.errors.append(event.error)
        elif event.type == "response.done":
            done += 1
            if done >= count:
                return


async def _say(conn: AsyncRealtimeConnection, audio: bytes, fmt: AudioFormat) -> None:
    """Streams ``audio`` in 100 ms chunks at the pace of speech, then 2 s of silence, as a
    microphone keeps streaming: end of turn is decided on the audio received, so the silence must
    outlast the longest wait for a turn the end-of-turn model calls incomplete (1.6 s)."""
    chunk = fmt.bytes_for_ms(100)
    silence = bytes([fmt.encoding.silence_byte]) * fmt.bytes_for_ms(2000)
    for start in range(0, len(audio + silence), chunk):
        await conn.input_audio_buffer.append(audio=_b64((audio + silence)[start : start + chunk]))
        await asyncio.sleep(0.1)  # pacing the caller like a microphone, not an assertion


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


async def _session(stack: E2EStack, tenants: Tenants, number: str) -> AsyncOpenAI:
    await tenants.publish(number)
    secret, _ = RealtimeSigner.from_spec(DEVELOPMENT_SIGNING_KEY).mint(
        tenant_id_for(number), AGENT_ID, 1, ttl_s=120
    )
    return AsyncOpenAI(base_url=f"{stack.runtime.url}/v1", api_key=secret)


@pytest.mark.parametrize(("number", "fmt"), [("+15557770001", PCM_24K), ("+15557770002", MULAW_8K)])
async def test_recorded_speech_gets_audio_and_both_transcripts(
    stack: E2EStack, tenants: Tenants, number: str, fmt: AudioFormat
) -> None:
    client = await _session(stack, tenants, number)
    speech = transcode(await _speech(stack, QUESTION), PCM_24K, fmt)
    wire: RealtimeAudioFormatsParam = (
        {"type": "audio/pcm", "rate": 24000} if fmt == PCM_24K else {"type": "audio/pcmu"}
    )
    session: RealtimeSessionCreateRequestParam = {
        "type": "realtime",
        "audio": {"input": {"format": wire}, "output": {"format": wire}},
    }
    heard = Heard()
    async with client.realtime.connect(model="gpt-realtime") as conn:
        await conn.session.update(session=session)
        async with asyncio.timeout(60):
            await _read_until(conn, heard, 1)  # the greeting
            await _say(conn, speech, fmt)
            await _read_until(conn, heard, 1)  # the answer
    assert heard.types[0] == "session.created" and "session.updated" in heard.types
    assert heard.audio_bytes > 0 and not heard.errors, heard.errors
    assert any("open" in text.lower() for text in heard.caller), heard.caller
    assert any("nine" in text.lower() or "monday" in text.lower() for text in heard.agent), (
        heard.agent
    )


async def test_bad_events_get_errors_and_the_session_goes_on(
    stack: E2EStack, tenants: Tenants
) -> None:
    client = await _session(stack, tenants, "+15557770003")
    heard = Heard()
    async with client.realtime.connect(model="gpt-realtime") as conn:
        await conn.send_raw("not json")
        await conn.send_raw('{"type": "response.explode", "event_id": "evt_bad"}')
        async with asyncio.timeout(30):
            async for event in conn:
                if event.type == "error":
                    heard.errors.append(event.error)
                if event.type == "response.created":  # the greeting
                    break
            await conn.response.create()  # while the greeting plays: one response at a time
            await _read_until(conn, heard, 1)
            await conn.conversation.item.truncate(
                item_id="item_nope", content_index=0, audio_end_ms=5
            )
            await conn.session.update(session={"type": "realtime", "instructions": "Be brief."})
            async for event in conn:
                heard.types.append(event.type)
                if event.type == "error":
                    heard.errors.append(event.error)
                if event.type == "session.updated":
                    break
    codes = [(error.code, error.event_id) for error in heard.errors]
    assert codes == [
        ("invalid_json", None),
        ("unknown_event", "evt_bad"),
        ("conversation_already_has_active_response", None),
        ("item_not_found", None),
        ("instructions_not_allowed", None),  # the agent does not allow client instructions
    ], codes
    assert heard.types.count("session.updated") == 1


async def test_no_or_a_wrong_credential_refuses_the_upgrade(stack: E2EStack) -> None:
    for api_key in ("ek_forged.a.b", "sb_" + "x" * 40):
        client = AsyncOpenAI(base_url=f"{stack.runtime.url}/v1", api_key=api_key)
        with pytest.raises(Exception) as refused:
            async with client.realtime.connect(model="gpt-realtime") as conn:
                await conn.recv()
        assert "401" in str(refused.value) or "400" in str(refused.value), refused.value


SERVICES = (
    "We offer cleanings and checkups. We also do fillings, whitening, crowns and implants. A "
    "cleaning takes about forty five minutes. We see patients on Thursday evenings too. And we "
    "accept most insurance plans."
)


async def _interrupt(conn: AsyncRealtimeConnection, speech: bytes, after_s: float) -> None:
    await asyncio.sleep(after_s)  # talk over the answer once it has played a while
    await _say(conn, speech, PCM_24K)


async def test_barge_in_with_truncate_trims_the_answer_to_what_was_heard(
    stack: E2EStack, tenants: Tenants
) -> None:
    number = "+15557770004"
    rules = e2e_agent().turn_taking.model_copy(update={"barge_in_min_speech_ms": 150})
    await tenants.publish(number, e2e_agent(turn_taking=rules))
    secret, _ = RealtimeSigner.from_spec(DEVELOPMENT_SIGNING_KEY).mint(
        tenant_id_for(number), AGENT_ID, 1, ttl_s=120
    )
    client = AsyncOpenAI(base_url=f"{stack.runtime.url}/v1", api_key=secret)
    question = await _speech(stack, "Tell me about your services.")
    interruption = await _speech(stack, "Excuse me, do you accept insurance?")
    loop = asyncio.get_running_loop()
    heard = Heard()
    answer_id: str | None = None
    first_delta_s = played_ms = 0.0
    retrieved: str | None = None
    tasks: list[asyncio.Task[None]] = []
    async with client.realtime.connect(model="gpt-realtime") as conn:
        async with asyncio.timeout(120):
            await _read_until(conn, heard, 1)  # the greeting
            tasks.append(asyncio.create_task(_say(conn, question, PCM_24K)))
            async for event in conn:
                heard.types.append(event.type)
                if event.type == "response.output_audio.delta" and answer_id is None:
                    answer_id, first_delta_s = event.item_id, loop.time()
                    tasks.append(asyncio.create_task(_interrupt(conn, interruption, 3.0)))
                elif event.type == "input_audio_buffer.speech_started" and answer_id:
                    played_ms = round((loop.time() - first_delta_s) * 1000)
                    await conn.conversation.item.truncate(
                        item_id=answer_id, content_index=0, audio_end_ms=int(played_ms)
                    )
                elif event.type == "response.done" and event.response.status == "cancelled":
                    assert answer_id is not None
                    await conn.conversation.item.retrieve(item_id=answer_id)
                elif event.type == "conversation.item.retrieved":
                    content = event.item.content[0]  # type: ignore[union-attr]
                    retrieved = getattr(content, "transcript", None)
                elif event.type == "response.output_audio_transcript.done" and retrieved:
                    heard.agent.append(event.transcript)
                    break
        for task in tasks:
            await task
    assert "conversation.item.truncated" in heard.types, heard.types
    assert retrieved, heard.types
    assert len(retrieved) < len(SERVICES) and SERVICES.startswith(retrieved.rstrip(".")), retrieved
    answer = heard.agent[-1].lower()
    assert any(word in answer for word in ("insurance", "delta", "cigna", "plans")), answer


async def test_a_manual_commit_is_answered_when_the_client_asks(
    stack: E2EStack, tenants: Tenants
) -> None:
    client = await _session(stack, tenants, "+15557770005")
    speech = await _speech(stack, QUESTION)
    heard = Heard()
    async with client.realtime.connect(model="gpt-realtime") as conn:
        manual: RealtimeSessionCreateRequestParam = {
            "type": "realtime",
            "audio": {"input": {"turn_detection": None}},
        }
        await conn.session.update(session=manual)
        async with asyncio.timeout(90):
            await _read_until(conn, heard, 1)  # the greeting
            greeted = len(heard.types)
            await _say(conn, speech, PCM_24K)
            await conn.input_audio_buffer.commit()
            async for event in conn:
                heard.types.append(event.type)
                if event.type == "conversation.item.input_audio_transcription.completed":
                    heard.caller.append(event.transcript)
                    break
            unasked = [t for t in heard.types[greeted:] if t.startswith("response.")]
            await conn.response.create()
            await _read_until(conn, heard, 1)
    assert "input_audio_buffer.speech_started" not in heard.types  # no server VAD
    assert unasked == [], unasked  # the commit alone is not answered
    assert "input_audio_buffer.committed" in heard.types and not heard.errors, heard.errors
    assert any("open" in text.lower() for text in heard.caller), heard.caller
    assert heard.agent and any(w in heard.agent[-1].lower() for w in ("nine", "monday")), (
        heard.agent
    )
    assert heard.audio_bytes > 0


async def test_response_cancel_stops_the_answer_and_keeps_what_was_sent(
    stack: E2EStack, tenants: Tenants
) -> None:
    client = await _session(stack, tenants, "+15557770006")
    heard = Heard()
    status: str | None = None
    kept: str | None = None
    answer_bytes = 0
    async with client.realtime.connect(model="gpt-realtime") as conn:
        async with asyncio.timeout(90):
            await _read_until(conn, heard, 1)  # the greeting
            await conn.conversation.item.create(
                item={
                    "type": "message",
                    "role": "user",
                    "content": [{"type": "input_text", "text": "Tell me about your services."}],
                }
            )
            await conn.response.create()
            async for event in conn:
                heard.types.append(event.type)
                if event.type == "response.output_audio.delta":
                    answer_bytes += len(base64.b64decode(event.delta))
                    sent_a_sentence = answer_bytes >= PCM_24K.bytes_for_ms(3000)
                    if sent_a_sentence and "cancel" not in heard.types:
                        heard.types.append("cancel")
                        await conn.response.cancel()
                elif event.type == "response.output_audio_transcript.done":
                    kept = event.transcript
                elif event.type == "response.done":
                    status = event.response.status
                    break
    assert status == "cancelled", heard.types
    assert kept and len(kept) < len(SERVICES) and SERVICES.startswith(kept.rstrip(".")), kept
