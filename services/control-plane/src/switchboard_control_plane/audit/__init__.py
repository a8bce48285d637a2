"""Append-only, hash-chained audit log of every change."""
