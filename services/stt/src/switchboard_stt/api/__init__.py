"""The STT service's HTTP and websocket edge."""
