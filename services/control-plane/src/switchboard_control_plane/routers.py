"""Every API router of the control plane, in the order they appear in the OpenAPI document."""

from __future__ import annotations

from fastapi import APIRouter


def api_routers() -> list[APIRouter]:
    from switchboard_control_plane.access.router import router as access
    from switchboard_control_plane.agents.router import router as agents
    from switchboard_control_plane.audit.router import router as audit
    from switchboard_control_plane.calls.router import router as calls
    from switchboard_control_plane.credentials.router import router as secrets
    from switchboard_control_plane.numbers.router import router as numbers
    from switchboard_control_plane.publishing.router import router as runtime
    from switchboard_control_plane.recordings.router import router as recordings
    from switchboard_control_plane.tenants.router import router as tenants
    from switchboard_control_plane.usage.router import router as usage
    from switchboard_control_plane.webhooks.router import router as webhooks

    return [
        tenants,
        numbers,
        agents,
        secrets,
        access,
        audit,
        calls,
        recordings,
        usage,
        runtime,
        webhooks,
    ]
