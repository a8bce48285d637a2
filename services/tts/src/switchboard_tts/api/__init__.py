"""The TTS service's HTTP edge."""
