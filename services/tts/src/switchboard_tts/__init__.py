"""Switchboard tts service."""
