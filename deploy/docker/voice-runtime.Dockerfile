# Voice runtime image. Build from the repository root:
#   docker build -f deploy/docker/voice-runtime.Dockerfile -t switchboard/voice-runtime .
ARG BASE_IMAGE=debian:bookworm-slim
ARG UV_IMAGE=ghcr.io/astral-sh/uv:0.13.8

FROM ${UV_IMAGE} AS uv

# Build: a uv-managed Python and the service's locked dependencies, nothing else.
FROM ${BASE_IMAGE} AS build
COPY --from=uv /uv /usr/local/bin/uv
ENV UV_PYTHON_INSTALL_DIR=/opt/python UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_PREFERENCE=only-managed
RUN uv python install 3.11
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-editable --no-default-groups --package switchboard-voice-runtime

# Runtime: the interpreter and the environment, run as an unprivileged user. SIGTERM drains:
# the runtime stops taking calls and lets live ones finish (VOICE_RUNTIME_DRAIN_TIMEOUT_S).
FROM ${BASE_IMAGE}
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin switchboard
COPY --from=build /opt/python /opt/python
COPY --from=build /app/.venv /app/.venv
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 \
    VOICE_RUNTIME_HOST=0.0.0.0 VOICE_RUNTIME_PORT=8081 \
    VOICE_RUNTIME_RECORDINGS__DIR=/app/recordings LITELLM_LOCAL_MODEL_COST_MAP=True
RUN mkdir -p /app/recordings && chown 10001 /app/recordings
WORKDIR /app
USER 10001
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8081/healthz', timeout=2)"]
ENTRYPOINT ["switchboard-voice-runtime"]
