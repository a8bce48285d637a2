"""Agents and their immutable, publishable versions."""
