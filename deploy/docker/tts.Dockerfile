# Text-to-speech image. Build from the repository root:
#   docker build -f deploy/docker/tts.Dockerfile -t switchboard/tts .
#   docker build -f deploy/docker/tts.Dockerfile -t switchboard/tts:cuda \
#     --build-arg BASE_IMAGE=nvidia/cuda:12.6.3-cudnn-runtime-ubuntu24.04 \
#     --build-arg TTS_EXTRAS="--extra coqui" .
# BASE_IMAGE: any glibc image; a CUDA runtime image (CUDA 12, cuDNN 9) for GPU nodes.
# TTS_EXTRAS: empty for the lean Piper-only image; "--extra coqui" adds the Coqui engine
# (coqui-tts and torch with its own CUDA 13 libraries from PyPI: about 5 GB more, GPU nodes).
ARG BASE_IMAGE=debian:bookworm-slim
ARG UV_IMAGE=ghcr.io/astral-sh/uv:0.13.8

FROM ${UV_IMAGE} AS uv

# Build: a uv-managed Python and the service's locked dependencies, nothing else.
FROM ${BASE_IMAGE} AS build
ARG TTS_EXTRAS=""
COPY --from=uv /uv /usr/local/bin/uv
ENV UV_PYTHON_INSTALL_DIR=/opt/python UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_PREFERENCE=only-managed
RUN uv python install 3.11
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-editable --no-default-groups --package switchboard-tts ${TTS_EXTRAS}

# Runtime: the interpreter and the environment, run as an unprivileged user.
FROM ${BASE_IMAGE}
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin switchboard
COPY --from=build /opt/python /opt/python
COPY --from=build /app/.venv /app/.venv
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 \
    TTS_HOST=0.0.0.0 TTS_PORT=8083
WORKDIR /app
USER 10001
EXPOSE 8083
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8083/healthz', timeout=2)"]
ENTRYPOINT ["switchboard-tts"]
