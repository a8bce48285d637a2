"""The carrier edge: each carrier's webhook and media routes, one module per route group.

Every module here that defines ``router`` (a FastAPI ``APIRouter``) is served; a new carrier
adds its ``api/<carrier>_*.py`` modules and nothing else in the app changes.
"""

from __future__ import annotations

import importlib
import pkgutil

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    """The routers of this package's modules, in module-name order."""
    found = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        router = getattr(module, "router", None)
        if isinstance(router, APIRouter):
            found.append(router)
    return found
