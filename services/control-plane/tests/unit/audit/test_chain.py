"""Audit diffs keep only changed fields and never carry secret values."""

from __future__ import annotations

from switchboard_control_plane.audit.chain import GENESIS_HASH, changes, entry_hash


def test_changes_hold_only_differing_fields_with_secrets_redacted() -> None:
    diff = changes(
        {"name": "a", "limits": {"x": 1}, "auth_token": "old"},
        {"name": "b", "limits": {"x": 1}, "auth_token": "new", "value": "v"},
    )
    assert diff == {"before": {"name": "a"}, "after": {"name": "b", "value": "[redacted]"}}


def test_hash_depends_on_previous_hash_and_fields() -> None:
    first = entry_hash(GENESIS_HASH, {"a": 1})
    assert first != entry_hash(GENESIS_HASH, {"a": 2})
    assert first != entry_hash(first, {"a": 1})
    assert first == entry_hash(GENESIS_HASH, {"a": 1})
