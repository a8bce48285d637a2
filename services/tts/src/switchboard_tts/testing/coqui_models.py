"""Tiny Coqui models, built with coqui-tts's own classes and random weights and saved as an
operator's model folders: they load and run through the real code path in about a second on a
CPU, and speak noise."""

from __future__ import annotations

import math
from pathlib import Path

FRAMES_PER_TOKEN = 6


def build_tiny_vits(folder: Path, *, speakers: list[str] | None = None) -> Path:
    """A VITS model folder as a Coqui training run leaves it (config.json, model.pth, and
    speakers.pth for several speakers), with random weights and layer sizes small enough to
    build, load and run in well under a second on a CPU. Its duration predictor is the
    deterministic one, set to about `FRAMES_PER_TOKEN` frames a token, and its inference noise
    is off, so one text and speaker always give the same audio."""
    import torch
    from TTS.tts.configs.vits_config import VitsConfig
    from TTS.tts.models.vits import Vits, VitsArgs
    from TTS.tts.utils.speakers import SpeakerManager

    torch.manual_seed(7)
    folder.mkdir(parents=True)
    args = VitsArgs(
        hidden_channels=16,
        hidden_channels_ffn_text_encoder=32,
        num_layers_text_encoder=1,
        num_layers_posterior_encoder=1,
        num_layers_flow=1,
        resblock_kernel_sizes_decoder=[3],
        resblock_dilation_sizes_decoder=[[1, 3, 5]],
        upsample_initial_channel_decoder=16,
        init_discriminator=False,
        use_sdp=False,
        inference_noise_scale=0.0,
        inference_noise_scale_dp=0.0,
        use_speaker_embedding=bool(speakers),
        speaker_embedding_channels=8,
        speakers_file=str(folder / "speakers.pth") if speakers else None,
    )
    config = VitsConfig(
        model_args=args,
        use_phonemes=False,
        text_cleaner="english_cleaners",
        use_speaker_embedding=args.use_speaker_embedding,
        speakers_file=args.speakers_file,
    )
    if speakers:  # the model reads them from its config's speakers_file
        manager = SpeakerManager()
        manager.name_to_id = {name: index for index, name in enumerate(speakers)}
        manager.save_ids_to_file(str(folder / "speakers.pth"))
    model = Vits(config)
    with torch.no_grad():  # every token lasts about FRAMES_PER_TOKEN frames at speed 1.0
        model.duration_predictor.proj.weight.mul_(0.01)
        model.duration_predictor.proj.bias.fill_(math.log(FRAMES_PER_TOKEN))
    if speakers:  # the config names where the trainer kept the ids: not on this machine
        config.speakers_file = config.model_args.speakers_file = "/trainer/run/speakers.pth"
    torch.save({"model": model.state_dict(), "config": config.to_dict()}, folder / "model.pth")
    config.save_json(str(folder / "config.json"))
    return folder


XTTS_MAX_AUDIO_TOKENS = 48


def build_tiny_xtts(folder: Path) -> Path:
    """An XTTS v2 model folder (config.json, model.pth, vocab.json, speakers_xtts.pth with the
    speaker `ann`, and `voices/bob.wav`) with random weights: a one-layer GPT over a character
    vocabulary, and XTTS's own HiFi-GAN decoder. Its GPT never picks the stop token, so each
    sentence is `XTTS_MAX_AUDIO_TOKENS` tokens long."""
    import numpy as np
    import soundfile
    import torch
    from tokenizers import Regex, Tokenizer, models, pre_tokenizers
    from TTS.tts.configs.xtts_config import XttsArgs, XttsConfig
    from TTS.tts.layers.xtts.tokenizer import VoiceBpeTokenizer
    from TTS.tts.models.xtts import Xtts

    torch.manual_seed(3)
    folder.mkdir(parents=True)
    specials = ["[STOP]", "[UNK]", "[SPACE]", "[START]", "[en]"]
    vocab = {
        token: i
        for i, token in enumerate([*specials, *"abcdefghijklmnopqrstuvwxyz0123456789.,!?'-"])
    }
    tokenizer = Tokenizer(models.WordLevel(vocab=vocab, unk_token=specials[1]))
    tokenizer.pre_tokenizer = pre_tokenizers.Split(Regex(r"\[[a-zA-Z]+\]|."), behavior="isolated")
    tokenizer.add_special_tokens(specials)
    tokenizer.save(str(folder / "vocab.json"))
    args = XttsArgs(
        gpt_layers=1,
        gpt_n_model_channels=32,
        gpt_n_heads=2,
        decoder_input_dim=32,
        gpt_max_audio_tokens=XTTS_MAX_AUDIO_TOKENS,
        gpt_max_prompt_tokens=16,
        gpt_use_perceiver_resampler=True,
    )
    config = XttsConfig(model_args=args, languages=["en"])
    model = Xtts(config)
    model.tokenizer = VoiceBpeTokenizer(vocab_file=str(folder / "vocab.json"))
    model.init_models()
    with torch.no_grad():
        model.gpt.mel_head.bias[args.gpt_stop_audio_token] = -1e4
    torch.save({"model": model.state_dict(), "config": config.to_dict()}, folder / "model.pth")
    config.save_json(str(folder / "config.json"))
    clip = (0.1 * np.random.default_rng(1).standard_normal(16000 * 2)).astype(np.float32)
    (folder / "voices").mkdir()
    soundfile.write(folder / "voices" / "bob.wav", clip, 16000)
    with torch.inference_mode():
        audio = torch.from_numpy(clip)[None]
        latents = {
            "gpt_cond_latent": model.get_gpt_cond_latents(audio, 16000, length=6),
            "speaker_embedding": model.get_speaker_embedding(audio, 16000),
        }
    torch.save({"ann": latents}, folder / "speakers_xtts.pth")
    return folder
