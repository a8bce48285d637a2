"""Switchboard control-plane service."""
