"""The admin console: its static bundle at ``/admin`` and the API routes only it needs."""
