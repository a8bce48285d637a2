"""Hashing of audit entries and redaction of secret values in before/after diffs."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

GENESIS_HASH = "0" * 64
REDACTED = "[redacted]"
SECRET_FIELDS = frozenset(
    {"value", "auth_token", "api_key", "password", "token", "key_hash", "ciphertext", "nonce"}
)


def redact(value: Any) -> Any:
    """A copy with every secret-bearing field replaced by ``[redacted]``."""
    if isinstance(value, Mapping):
        return {
            str(k): (REDACTED if k in SECRET_FIELDS and v is not None else redact(v))
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact(item) for item in value]
    return value


def json_native(value: Any) -> Any:
    """The value as it reads back from JSONB (dates as strings, tuples as lists)."""
    return json.loads(json.dumps(value, default=str))


def changes(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> dict[str, Any]:
    """``{"before": {...}, "after": {...}}`` holding only the fields that differ, redacted."""
    old = json_native(redact(before or {}))
    new = json_native(redact(after or {}))
    keys = sorted(set(old) | set(new))
    changed = [k for k in keys if old.get(k) != new.get(k)]
    return {
        "before": {k: old[k] for k in changed if k in old} if before is not None else None,
        "after": {k: new[k] for k in changed if k in new} if after is not None else None,
    }


def entry_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()
