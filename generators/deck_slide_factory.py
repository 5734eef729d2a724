"""New slides and notes slides made by copying the placeholders python-pptx cloned for the first one.

Why: python-pptx clones every placeholder of a layout (and of the notes master) through xpath
lookups for each new slide, and numbers each notes slide by scanning every part of the package;
that was half the cost of a deck. A copy of a fresh slide gives the same XML. The copies
are kept per template version for the whole process: they depend on nothing but the template.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart, SlidePart

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MAX_SLIDE_ID = 2147483647
NOTES_BODY = "body"


@dataclass
class _Fresh:
    """What a template version gives every deck: fresh slides per layout part name and a fresh notes
    slide, each with where its placeholders sit in the shape tree, and the template's own part names."""

    slides: dict[str, tuple] = field(default_factory=dict)
    notes: tuple | None = None
    part_names: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def _fresh(template_version) -> _Fresh:
    return _Fresh()


class SlideFactory:
    """Adds slides to one presentation; only python-pptx's own add_slide/notes_slide steps, repeated by copy."""

    def __init__(self, presentation, template_version):
        self.presentation = presentation
        self.slides = presentation.slides  # Why: python-pptx renumbers a template's own slide parts on first access
        self._fresh = _fresh(template_version)
        if not self._fresh.part_names:
            self._fresh.part_names = frozenset(str(part.partname) for part in presentation.part.package.iter_parts())
        self._taken = set(self._fresh.part_names)  # Why: a template may bring its own notes slides
        self._next_notes = 1

    def add_slide(self, layout) -> tuple:
        """python-pptx's `slides.add_slide(layout)`: a slide part named after the slide count, related
        to its layout and from the presentation, listed in `p:sldIdLst`; its XML a copy of a fresh one.

        Returns the slide and its placeholder shape elements by `idx`.
        """
        key = str(layout.part.partname)
        cached = self._fresh.slides.get(key)
        if cached is None:
            slide = self.slides.add_slide(layout)
            shapes = placeholder_shapes(slide.element)
            self._fresh.slides[key] = deepcopy(slide.element), _positions(slide.element, shapes)
            return slide, shapes
        fresh, positions = cached
        presentation_part = self.presentation.part
        slide_ids = self.presentation.element.get_or_add_sldIdLst()
        partname = PackURI(f"/ppt/slides/slide{len(slide_ids) + 1}.xml")
        element = deepcopy(fresh)
        part = SlidePart(partname, CT.PML_SLIDE, presentation_part.package, element)
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        _add_slide_id(slide_ids, presentation_part.relate_to(part, RT.SLIDE))
        tree = _shape_tree(element)
        return part.slide, {idx: tree[position] for idx, position in positions.items()}

    def notes_slide(self, slide):
        """The notes placeholder of the slide's new notes slide (copied from the notes master), or None."""
        package = slide.part.package
        cached = self._fresh.notes
        if cached is None:
            notes = slide.notes_slide
            body = notes_body(notes.element)
            position = None if body is None else _shape_tree(notes.element).index(body)
            self._fresh.notes = deepcopy(notes.element), position
            self._taken.add(str(notes.part.partname))
            return body
        fresh, position = cached
        while (partname := PackURI(f"/ppt/notesSlides/notesSlide{self._next_notes}.xml")) in self._taken:
            self._next_notes += 1
        self._next_notes += 1
        element = deepcopy(fresh)
        part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, package, element)
        part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        return None if position is None else _shape_tree(element)[position]


def _shape_tree(element):
    return element.find(f"{P}cSld/{P}spTree")


def _positions(element, shapes: dict) -> dict[int, int]:
    tree = _shape_tree(element)
    return {idx: tree.index(shape) for idx, shape in shapes.items()}


def _add_slide_id(slide_ids, r_id: str) -> None:
    """python-pptx's `add_sldId`: one more than the highest slide id in use (at least 256), without its xpath."""
    next_id = max([255, *(int(e.get("id")) for e in slide_ids.iterchildren(f"{P}sldId"))]) + 1
    if next_id > MAX_SLIDE_ID:
        slide_ids.add_sldId(r_id)
        return
    etree.SubElement(slide_ids, f"{P}sldId", id=str(next_id)).set(f"{R}id", r_id)


def _placeholders(element):
    """(shape, its `p:ph`) for every placeholder shape in the element's shape tree, without xpath."""
    for shape in _shape_tree(element):
        ph = shape.find(f"*/{P}nvPr/{P}ph")
        if ph is not None:
            yield shape, ph


def placeholder_shapes(slide_element) -> dict[int, object]:
    """Placeholder shape elements by `idx`, as python-pptx's `slide.placeholders` sees them."""
    return {int(ph.get("idx", "0")): shape for shape, ph in _placeholders(slide_element)}


def notes_body(notes_element):
    """The notes placeholder (the first `body` placeholder), or None."""
    return next((shape for shape, ph in _placeholders(notes_element) if ph.get("type") == NOTES_BODY), None)
