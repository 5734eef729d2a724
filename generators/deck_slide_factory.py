"""New slides and notes slides made by copying the placeholders python-pptx cloned for the first one.

Why: python-pptx clones every placeholder of a layout (and of the notes master) through xpath
lookups for each new slide, and numbers each notes slide by scanning every part of the package;
that was half the cost of a deck. A copy of a fresh slide's shapes gives the same XML. The copies
are kept per template version for the whole process: they depend on nothing but the template.
"""

from __future__ import annotations

from copy import deepcopy
from functools import lru_cache

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
NOTES_BODY = "body"


@lru_cache(maxsize=4)
def _fresh(template_version) -> dict:
    """Layout part name -> shape elements of a fresh slide, and None -> a fresh notes slide element."""
    return {}


class SlideFactory:
    """Adds slides to one presentation; only python-pptx's own add_slide/notes_slide steps, repeated by copy."""

    def __init__(self, presentation, template_version):
        self.presentation = presentation
        self._fresh = _fresh(template_version)
        self._next_notes = 1
        self._taken: set[str] | None = None  # part names already in the package (a template may bring slides)

    def add_slide(self, layout):
        slides = self.presentation.slides
        key = str(layout.part.partname)
        shapes = self._fresh.get(key)
        if shapes is None:
            slide = slides.add_slide(layout)
            self._fresh[key] = [deepcopy(e) for e in slide.shapes._spTree.iter_shape_elms()]
            return slide
        rel_id, slide = slides.part.add_slide(layout)
        tree = slide.shapes._spTree
        for element in shapes:
            tree.append(deepcopy(element))
        slides._sldIdLst.add_sldId(rel_id)
        return slide

    def notes_slide(self, slide):
        """The slide's new `p:notes` element, with the notes master's placeholders."""
        package = slide.part.package
        if self._taken is None:
            self._taken = {str(part.partname) for part in package.iter_parts()}
        element = self._fresh.get(None)
        if element is None:
            notes = slide.notes_slide
            self._fresh[None] = deepcopy(notes.element)
            self._taken.add(str(notes.part.partname))
            return notes.element
        while (partname := PackURI(f"/ppt/notesSlides/notesSlide{self._next_notes}.xml")) in self._taken:
            self._next_notes += 1
        self._next_notes += 1
        element = deepcopy(element)
        part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, package, element)
        part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        return element


def placeholder_shapes(slide_element) -> dict[int, object]:
    """Placeholder shape elements by `idx`, as python-pptx's `slide.placeholders` sees them, without xpath."""
    found = {}
    for shape in slide_element.find(f"{P}cSld/{P}spTree"):
        ph = shape.find(f"*/{P}nvPr/{P}ph")
        if ph is not None:
            found[int(ph.get("idx", "0"))] = shape
    return found


def notes_body(notes_element):
    """The notes placeholder (the first `body` placeholder), or None."""
    for shape in notes_element.find(f"{P}cSld/{P}spTree"):
        ph = shape.find(f"*/{P}nvPr/{P}ph")
        if ph is not None and ph.get("type") == NOTES_BODY:
            return shape
    return None
