"""Postgres access: declarative base, engine and sessions, tenant-scoped repository."""
