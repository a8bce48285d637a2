"""Tenants: the businesses that own numbers, agents and secrets."""
