"""The worker pool a build renders with: every generator, PDF thumbnails and the factsheet; cheap to import.

Why its own module: the CLI starts the workers before importing the build's heavier modules
(pydantic, the lesson models), so the workers' own start-up overlaps with that import.
"""

from __future__ import annotations

from . import lesson_document  # noqa: F401  Why: imported before the warm process forks, so it need not (60 ms)
from .build_inputs import BuildRequest
from .lesson_document import Factsheet
from .paths import ASSETS_DIR
from .previews import preview_files
from .registry import GENERATORS, Generator, RenderOptions
from .render_pool import RenderPool


def build_pool(request: BuildRequest, generators: tuple[Generator, ...] = GENERATORS) -> RenderPool:
    options = RenderOptions(assets_dir=ASSETS_DIR, template=request.template)
    return RenderPool(request.jobs, options, generators, preview_files)


def factsheet_files(sheet: Factsheet, folder: str) -> dict[str, bytes]:
    """The staff poster in A4 and A3, by path under output/; run in a worker, so reportlab stays out of the build."""
    from .factsheet import render_factsheets

    return {f"{folder}/{name}": pdf for name, pdf in render_factsheets(sheet, ASSETS_DIR).items()}
