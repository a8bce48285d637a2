"""Test support: a customer's webhook receiver on loopback that verifies Standard Webhooks
signatures.

Used by the control plane's integration tests and the end-to-end suite; never by production code.
"""
