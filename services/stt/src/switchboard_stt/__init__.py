"""Switchboard stt service."""
