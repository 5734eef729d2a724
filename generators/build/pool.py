"""The worker pool a build renders with: every generator, PDF thumbnails and the factsheet; cheap to import.

Why its own module: the CLI starts the warm process of the workers before importing the build's
heavier modules (pydantic, the lesson models), so their warm-up overlaps with that import.
"""

from __future__ import annotations

from generators.build.inputs import BuildRequest
from generators.lesson.document import Factsheet  # Why: loaded before the warm process forks (60 ms)
from generators.paths import ASSETS_DIR
from generators.publish.previews import preview_files, warm_up_thumbnails
from generators.registry import GENERATORS, Generator, RenderOptions
from generators.build.render_pool import RenderPool


def build_pool(request: BuildRequest, generators: tuple[Generator, ...] = GENERATORS, keep_warm: bool = False) -> RenderPool:
    options = RenderOptions(assets_dir=ASSETS_DIR, template=request.template)
    return RenderPool(request.jobs, options, generators, preview_files, warm_up_thumbnails, keep_warm=keep_warm)


def factsheet_files(sheet: Factsheet, folder: str) -> dict[str, bytes]:
    """The staff poster in A4 and A3, by path under output/; run in a worker, so reportlab stays out of the build."""
    from generators.factsheet.render import render_factsheets

    return {f"{folder}/{name}": pdf for name, pdf in render_factsheets(sheet, ASSETS_DIR).items()}
