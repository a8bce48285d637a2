"""Pre-rendered mu-law phrases (Piper en_US-joe-medium, 8 kHz) used when TTS is down."""
