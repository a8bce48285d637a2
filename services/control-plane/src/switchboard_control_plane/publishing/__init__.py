"""Tenant snapshots, the outbox, the Redis publisher and the reconciler."""
