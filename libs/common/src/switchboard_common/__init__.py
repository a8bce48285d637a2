"""Switchboard's shared contracts and cross-cutting service setup."""
