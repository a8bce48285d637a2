"""Models are found in their packages; the split base model is joined once, checked, reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from switchboard_stt.errors import ModelLoadError
from switchboard_stt.model_files import (
    MODEL_FILES,
    WHISPER_BASE,
    SplitModel,
    assemble_split_model,
    resolve_model,
)

pytestmark = pytest.mark.models


def test_tiny_en_resolves_to_the_packaged_folder(tmp_path: Path) -> None:
    location = resolve_model("tiny.en", tmp_path)
    assert location.name == "tiny.en"
    assert all((location.path / name).is_file() for name in MODEL_FILES)
    assert not any(tmp_path.iterdir()), "a packaged model needs no cache"


def test_base_is_joined_once_with_its_side_files_and_then_reused(tmp_path: Path) -> None:
    folder = assemble_split_model(WHISPER_BASE, tmp_path)
    model_bin = folder / "model.bin"
    assert model_bin.stat().st_size == WHISPER_BASE.size_bytes
    assert all((folder / name).is_file() for name in MODEL_FILES)
    first_inode = model_bin.stat().st_ino
    assert assemble_split_model(WHISPER_BASE, tmp_path) == folder
    assert model_bin.stat().st_ino == first_inode, "a complete model is not rewritten"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "no temporary files left"


def test_a_truncated_base_model_is_joined_again(tmp_path: Path) -> None:
    folder = assemble_split_model(WHISPER_BASE, tmp_path)
    (folder / "model.bin").write_bytes(b"partial")
    resolve_model("base", tmp_path)
    assert (folder / "model.bin").stat().st_size == WHISPER_BASE.size_bytes


def test_a_checksum_mismatch_is_refused_and_leaves_no_model(tmp_path: Path) -> None:
    wrong = SplitModel(
        name="wrong",
        parts=WHISPER_BASE.parts,
        side_files_dir=WHISPER_BASE.side_files_dir,
        size_bytes=WHISPER_BASE.size_bytes,
        sha256="0" * 64,
    )
    with pytest.raises(ModelLoadError, match="checksum"):
        assemble_split_model(wrong, tmp_path)
    assert not (tmp_path / "whisper-wrong" / "model.bin").exists()


def test_a_local_ctranslate2_folder_is_accepted(tmp_path: Path) -> None:
    packaged = resolve_model("tiny.en", tmp_path).path
    local = tmp_path / "my-model"
    local.mkdir()
    for name in MODEL_FILES:
        (local / name).symlink_to(packaged / name)
    assert resolve_model(str(local), tmp_path).path == local


def test_an_unknown_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match=r"tiny\.en"):
        resolve_model("large-v3", tmp_path)
