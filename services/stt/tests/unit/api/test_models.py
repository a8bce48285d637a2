"""Several models in one service: each loaded once, listed, reported in readiness, chosen by
name per request."""

from __future__ import annotations

from pathlib import Path

import httpx
import numpy as np
import numpy.typing as npt
import pytest

from switchboard_common.app_testing import running_client
from switchboard_stt.app import create_app
from switchboard_stt.model_files import MODEL_FILES, resolve_model
from switchboard_stt.quality import word_error_rate
from switchboard_stt.settings import Settings
from switchboard_stt.transcriber import WhisperSpeechToText, load_models

pytestmark = pytest.mark.models

CLIP_TEXT = "I would like to move my appointment to next week, please."
URL = "/v1/audio/transcriptions"


@pytest.fixture(scope="module")
def second_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tiny.en's files in a folder of another name: a second, separately loaded model."""
    source = resolve_model("tiny.en", tmp_path_factory.mktemp("cache")).path
    folder = tmp_path_factory.mktemp("models") / "tiny-copy"
    folder.mkdir()
    for name in MODEL_FILES:
        (folder / name).symlink_to(source / name)
    return folder


@pytest.fixture(scope="module")
def second_model(second_model_dir: Path) -> WhisperSpeechToText:
    return WhisperSpeechToText.load(Settings(device="cpu"), str(second_model_dir))


def test_each_configured_model_loads_once_default_first(second_model_dir: Path) -> None:
    settings = Settings(
        model="tiny.en", models=["tiny.en", str(second_model_dir), "tiny.en"], device="cpu"
    )
    assert settings.served_models == ["tiny.en", str(second_model_dir)]
    assert [model.name for model in load_models(settings)] == ["tiny.en", "tiny-copy"]


async def test_models_are_listed_reported_ready_and_chosen_by_name(
    whisper_tiny: WhisperSpeechToText,
    second_model: WhisperSpeechToText,
    clip_pcm16: npt.NDArray[np.int16],
    tmp_path: Path,
) -> None:
    app = create_app(Settings(cache_dir=tmp_path, warmup=True), stt=[whisper_tiny, second_model])
    async with running_client(app, "http://stt") as client:
        listed = (await client.get("/v1/models")).json()["data"]
        assert [(m["id"], m["default"]) for m in listed] == [
            ("tiny.en", True),
            ("tiny-copy", False),
        ]
        assert listed[0]["device"] == "cpu:int8"
        ready = (await client.get("/readyz")).json()
        assert ready["checks"] == {"model": "ok", "model:tiny.en": "ok", "model:tiny-copy": "ok"}
        for model in ("tiny-copy", "tiny.en", "whisper-1"):
            response = await client.post(
                URL,
                params={"model": model, "window": "fitted"},
                content=clip_pcm16.tobytes(),
                headers={"content-type": "application/octet-stream"},
            )
            assert response.status_code == 200, response.text
            assert word_error_rate([(CLIP_TEXT, response.json()["text"])]) <= 0.1
        metrics = (await client.get("/metrics")).text
        assert 'stt_transcriptions_total{kind="batch",outcome="ok"} 3.0' in metrics


async def test_a_model_not_served_is_refused_with_the_served_ones(
    client: httpx.AsyncClient, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    response = await client.post(
        URL,
        params={"model": "large-v3"},
        content=clip_pcm16.tobytes(),
        headers={"content-type": "application/octet-stream"},
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "model_not_available"
    assert error["details"]["available"] == ["tiny.en", "whisper-1"]
