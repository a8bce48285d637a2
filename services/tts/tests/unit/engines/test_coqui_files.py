"""Finding the model in an operator's Coqui folder: its kind and its checkpoint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from switchboard_tts.engines.coqui_files import CoquiModelFiles
from switchboard_tts.errors import EngineLoadError


def _folder(root: Path, config: object, *checkpoints: str) -> Path:
    folder = root / "voice"
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    for name in checkpoints:
        (folder / name).write_bytes(b"")
    return folder


@pytest.mark.parametrize("kind", ["vits", "xtts", "VITS"])
def test_the_configs_model_field_names_the_kind(tmp_path: Path, kind: str) -> None:
    files = CoquiModelFiles.find(_folder(tmp_path, {"model": kind}, "model.pth"))
    assert (files.name, files.kind) == ("voice", kind.lower())
    assert files.checkpoint_path == tmp_path / "voice" / "model.pth"


def test_a_released_checkpoint_wins_over_training_checkpoints(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"model": "vits"}, "checkpoint_900.pth", "best_model.pth")
    assert CoquiModelFiles.find(folder).checkpoint_path.name == "best_model.pth"


def test_of_training_checkpoints_the_latest_step_is_taken(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path, {"model": "vits"}, "checkpoint_900.pth", "checkpoint_1000.pth", "checkpoint_x.pth"
    )
    assert CoquiModelFiles.find(folder).checkpoint_path.name == "checkpoint_1000.pth"


@pytest.mark.parametrize(
    ("config", "checkpoints", "message"),
    [
        (
            {"model": "tacotron2"},
            ["model.pth"],
            "a 'tacotron2' model; the engine runs vits and xtts",
        ),
        (["vits"], ["model.pth"], "'unnamed' model"),
        ({"model": "vits"}, [], "has no checkpoint"),
    ],
)
def test_a_folder_the_engine_cannot_run_says_why(
    tmp_path: Path, config: object, checkpoints: list[str], message: str
) -> None:
    with pytest.raises(EngineLoadError, match=message):
        CoquiModelFiles.find(_folder(tmp_path, config, *checkpoints))


def test_a_folder_without_a_config_says_so(tmp_path: Path) -> None:
    with pytest.raises(EngineLoadError, match=r"has no config\.json"):
        CoquiModelFiles.find(tmp_path)


def test_an_unreadable_config_says_so(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(EngineLoadError, match="unreadable"):
        CoquiModelFiles.find(tmp_path)
