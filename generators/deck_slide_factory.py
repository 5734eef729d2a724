"""New slides and notes slides made by copying the placeholders python-pptx cloned for the first one.

Why: python-pptx clones every placeholder of a layout (and of the notes master) through xpath
lookups for each new slide, and numbers each notes slide by scanning every part of the package;
that was half the cost of a deck. A copy of the first fresh slide's shapes gives the same XML.
"""

from __future__ import annotations

from copy import deepcopy

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart


class SlideFactory:
    """Adds slides to one presentation; only python-pptx's own add_slide/notes_slide steps, repeated by copy."""

    def __init__(self, presentation):
        self.presentation = presentation
        self._layout_shapes: dict[int, list] = {}  # id(layout) -> shape elements of a fresh slide
        self._notes_element = None
        self._next_notes = 0
        self._taken: set[str] = set()  # part names already in the package (a template may bring slides)

    def add_slide(self, layout):
        slides = self.presentation.slides
        shapes = self._layout_shapes.get(id(layout))
        if shapes is None:
            slide = slides.add_slide(layout)
            self._layout_shapes[id(layout)] = [deepcopy(e) for e in slide.shapes._spTree.iter_shape_elms()]
            return slide
        rel_id, slide = slides.part.add_slide(layout)
        tree = slide.shapes._spTree
        for element in shapes:
            tree.append(deepcopy(element))
        slides._sldIdLst.add_sldId(rel_id)
        return slide

    def notes_slide(self, slide):
        """The slide's notes slide, created with the notes master's placeholders."""
        if self._notes_element is None:
            notes = slide.notes_slide
            self._notes_element = deepcopy(notes._element)
            self._next_notes = int(notes.part.partname.idx) + 1
            self._taken = {str(part.partname) for part in slide.part.package.iter_parts()}
            return notes
        package = slide.part.package
        while (partname := PackURI(f"/ppt/notesSlides/notesSlide{self._next_notes}.xml")) in self._taken:
            self._next_notes += 1
        self._next_notes += 1
        part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, package, deepcopy(self._notes_element))
        part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        return slide.notes_slide
