"""Usage metering, plans with caps, and the usage notices."""
