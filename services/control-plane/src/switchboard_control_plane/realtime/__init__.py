"""Realtime sessions: ephemeral client secrets for the voice runtime's WS /v1/realtime."""
