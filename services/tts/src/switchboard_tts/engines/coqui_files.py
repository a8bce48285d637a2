"""An operator's Coqui model folder: which model it holds and which files make it up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from switchboard_tts.errors import EngineLoadError

CONFIG_FILE = "config.json"
# Checkpoint names, in order of preference: what Coqui releases ship, then what its trainer writes.
CHECKPOINT_NAMES = ("model.pth", "model_file.pth", "best_model.pth", "checkpoint.pth")
KINDS = ("vits", "xtts")


@dataclass(frozen=True, slots=True)
class CoquiModelFiles:
    """`folder/config.json` (whose `model` names the architecture) and the checkpoint beside it."""

    folder: Path
    kind: str
    config_path: Path
    checkpoint_path: Path

    @property
    def name(self) -> str:
        """The model's name in voice ids: the folder's name."""
        return self.folder.name

    @classmethod
    def find(cls, folder: Path) -> CoquiModelFiles:
        """The model in `folder`, or EngineLoadError saying what is missing. Reads no weights."""
        config_path = folder / CONFIG_FILE
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise EngineLoadError(f"Coqui model folder {folder} has no {CONFIG_FILE}.") from None
        except (OSError, ValueError) as exc:
            raise EngineLoadError(f"Coqui model config {config_path} is unreadable.") from exc
        kind = str(config.get("model", "")).lower() if isinstance(config, dict) else ""
        if kind not in KINDS:
            raise EngineLoadError(
                f"Coqui model {folder.name!r} is a {kind or 'unnamed'!r} model; "
                f"the engine runs {' and '.join(KINDS)} models."
            )
        return cls(folder, kind, config_path, _checkpoint_in(folder))


def _checkpoint_in(folder: Path) -> Path:
    for name in CHECKPOINT_NAMES:
        if (folder / name).is_file():
            return folder / name
    steps = {_step(path): path for path in folder.glob("checkpoint_*.pth")}
    steps.pop(None, None)
    if steps:
        return steps[max(step for step in steps if step is not None)]
    raise EngineLoadError(
        f"Coqui model folder {folder} has no checkpoint.",
        details={"expected_one_of": [*CHECKPOINT_NAMES, "checkpoint_<step>.pth"]},
    )


def _step(path: Path) -> int | None:
    """The training step in `checkpoint_<step>.pth`; None for another name."""
    step = path.stem.removeprefix("checkpoint_")
    return int(step) if step.isdigit() else None
