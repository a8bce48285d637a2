"""A Coqui VITS model folder: one voice per speaker, one inference per sentence."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import torch
from TTS.config import load_config
from TTS.tts.models import setup_model

from switchboard_tts.engines.base import Pcm16
from switchboard_tts.engines.coqui_files import CoquiModelFiles
from switchboard_tts.engines.coqui_placement import Placement, to_pcm16
from switchboard_tts.errors import EngineLoadError

# Files a Coqui training run or release writes beside config.json; a path to them inside the
# config points at the trainer's machine, so the copies in the folder are used instead.
_SPEAKER_FILES = ("speakers.pth", "speakers.json", "speaker_ids.json")
_LANGUAGE_FILE = "language_ids.json"


class VitsModel:
    """A loaded VITS model (`config.model == "vits"`): single- or multi-speaker.

    Inference runs under one lock: the model's `length_scale` (speed) is an attribute set per
    call, and one torch module is not run from two threads at once. A sentence is one forward
    pass (VITS has no streaming inference); the service feeds it sentence by sentence.
    """

    def __init__(self, model: Any, placement: Placement, *, language: str) -> None:
        self._model = model
        self._placement = placement
        self._lock = threading.Lock()
        self._base_length_scale = float(model.length_scale)
        self._letter_ids = _letter_ids(model.tokenizer)
        self.sample_rate_hz = int(model.config.audio.sample_rate)
        self._language_id = _language_id(model, language)
        self.language = language if self._language_id is not None else _config_language(model)

    @classmethod
    def load(cls, files: CoquiModelFiles, placement: Placement, *, language: str) -> VitsModel:
        """Builds the model from config.json and loads its checkpoint (seconds; blocking)."""
        config = load_config(str(files.config_path))
        _point_at_folder_files(config, files.folder)
        model = setup_model(config)
        model.load_checkpoint(config, str(files.checkpoint_path), eval=True)
        model.to(placement.device)
        return cls(model, placement, language=language)

    def speakers(self) -> list[str]:
        """Speaker names; empty for a single-speaker model."""
        manager = self._model.speaker_manager
        if manager is None or not self._model.num_speakers or self._model.num_speakers < 2:
            return []
        return sorted(str(name) for name in manager.speaker_names)

    def synthesize(self, text: str, speaker: str | None, *, speed: float) -> Iterator[Pcm16]:
        """One chunk: the whole sentence, at the model's rate."""
        aux = self._aux_input(speaker)
        with self._lock, self._placement.inference():
            ids = self._model.tokenizer.text_to_ids(text, language=self._tokenizer_language())
            if not self._letter_ids.intersection(ids):
                return  # no letter or digit of the text is in the model's vocabulary
            self._model.length_scale = self._base_length_scale / speed
            tokens = torch.tensor([ids], dtype=torch.long, device=self._placement.device)
            outputs = self._model.inference(tokens, aux_input=aux)
            pcm = to_pcm16(outputs["model_outputs"])
        yield pcm

    def close(self) -> None:
        with self._lock:
            self._model = None

    def _aux_input(self, speaker: str | None) -> dict[str, Any]:
        aux: dict[str, Any] = dict.fromkeys(
            ("x_lengths", "durations", "speaker_ids", "d_vectors", "language_ids")
        )
        device = self._placement.device
        if self._language_id is not None:
            aux["language_ids"] = torch.tensor([self._language_id], device=device)
        if speaker is None:
            return aux
        manager = self._model.speaker_manager
        if self._model.args.use_d_vector_file:
            vector = manager.get_mean_embedding(speaker, num_samples=None, randomize=False)
            aux["d_vectors"] = torch.tensor([vector], dtype=torch.float32, device=device)
        else:
            aux["speaker_ids"] = torch.tensor([manager.name_to_id[speaker]], device=device)
        return aux

    def _tokenizer_language(self) -> str | None:
        return self.language if self._language_id is not None else None


def _letter_ids(tokenizer: Any) -> set[int]:
    """The ids of the vocabulary's letters and digits (graphemes or phonemes), not of its
    blanks, punctuation and spaces."""
    characters = tokenizer.characters
    return {
        characters.char_to_id(char)
        for char in characters.vocab
        if len(char) == 1 and char.isalnum()
    }


def _point_at_folder_files(config: Any, folder: Path) -> None:
    """Speaker and language files named in the config are read from the model folder."""
    for name in _SPEAKER_FILES:
        path = folder / name
        if path.is_file():
            key = "d_vector_file" if _uses_d_vectors(config) else "speakers_file"
            _set_everywhere(config, key, str(path))
            break
    languages = folder / _LANGUAGE_FILE
    if languages.is_file():
        _set_everywhere(config, "language_ids_file", str(languages))


def _uses_d_vectors(config: Any) -> bool:
    args = getattr(config, "model_args", None)
    return bool(getattr(args, "use_d_vector_file", False) or config.get("use_d_vector_file"))


def _set_everywhere(config: Any, key: str, value: str) -> None:
    if key in config:
        config[key] = [value] if key == "d_vector_file" else value
    args = getattr(config, "model_args", None)
    if args is not None and key in args:
        args[key] = [value] if key == "d_vector_file" else value


def _language_id(model: Any, language: str) -> int | None:
    """The language embedding's id for `language` in a multilingual model, else None."""
    manager = getattr(model, "language_manager", None)
    if manager is None or not getattr(model.args, "use_language_embedding", False):
        return None
    ids: dict[str, int] = manager.name_to_id
    if language in ids:
        return ids[language]
    if len(ids) == 1:
        return next(iter(ids.values()))
    raise EngineLoadError(
        f"This Coqui model does not speak {language!r} (TTS_COQUI_LANGUAGE).",
        details={"languages": sorted(ids)},
    )


def _config_language(model: Any) -> str:
    phoneme_language = model.config.get("phoneme_language")
    return str(phoneme_language or "en").replace("_", "-")
