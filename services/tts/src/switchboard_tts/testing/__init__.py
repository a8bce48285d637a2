"""Test support for the TTS service: tiny Coqui models built with coqui-tts.

Used by the service's tests and the benchmarks; never by production code.
"""
