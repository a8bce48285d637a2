"""A Piper voice's ONNX graph split in two (front-end and decoder), once per model file.

`streaming-vits` finds the seam structurally: the front-end (text encoder, duration predictor,
alignment, prior sampling) ends at the latents `z_p`; the decoder (flow, HiFi-GAN) is a CNN over
the frame axis with a finite receptive field, so it can run on overlapping windows of frames.
Splitting takes a few seconds, so the two graphs are kept in a cache folder keyed by the model's
SHA-256 and reused by every later start; where that folder cannot be written, the split is made
in a temporary folder for this process only. Never at request time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import onnxruntime
from streaming_vits.graph import SplitModel, split

from switchboard_tts.errors import EngineLoadError

logger = logging.getLogger("switchboard.tts.piper")

META_SUFFIX = ".split.json"


@dataclass(frozen=True, slots=True)
class SplitSessions:
    """The two halves, ready to run. ONNX Runtime sessions are safe to run from many threads."""

    frontend: onnxruntime.InferenceSession
    decoder: onnxruntime.InferenceSession
    frontend_inputs: tuple[str, ...]
    decoder_inputs: tuple[str, ...]
    """z_p and the frame mask (sliced per chunk), then the speaker embedding of multi-speaker
    voices (passed whole)."""
    hop: int


def model_digest(model_path: Path) -> str:
    digest = hashlib.sha256()
    with model_path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def load_split(model_path: Path, cache_dir: Path, *, use_cuda: bool) -> SplitSessions:
    """The voice's front-end and decoder sessions, splitting the model first if not cached."""
    folder = cache_dir / "piper" / f"{model_path.stem}-{model_digest(model_path)}"
    try:
        return _sessions(folder, _cached_split(model_path, folder), use_cuda)
    except OSError as exc:
        logger.warning(
            "tts.piper_split_cache_unwritable",
            extra={"fields": {"folder": str(folder), "error": str(exc)}},
        )
    with tempfile.TemporaryDirectory(prefix="piper-split-") as scratch:
        meta = _split_into(model_path, Path(scratch))
        return _sessions(Path(scratch), meta, use_cuda)


def _cached_split(model_path: Path, folder: Path) -> SplitModel:
    meta_path = folder / f"{model_path.stem}{META_SUFFIX}"
    if meta_path.is_file():
        return SplitModel.load(meta_path)
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        meta = _split_into(model_path, scratch)
        try:
            os.rename(scratch, folder)  # atomic; another process may have won the race
        except OSError:
            if not meta_path.is_file():
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return meta


def _split_into(model_path: Path, folder: Path) -> SplitModel:
    logger.info("tts.piper_split", extra={"fields": {"model": model_path.name}})
    try:
        return split(model_path, folder, verbose=False)
    except (ValueError, KeyError) as exc:
        raise EngineLoadError(f"Piper voice {model_path.stem!r} could not be split.") from exc


def _sessions(folder: Path, meta: SplitModel, use_cuda: bool) -> SplitSessions:
    providers = ["CUDAExecutionProvider"] if use_cuda else ["CPUExecutionProvider"]
    frontend = onnxruntime.InferenceSession(str(folder / meta.frontend), providers=providers)
    decoder = onnxruntime.InferenceSession(str(folder / meta.decoder), providers=providers)
    return SplitSessions(
        frontend=frontend,
        decoder=decoder,
        frontend_inputs=tuple(meta.frontend_inputs),
        decoder_inputs=tuple(n for n in (meta.seam.z_p, meta.seam.mask, meta.seam.g) if n),
        hop=int(meta.hop),
    )
