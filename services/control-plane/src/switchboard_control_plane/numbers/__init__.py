"""Phone numbers (DIDs) and the agent each routes to."""
