"""Audio for telephony: G.711 codecs, resampling, 20 ms framing, WAV files."""

from switchboard_common.audio.convert import decode, encode, transcode
from switchboard_common.audio.formats import (
    TELEPHONY_MULAW,
    TELEPHONY_PCM16,
    AudioEncoding,
    AudioFormat,
)
from switchboard_common.audio.framing import FrameSplitter, frame_bytes
from switchboard_common.audio.g711 import (
    alaw_decode,
    alaw_encode,
    mulaw_decode,
    mulaw_encode,
)
from switchboard_common.audio.resample import Resampler, resample
from switchboard_common.audio.wav import read_wav, wav_bytes, write_wav

__all__ = [
    "TELEPHONY_MULAW",
    "TELEPHONY_PCM16",
    "AudioEncoding",
    "AudioFormat",
    "FrameSplitter",
    "Resampler",
    "alaw_decode",
    "alaw_encode",
    "decode",
    "encode",
    "frame_bytes",
    "mulaw_decode",
    "mulaw_encode",
    "read_wav",
    "resample",
    "transcode",
    "wav_bytes",
    "write_wav",
]
