"""The worker pool a build renders with: every generator, plus PDF thumbnails; cheap to import.

Why its own module: the CLI starts the workers before importing the build's heavier modules
(pydantic, the lesson models), so the workers' own start-up overlaps with that import.
"""

from __future__ import annotations

from . import lesson_document  # noqa: F401  Why: imported before the workers fork, so they need not (60 ms each)
from .build_inputs import BuildRequest
from .paths import ASSETS_DIR
from .previews import preview_files
from .registry import GENERATORS, Generator, RenderOptions
from .render_pool import RenderPool


def build_pool(request: BuildRequest, generators: tuple[Generator, ...] = GENERATORS) -> RenderPool:
    options = RenderOptions(assets_dir=ASSETS_DIR, template=request.template)
    return RenderPool(request.jobs, options, generators, preview_files)
