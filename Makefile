# Switchboard's developer interface. `make` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
# The pinned uv: tools/dev/uv.sh installs it on first use (into .run/tools/uv-venv) and runs it;
# the scripts that targets call use the same one. `make UV=/path/to/uv ...` picks another.
UV ?= $(CURDIR)/tools/dev/uv.sh
export UV
RUN_DIR := .run
SERVICES := control-plane voice-runtime stt tts

.PHONY: help setup services chromium console console-check fmt lint typecheck test test-e2e check deploy-check up down status demo bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Install every workspace member and dev tool from uv.lock
	$(UV) sync --locked --all-packages --group deploy

services: ## Make sure PostgreSQL and Redis run (installs or starts them)
	bash tools/dev/ensure-services.sh

chromium: ## Make sure Debian's chromium is installed (the console's browser tests drive it)
	@bash tools/dev/ensure-chromium.sh >/dev/null

console: ## Rebuild the admin console bundle from services/control-plane/console (npm ci)
	bash tools/dev/console-check.sh --write

console-check: ## Fail if the committed console bundle differs from a fresh build of its source
	bash tools/dev/console-check.sh

fmt: ## Format and auto-fix the code
	$(UV) run --locked ruff format .
	$(UV) run --locked ruff check --fix .

lint: ## ruff lint and format check, and the layer rules (import-linter, pyproject.toml)
	$(UV) run --locked ruff check .
	$(UV) run --locked ruff format --check .
	$(UV) run --locked lint-imports

typecheck: ## mypy --strict over src and tests
	bash tools/dev/typecheck.sh

test: setup services chromium ## Run the whole test suite (real Postgres, Redis and models)
	$(UV) run --locked pytest

test-e2e: setup services ## Only the end-to-end calls through the real services (~3 min)
	$(UV) run --locked pytest -m e2e services/voice-runtime/tests/e2e

check: setup lint typecheck console-check test deploy-check ## Exactly what CI runs

deploy-check: setup ## Validate compose, the Helm chart and each image's install, offline
	bash tools/deploy/validate.sh
	bash tools/deploy/check-images.sh

up: setup services ## Start the four services in the background (logs in .run/logs)
	@bash tools/dev/stack.sh up

down: ## Stop the services that `make up` started
	@bash tools/dev/stack.sh down

status: ## Show which services `make up` started and whether they answer
	@bash tools/dev/stack.sh status

demo: setup services ## Place a scripted demo call through the whole stack
	@bash tools/demo/demo.sh

bench: setup services chromium ## Run the benchmarks and print their figures (results in .bench/)
	$(UV) run --locked python tools/bench/speech.py --quick $(BENCH_ARGS)
	$(UV) run --locked python tools/bench/tts_first_audio.py
	$(UV) run --locked python tools/bench/stt_wer.py
	$(UV) run --locked python tools/bench/control_plane.py
	$(UV) run --locked python tools/bench/console.py
	$(UV) run --locked python tools/bench/webhooks.py
	$(UV) run --locked python tools/bench/call_core.py 50 10
	$(UV) run --locked python tools/bench/turn_taking.py
	$(UV) run --locked python tools/bench/voice.py
