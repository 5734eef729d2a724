"""The worker pool a build renders with: every generator, PDF thumbnails, the factsheet and the learning paths;
cheap to import.

Why its own module: the CLI starts the warm process of the workers before importing the build's
heavier modules (pydantic, the lesson models), so their warm-up overlaps with that import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generators.build.inputs import BuildRequest
from generators.lesson.document import Factsheet  # Why: loaded before the warm process forks (60 ms)
from generators.paths import ASSETS_DIR
from generators.publish.previews import preview_files, warm_up_thumbnails
from generators.registry import GENERATORS, Generator, RenderOptions
from generators.build.render_pool import RenderPool

if TYPE_CHECKING:
    from generators.learning_path.model import LearningPath


def build_pool(request: BuildRequest, generators: tuple[Generator, ...] = GENERATORS, keep_warm: bool = False) -> RenderPool:
    options = RenderOptions(assets_dir=ASSETS_DIR, template=request.template)
    return RenderPool(request.jobs, options, generators, preview_files, warm_up_thumbnails, keep_warm=keep_warm)


def learning_path_files(paths: dict[tuple[str, str], LearningPath]) -> dict[tuple[str, str], bytes]:
    """leerlijn.pdf of each (series, audience); run in a worker, so reportlab stays out of the build."""
    from generators.learning_path.render import render_learning_path

    return {key: render_learning_path(path, ASSETS_DIR) for key, path in paths.items()}


def factsheet_files(sheet: Factsheet, folder: str) -> dict[str, bytes]:
    """The staff poster in A4 and A3, by path under output/; run in a worker, so reportlab stays out of the build."""
    from generators.factsheet.render import render_factsheets

    return {f"{folder}/{name}": pdf for name, pdf in render_factsheets(sheet, ASSETS_DIR).items()}
