"""The Rego policy tests (policies/*_test.rego) pass under regopy, and the authorizer obeys."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import regopy

from switchboard_control_plane.access.policy import RegoAuthorizer, default_policy_dir

TEST_RULE = re.compile(r"^(test_\w+) if", re.MULTILINE)


def _results(policy_dir: Path) -> dict[str, object]:
    interpreter = regopy.Interpreter()
    for path in sorted(policy_dir.glob("*.rego")):
        interpreter.add_module(path.stem, path.read_text())
    output = interpreter.query("data.switchboard.authz_test")
    assert output.results, "the policy tests did not evaluate"
    result = output.results[0].expressions[0]
    assert isinstance(result, dict)
    return result


def test_every_rego_test_rule_holds() -> None:
    policy_dir = default_policy_dir()
    source = (policy_dir / "authz_test.rego").read_text()
    names = TEST_RULE.findall(source)
    assert len(names) >= 10
    results = _results(policy_dir)
    failing = [name for name in names if results.get(name) is not True]
    assert failing == []


async def test_authorizer_denies_by_default() -> None:
    authorizer = RegoAuthorizer(default_policy_dir())
    viewer = {"platform_admin": False, "role": "viewer"}
    assert (
        await authorizer.decide(
            {"principal": viewer, "action": "agents.read", "tenant_id": "tnt_a"}
        )
    ).allowed
    denied = await authorizer.decide(
        {"principal": viewer, "action": "agents.publish", "tenant_id": "tnt_a"}
    )
    assert not denied.allowed and denied.reason == "insufficient_role"
    assert not (await authorizer.decide({})).allowed
    assert not (
        await authorizer.decide({"principal": viewer, "action": "no.such", "tenant_id": "tnt_a"})
    ).allowed


def _inputs() -> list[dict[str, Any]]:
    """One action per least role, platform, open and unknown actions, across principals."""
    actions = ["agents.read", "agents.write", "tenants.update", "tenants.delete"]
    actions += ["tenants.create", "me.read", "no.such"]
    inputs: list[dict[str, Any]] = []
    for action, admin, role, tenant, grant in itertools.product(
        actions,
        (False, True),
        (None, "viewer", "editor", "admin", "owner"),
        (None, "tnt_a"),
        (None, "owner", "bogus"),
    ):
        policy_input: dict[str, Any] = {
            "principal": {"platform_admin": admin, "role": role},
            "action": action,
            "tenant_id": tenant,
        }
        if grant is not None:
            policy_input["grant_role"] = grant
        inputs.append(policy_input)
    return inputs


async def test_memoised_decisions_equal_fresh_evaluations() -> None:
    inputs = _inputs()
    cached = RegoAuthorizer(default_policy_dir(), cache_size=len(inputs))
    fresh = RegoAuthorizer(default_policy_dir(), cache_size=0)
    expected = [await fresh.decide(policy_input) for policy_input in inputs]
    assert {d.allowed for d in expected} == {True, False}
    for _ in range(2):  # the second pass answers every input from the cache
        assert [await cached.decide(policy_input) for policy_input in inputs] == expected
    assert cached.evaluations == len(inputs)


async def test_the_decision_cache_is_bounded() -> None:
    authorizer = RegoAuthorizer(default_policy_dir(), cache_size=2)
    inputs = _inputs()[:3]
    for policy_input in [*inputs, inputs[0]]:
        await authorizer.decide(policy_input)
    assert authorizer.evaluations == 4  # inputs[0] was evicted by inputs[2]


async def test_a_policy_with_an_impure_builtin_is_not_memoised(tmp_path: Path) -> None:
    source = (default_policy_dir() / "authz.rego").read_text()
    (tmp_path / "authz.rego").write_text(source + "\nnow_ns := time.now_ns()\n")
    authorizer = RegoAuthorizer(tmp_path)
    policy_input = {"principal": {"platform_admin": True, "role": None}, "action": "me.read"}
    for _ in range(3):
        assert (await authorizer.decide(policy_input)).allowed
    assert authorizer.evaluations == 3
