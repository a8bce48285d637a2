"""Alembic migrations of the control-plane schema."""
