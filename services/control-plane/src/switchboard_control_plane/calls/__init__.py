"""Call records and analytics, fed by the runtime's call events."""
