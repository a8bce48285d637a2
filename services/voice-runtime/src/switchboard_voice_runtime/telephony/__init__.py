"""Carrier wire formats: parse and format, no I/O."""
