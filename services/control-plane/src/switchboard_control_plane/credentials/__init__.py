"""Tenant secrets behind one provider interface; values are write-only."""
