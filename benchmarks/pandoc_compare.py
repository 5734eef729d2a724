"""The same content through pandoc, for comparison with `lespakket build` (only when pandoc is installed).

Usage:  python benchmarks/pandoc_compare.py MAP   (MAP: a folder with lessons/ and a built output/)

For every (lesson, audience) it writes what our deck shows (slide titles, text and speaker notes,
from the same deck plan) and the text of our teacher guide (taken from the built PDF) as Markdown,
then times one whole `pandoc` process per file: the deck to .pptx, the guide to HTML, and to PDF
when pandoc has a PDF engine here (weasyprint, wkhtmltopdf or pdflatex).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PDF_ENGINES = ("weasyprint", "wkhtmltopdf", "pdflatex")


def deck_markdown(document, options) -> str:
    from generators.deck.render import deck_plan

    plan = deck_plan(document, options)
    lines = [f"% {plan.meta.title}", ""]
    for slide in plan.slides:
        lines += [f"# {slide.title}", ""]
        for box in slide.boxes:
            lines += [f"- {para.text}" for para in box] + [""]
        if slide.notes:
            lines += ["::: notes", *slide.notes, ":::", ""]
    return "\n".join(lines)


def guide_markdown(pdf: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            text = page.get_textpage().get_text_range().replace("\r\n", "\n")
            pages.append("\n\n".join(line.strip() for line in text.split("\n") if line.strip()))
        return "\n\n".join(pages)
    finally:
        document.close()


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def compare(workdir: Path) -> list[str]:
    """Dutch report lines; empty when pandoc is not installed."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return []
    from generators.build.pipeline import load_project, resolve_all
    from generators.paths import ASSETS_DIR, artifact_path
    from generators.registry import RenderOptions

    options = RenderOptions(assets_dir=ASSETS_DIR)
    documents = resolve_all(load_project([workdir / "lessons"], lint=False))
    engine = next((e for e in PDF_ENGINES if shutil.which(e)), None)
    decks, guides_html, guides_pdf = [], [], []
    with tempfile.TemporaryDirectory(prefix="pandoc-") as tmp:
        folder = Path(tmp)
        for document in documents:
            name = f"{document.lesson_id}_{document.audience.id}"
            deck, guide = folder / f"{name}-presentatie.md", folder / f"{name}-handleiding.md"
            deck.write_text(deck_markdown(document, options), encoding="utf-8")
            built = workdir / "output" / artifact_path(document.series, document.lesson_id, document.audience.id,
                                                     "docentenhandleiding.pdf")
            guide.write_text(guide_markdown(built), encoding="utf-8")
            decks.append(_timed([pandoc, str(deck), "--slide-level=1", "-o", str(deck.with_suffix(".pptx"))]))
            guides_html.append(_timed([pandoc, str(guide), "-s", "--metadata", f"title={name}",
                                       "-o", str(guide.with_suffix(".html"))]))
            if engine:
                guides_pdf.append(_timed([pandoc, str(guide), f"--pdf-engine={engine}", "-o", str(guide.with_suffix(".pdf"))]))
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]

    def row(label: str, times: list[float]) -> str:
        return (f"{label:<38}{sum(times):>7.2f}s samen, {statistics.median(times):.2f}s mediaan per bestand "
                f"({len(times)} processen)")

    lines = [f"Dezelfde inhoud via {version}, één pandoc-proces per bestand:",
             row("presentaties (Markdown -> pptx)", decks), row("handleidingen (Markdown -> HTML)", guides_html)]
    lines.append(row(f"handleidingen (Markdown -> PDF, {engine})", guides_pdf) if engine
                 else "handleidingen als PDF: niet gemeten (pandoc heeft hier geen PDF-programma: "
                      + ", ".join(PDF_ENGINES) + ").")
    return lines


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.splitlines()[2])
    lines = compare(Path(sys.argv[1]))
    print("\n".join(lines) if lines else "pandoc is hier niet geïnstalleerd: niets vergeleken.")


if __name__ == "__main__":
    main()
