"""A Piper model is split once, then its cached graphs are reused; an unwritable cache still
gives working sessions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from switchboard_tts.engines.piper import bundled_voice_files
from switchboard_tts.engines.piper_split import SplitSessions, load_split, model_digest

pytestmark = pytest.mark.models


def runs(sessions: SplitSessions) -> bool:
    ids = np.array([[1, 20, 0, 35, 0, 2]], dtype=np.int64)
    feed = {
        "input": ids,
        "input_lengths": np.array([ids.shape[1]], dtype=np.int64),
        "scales": np.array([0.667, 1.0, 0.8], dtype=np.float32),
    }
    z_p, mask = sessions.frontend.run(None, feed)
    (audio,) = sessions.decoder.run(
        None, dict(zip(sessions.decoder_inputs, (z_p, mask), strict=True))
    )
    return bool(np.asarray(audio).size == z_p.shape[2] * sessions.hop)


def test_the_split_is_cached_by_model_digest_and_reused(tmp_path: Path) -> None:
    model = bundled_voice_files().model_path
    first = load_split(model, tmp_path, use_cuda=False)
    (folder,) = (tmp_path / "piper").iterdir()
    assert folder.name == f"{model.stem}-{model_digest(model)}"
    stamps = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert len(stamps) == 3  # front-end, decoder, metadata
    again = load_split(model, tmp_path, use_cuda=False)
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == stamps
    assert first.hop == again.hop == 256
    assert runs(again)


def test_an_unwritable_cache_splits_for_this_process_only(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    sessions = load_split(bundled_voice_files().model_path, blocked, use_cuda=False)
    assert runs(sessions)
    assert blocked.is_file()
