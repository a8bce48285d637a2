"""Pieces of the voice benchmark (tools/bench/voice.py): stack, tenant, callers, figures."""
