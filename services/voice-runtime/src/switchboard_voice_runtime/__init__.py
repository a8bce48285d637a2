"""Switchboard voice-runtime service."""
