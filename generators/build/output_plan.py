"""Which documents a build renders again and which earlier output it keeps, decided one document at a time."""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from generators.build.inputs import MANIFEST, read_manifest

if TYPE_CHECKING:
    from generators.lesson.document import LessonDocument

FACTSHEET = "factsheet"  # record key and output folder of the staff poster, built from shared data only


def doc_id(document: LessonDocument) -> str:
    return f"{document.lesson_id}/{document.audience.id}"


class OutputPlan:
    """Decisions against the staging copy of the last output and its build record.

    Why per document: the build reads lessons one at a time and must not keep them all, so it
    decides each (lesson, audience) as it meets it, and settles the rest (packs, catalog, files of
    lessons that are gone) in `finish`.
    """

    def __init__(self, staging: Path, record: dict, force: bool):
        self.staging, self.force = staging, force
        self.previous = read_manifest(staging)
        self.before: dict[str, dict] = record.get("documenten", {})
        if not record:
            # Why only what the manifest lists: without a usable record everything is made again, but a
            # file that lespakket did not make stays where its owner put it.
            for entry in self.previous:
                _remove(staging, entry["pad"])
            self.previous = []
        self._files: dict[str, list[str]] = defaultdict(list)  # doc id -> its earlier files
        for entry in self.previous:
            if entry["les"] is not None:
                self._files[f"{entry['les']}/{entry['doelgroep']}"].append(entry["pad"])
        self.rendered: set[str] = set()
        self.current: set[str] = set()
        self.touched: set[tuple[str, str]] = set()  # (series, audience) with a document rendered again
        self.series_now: set[tuple[str, str]] = set()

    def is_current(self, name: str, key: str, wanted: bool) -> bool:
        """Whether `decide` would keep the earlier output of the document `name` (lesson/audience); changes nothing."""
        if not wanted:
            return True
        files = self._files.get(name, [])
        # Why the file check: a file deleted by hand from output/ must come back although no input changed.
        complete = bool(files) and all((self.staging / path).is_file() for path in files)
        return not self.force and complete and self.before.get(name, {}).get("sleutel") == key

    def decide(self, document: LessonDocument, key: str, wanted: bool) -> dict | None:
        """None when `document` must be rendered (its earlier files leave staging now, before the new
        ones are written); otherwise what the record holds for it, which may be nothing ({})."""
        name = doc_id(document)
        self.current.add(name)
        self.series_now.add((document.series, document.audience.id))
        if self.is_current(name, key, wanted):
            return self.before.get(name, {})
        for path in self._files.get(name, []):
            _remove(self.staging, path)
        self.rendered.add(name)
        self.touched.add((document.series, document.audience.id))
        return None

    def factsheet_stored(self, key: str) -> dict | None:
        """The record of the staff poster when it can stay as it is."""
        files = [e for e in self.previous if e["soort"] == FACTSHEET]
        stored = self.before.get(FACTSHEET, {})
        if files and stored.get("sleutel") == key and all((self.staging / e["pad"]).is_file() for e in files):
            return stored
        return None

    def finish(self, factsheet_kept: bool) -> list[dict]:
        """Remove what is stale (catalog, series packs to make again, lessons that are gone); return the manifest
        entries that stay."""
        kept = []
        for entry in self.previous:
            pair = f"{entry['les']}/{entry['doelgroep']}"
            if pair in self.rendered:
                continue  # Why not removed here: its new files have the same names; the old ones went in `decide`.
            series = (entry["reeks"], entry["doelgroep"])
            drop = (
                entry["soort"] == "catalogus"
                or (entry["soort"] == FACTSHEET and not factsheet_kept)
                or (entry["les"] is not None and pair not in self.current)
                or (entry["les"] is None and entry["soort"] == "pakket"
                    and (series in self.touched or series not in self.series_now))
            )
            if drop:
                _remove(self.staging, entry["pad"])
            else:
                kept.append(entry)
        _prune_empty_folders(self.staging)
        return kept


def _prune_empty_folders(root: Path) -> None:
    for folder, _, _ in sorted(os.walk(root), key=lambda item: -len(item[0])):
        if folder != str(root) and not os.listdir(folder):
            os.rmdir(folder)


def _remove(staging: Path, rel_path: str) -> None:
    path = staging / rel_path
    if path.is_file():
        path.unlink()
