"""The words an agent's callers are likely to say that a general speech model may misspell.

The runtime sends them with every caller turn as the STT request's ``prompt`` (comma-separated
terms, most important first); the STT service reads at most its token budget of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from switchboard_common.contract.tenant_config import AgentConfig

PROMPT_MAX_CHARS = 400
"""Longest prompt the runtime sends (about 90 Whisper tokens; the service cuts it further)."""


def stt_vocabulary(agent: AgentConfig) -> tuple[str, ...]:
    """The tenant's word list first, then the agent's name, staff (transfer target) names and
    knowledge section titles; each term once (case-insensitively), commas removed."""
    candidates = (
        *agent.stt.vocabulary,
        agent.name,
        *(target.name for target in agent.tools.transfer_targets),
        *(section.title for section in agent.knowledge),
    )
    seen: set[str] = set()
    terms: list[str] = []
    for candidate in candidates:
        term = " ".join(candidate.replace(",", " ").split())
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return tuple(terms)


def stt_prompt(agent: AgentConfig, *, max_chars: int = PROMPT_MAX_CHARS) -> str:
    """The agent's vocabulary as the STT prompt (see ``prompt_from_terms``)."""
    return prompt_from_terms(stt_vocabulary(agent), max_chars=max_chars)


def prompt_from_terms(terms: Iterable[str], *, max_chars: int = PROMPT_MAX_CHARS) -> str:
    """Whole terms joined by ", " and closed with a period, at most ``max_chars`` ("" for none).

    The period makes Whisper continue in sentences with punctuation; of the wordings measured
    (tools/bench/stt_wer.py; docs/speech.md) this list did best, and it is the shortest."""
    prompt = ""
    for term in terms:
        candidate = f"{prompt}, {term}" if prompt else term
        if len(candidate) + 1 > max_chars:
            break
        prompt = candidate
    return f"{prompt}." if prompt else ""
