"""Authorization decisions from the Rego policies in ``policies/``: in process or via OPA."""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import httpx
import regopy

QUERY = "data.switchboard.authz"
DECISION_CACHE_SIZE = 4096
# Builtins whose result is not a function of the input: a policy using one is never memoised.
IMPURE_BUILTINS = re.compile(r"\b(time\.now_ns|rand\.|http\.send|uuid\.|opa\.runtime|net\.lookup)")


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    reason: str = "insufficient_role"


class Authorizer(Protocol):
    """Decides whether a principal may perform an action; anything undefined is a denial."""

    async def decide(self, policy_input: dict[str, Any]) -> Decision: ...


def default_policy_dir() -> Path:
    """``policies/`` at the repository root (overridable with CONTROL_PLANE_POLICY_DIR)."""
    return Path(__file__).resolve().parents[5] / "policies"


def load_modules(policy_dir: Path) -> dict[str, str]:
    """The policy modules of a directory, without the ``*_test.rego`` files."""
    modules = {
        path.stem: path.read_text()
        for path in sorted(policy_dir.glob("*.rego"))
        if not path.stem.endswith("_test")
    }
    if not modules:
        raise FileNotFoundError(f"no Rego policies in {policy_dir}")
    return modules


def _decision(result: object) -> Decision:
    if not isinstance(result, dict):
        return Decision(False)
    allowed = result.get("allow") is True
    reason = result.get("reason")
    return Decision(allowed, reason if isinstance(reason, str) else "insufficient_role")


class RegoAuthorizer:
    """Evaluates the policies with regopy (rego-cpp), compiled once into a bundle.

    The policies are loaded once and have no data documents, so a decision is a pure function
    of the input (unless a policy calls an impure builtin such as ``time.now_ns``, which turns
    memoisation off): decisions are memoised per exact input in a bounded LRU. A policy change
    needs a restart either way.
    """

    def __init__(self, policy_dir: Path, *, cache_size: int = DECISION_CACHE_SIZE) -> None:
        modules = load_modules(policy_dir)
        self._interpreter = regopy.Interpreter()
        for name, source in modules.items():
            self._interpreter.add_module(name, source)
        self._bundle = self._interpreter.build(QUERY)
        if not self._bundle.ok():
            raise RuntimeError("the Rego policies do not compile")
        self._lock = threading.Lock()
        pure = not any(IMPURE_BUILTINS.search(source) for source in modules.values())
        self._cache_size = cache_size if pure else 0
        self._cache: OrderedDict[str, Decision] = OrderedDict()
        self.evaluations = 0

    async def decide(self, policy_input: dict[str, Any]) -> Decision:
        key = json.dumps(policy_input, sort_keys=True, default=repr)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        decision = self._evaluate(policy_input)
        if self._cache_size:
            self._cache[key] = decision
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return decision

    def _evaluate(self, policy_input: dict[str, Any]) -> Decision:
        with self._lock:
            self.evaluations += 1
            self._interpreter.set_input(regopy.Input(policy_input))
            output = self._interpreter.query_bundle(self._bundle)
        if not output.results or not output.results[0].expressions:
            return Decision(False)
        return _decision(output.results[0].expressions[0])


class OpaAuthorizer:
    """Asks an OPA server (``POST /v1/data/switchboard/authz``); errors deny."""

    def __init__(self, base_url: str, client: httpx.AsyncClient) -> None:
        self._url = base_url.rstrip("/") + "/v1/data/switchboard/authz"
        self._client = client

    async def decide(self, policy_input: dict[str, Any]) -> Decision:
        try:
            response = await self._client.post(self._url, json={"input": policy_input})
            response.raise_for_status()
            return _decision(response.json().get("result"))
        except (httpx.HTTPError, ValueError):
            return Decision(False, "policy_unavailable")
