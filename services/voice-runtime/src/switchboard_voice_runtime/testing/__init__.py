"""Test support for call sessions: a virtual-time event loop and fakes typed against the ports.

Used by the runtime's own tests, the edge's tests and the benchmarks; never by production code.
"""
