"""Test support for call sessions: a virtual-time event loop, fakes typed against the ports,
and tenants published to Redis as the control plane publishes them.

Used by the runtime's own tests, the edge's tests and the benchmarks; never by production code.
"""
