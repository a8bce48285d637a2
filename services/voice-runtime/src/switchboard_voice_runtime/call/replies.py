"""Voicing a brain's reply: its text cut into sentences and spoken while it still streams."""

from __future__ import annotations

import asyncio
from contextlib import aclosing

from switchboard_voice_runtime.call.brain import BrainAction, Reply
from switchboard_voice_runtime.call.ports import Clock
from switchboard_voice_runtime.call.records import AgentTurn
from switchboard_voice_runtime.call.sentences import SentenceSplitter
from switchboard_voice_runtime.call.speaker import Speaker
from switchboard_voice_runtime.providers.errors import ProviderError


async def voice_reply(
    turn: AgentTurn, reply: Reply, speaker: Speaker, clock: Clock
) -> list[BrainAction]:
    """Speaks the reply sentence by sentence (the first one as soon as it is complete, while
    the brain goes on) and returns the actions it asked for. Raises ProviderError when the brain
    or TTS fails; audio already queued stays queued."""
    sentences: asyncio.Queue[str | None] = asyncio.Queue()
    actions: list[BrainAction] = []
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(_think(turn, reply, sentences, actions, clock))
            while (sentence := await sentences.get()) is not None:
                await speaker.speak(turn.utterance, sentence)
    except ExceptionGroup as failure:
        matched, _ = failure.split(ProviderError)
        if matched is None:
            raise
        first = matched.exceptions[0]
        while isinstance(first, ExceptionGroup):
            first = first.exceptions[0]
        raise first from None
    return actions


async def _think(
    turn: AgentTurn,
    reply: Reply,
    sentences: asyncio.Queue[str | None],
    actions: list[BrainAction],
    clock: Clock,
) -> None:
    splitter = SentenceSplitter()
    try:
        async with aclosing(reply.outputs) as outputs:
            async for output in outputs:
                if output.text:
                    if turn.stages.llm_first_token_s is None:
                        turn.stages.llm_first_token_s = clock.now()
                    for sentence in splitter.push(output.text):
                        sentences.put_nowait(sentence)
                if output.action is not None:
                    actions.append(output.action)
        for sentence in splitter.flush():
            sentences.put_nowait(sentence)
    finally:
        sentences.put_nowait(None)
