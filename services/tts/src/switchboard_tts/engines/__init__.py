"""Speech engines: the SpeechEngine protocol, one module per vendor, and the registry."""
