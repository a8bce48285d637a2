# Control plane image. Build from the repository root:
#   docker build -f deploy/docker/control-plane.Dockerfile -t switchboard/control-plane .
ARG BASE_IMAGE=debian:bookworm-slim
ARG UV_IMAGE=ghcr.io/astral-sh/uv:0.13.8

FROM ${UV_IMAGE} AS uv

# Build: a uv-managed Python and the service's locked dependencies, nothing else.
FROM ${BASE_IMAGE} AS build
# The post-call analysis of LLM agents needs litellm (the `analysis` extra); build with
# --build-arg CONTROL_PLANE_EXTRAS= for a lean image whose LLM analyses record llm_unavailable.
ARG CONTROL_PLANE_EXTRAS="--extra analysis"
COPY --from=uv /uv /usr/local/bin/uv
ENV UV_PYTHON_INSTALL_DIR=/opt/python UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_PREFERENCE=only-managed
RUN uv python install 3.11
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-editable --no-default-groups --package switchboard-control-plane \
        ${CONTROL_PLANE_EXTRAS}

# Runtime: the interpreter and the environment, run as an unprivileged user.
FROM ${BASE_IMAGE}
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin switchboard \
    && mkdir -p /app/recordings && chown 10001 /app/recordings
COPY --from=build /opt/python /opt/python
COPY --from=build /app/.venv /app/.venv
COPY --from=build /src/policies /app/policies
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 \
    CONTROL_PLANE_HOST=0.0.0.0 CONTROL_PLANE_PORT=8080 \
    CONTROL_PLANE_POLICY_DIR=/app/policies CONTROL_PLANE_RECORDINGS__DIR=/app/recordings
WORKDIR /app
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=2)"]
ENTRYPOINT ["switchboard-control-plane"]
CMD ["serve"]
