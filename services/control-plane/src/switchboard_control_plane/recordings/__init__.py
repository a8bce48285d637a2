"""Call recordings: the seekable WAV route, why one is missing, and tenant retention."""
