from __future__ import annotations

import pytest
from pydantic import ValidationError

from switchboard_common.contract.tenant_config import (
    AgentConfig,
    KnowledgeSection,
    SttConfig,
    ToolsConfig,
    TransferTarget,
)
from switchboard_common.contract.vocabulary import stt_prompt, stt_vocabulary


def _agent(
    vocabulary: tuple[str, ...] = ("Acme Dental", "Dr. Okafor", "teeth whitening"),
) -> AgentConfig:
    return AgentConfig(
        agent_id="agt_1",
        version=1,
        name="Front desk",
        greeting="Hello",
        knowledge=(
            KnowledgeSection(title="Invisalign, braces", content="We fit aligners."),
            KnowledgeSection(title="Hours", content="9 to 5."),
        ),
        stt=SttConfig(vocabulary=vocabulary),
        tools=ToolsConfig(
            transfer_targets=(
                TransferTarget(name="Nurse Priya", number="+15551230000"),
                TransferTarget(name="front  DESK", number="+15551230001"),
            )
        ),
    )


def test_vocabulary_puts_the_tenant_list_first_then_name_staff_and_titles_each_once() -> None:
    assert stt_vocabulary(_agent()) == (
        "Acme Dental",
        "Dr. Okafor",
        "teeth whitening",
        "Front desk",
        "Nurse Priya",
        "Invisalign braces",
        "Hours",
    )


def test_prompt_joins_whole_terms_within_the_cap() -> None:
    agent = _agent()
    assert stt_prompt(agent) == (
        "Acme Dental, Dr. Okafor, teeth whitening, Front desk, Nurse Priya, Invisalign braces, "
        "Hours."
    )
    assert stt_prompt(agent, max_chars=24) == "Acme Dental, Dr. Okafor."
    assert stt_prompt(agent, max_chars=23) == "Acme Dental."
    assert stt_prompt(agent, max_chars=5) == ""


def test_agent_without_vocabulary_still_offers_its_name() -> None:
    bare = AgentConfig(agent_id="a", version=1, greeting="Hi")
    assert stt_vocabulary(bare) == ()
    assert stt_prompt(bare) == ""
    assert stt_prompt(_agent(())).startswith("Front desk, Nurse Priya")


@pytest.mark.parametrize("term", ["", "a, b", "x" * 61, "two\nlines"])
def test_vocabulary_terms_are_short_single_terms(term: str) -> None:
    with pytest.raises(ValidationError):
        SttConfig(vocabulary=(term,))


def test_vocabulary_holds_at_most_100_terms() -> None:
    SttConfig(vocabulary=tuple(f"t{i}" for i in range(100)))
    with pytest.raises(ValidationError):
        SttConfig(vocabulary=tuple(f"t{i}" for i in range(101)))
