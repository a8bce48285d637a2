"""Scenario files and the demo agent."""

import json
from pathlib import Path

import pytest

from switchboard_callsim.scenario import ScenarioError, load_scenario, parse_scenario
from switchboard_common.contract import AgentConfig

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def test_demo_scenario_has_at_least_three_caller_turns_with_word_expectations() -> None:
    scenario = load_scenario(SCENARIOS / "demo.yaml")
    spoken = [step for step in scenario.steps if step.say]
    assert len(spoken) >= 3
    assert all(step.expect and step.expect.contains_any for step in spoken)
    assert scenario.expect.greeting is not None


def test_every_bundled_scenario_loads() -> None:
    for path in SCENARIOS.glob("*.yaml"):
        assert load_scenario(path).steps


def test_demo_agent_validates_as_an_agent_config_body() -> None:
    body = json.loads((SCENARIOS / "demo_agent.json").read_text())
    assert "agent_id" not in body
    assert "version" not in body
    agent = AgentConfig.model_validate({**body, "agent_id": "demo", "version": 1})
    titles = {section.title for section in agent.knowledge}
    assert {"Hours", "Location", "Insurance"} <= titles
    assert agent.business_hours is not None
    assert agent.business_hours.timezone == "UTC"
    assert len(agent.business_hours.windows[0].days) == 7


def test_demo_expectations_use_words_from_the_demo_agent() -> None:
    agent_text = (SCENARIOS / "demo_agent.json").read_text().lower()
    scenario = load_scenario(SCENARIOS / "demo.yaml")
    for step in scenario.steps:
        assert step.expect is not None
        assert any(word.lower() in agent_text for word in step.expect.contains_any), step.say


def test_a_step_with_two_actions_is_rejected_with_its_path() -> None:
    data = {"name": "x", "steps": [{"say": "hi"}, {"say": "a", "dtmf": "1"}]}
    with pytest.raises(ScenarioError, match=r"steps\.1.*exactly one of") as info:
        parse_scenario(data, source="bad.yaml")
    assert str(info.value).startswith("bad.yaml")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "x", "steps": []}, "steps"),
        (
            {"name": "x", "steps": [{"say": "hi", "at_ms": 1, "after_agent_silence_ms": 5}]},
            "not both",
        ),
        ({"name": "x", "steps": [{"dtmf": "12a"}]}, r"steps\.0\.dtmf"),
        ({"name": "x", "steps": [{"say": "hi", "sya": 1}]}, r"steps\.0\.sya"),
        ({"name": "x", "to_number": "5551234", "steps": [{"hangup": True}]}, "to_number"),
        ({"steps": [{"hangup": True}]}, "name"),
        (["not", "a", "mapping"], "mapping"),
    ],
)
def test_invalid_scenarios_name_the_problem(data: object, message: str) -> None:
    with pytest.raises(ScenarioError, match=message):
        parse_scenario(data)


def test_unreadable_and_non_yaml_files_are_scenario_errors(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="cannot read"):
        load_scenario(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n")
    with pytest.raises(ScenarioError, match="not valid YAML"):
        load_scenario(broken)


def test_wav_paths_are_relative_to_the_scenario_file(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("name: s\nsteps:\n  - wav: audio/hello.wav\n")
    scenario = load_scenario(path)
    assert scenario.wav_path(scenario.steps[0]) == tmp_path / "audio" / "hello.wav"
