"""Parse the short inline markup authors may use (**vet**, _cursief_) into styled runs."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

from generators.lesson.document import RichText, Run

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Why: the 'zero' preset with only emphasis enabled leaves HTML, links and lists as plain text."""
    return MarkdownIt("zero").enable(["emphasis"])


@lru_cache(maxsize=8192)
def parse_inline(text: str) -> RichText:
    """One paragraph of author text as runs; line breaks inside become spaces.

    Why cached: the same text comes back for every audience of a lesson and for shared data.
    """
    text = " ".join(text.split("\n")).strip()
    if not text:
        return RichText(())
    tokens = _parser().parseInline(text)[0].children or []
    runs: list[Run] = []
    bold = italic = 0
    for token in tokens:
        if token.type == "strong_open":
            bold += 1
        elif token.type == "strong_close":
            bold -= 1
        elif token.type == "em_open":
            italic += 1
        elif token.type == "em_close":
            italic -= 1
        elif token.type in ("softbreak", "hardbreak"):
            _append(runs, Run(" ", bold > 0, italic > 0))
        elif token.content:
            _append(runs, Run(token.content, bold > 0, italic > 0))
    return RichText(tuple(runs))


def _append(runs: list[Run], run: Run) -> None:
    if runs and (runs[-1].bold, runs[-1].italic) == (run.bold, run.italic):
        runs[-1] = Run(runs[-1].text + run.text, run.bold, run.italic)
    else:
        runs.append(run)


def parse_paragraphs(text: str) -> tuple[RichText, ...]:
    """Text with blank lines between paragraphs as one RichText per paragraph."""
    return tuple(parse_inline(part) for part in _PARAGRAPH_BREAK.split(text.strip()) if part.strip())
