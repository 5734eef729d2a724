"""LibreOffice, a real consumer of our .pptx: every deck converts to PDF with one page per slide."""

from __future__ import annotations

import subprocess

from pypdf import PdfReader

from tests.deck_helpers import all_documents, open_deck, render
from tests.system_tools import require_program


def test_every_deck_converts_to_pdf_with_one_page_per_slide(project, tmp_path):
    soffice = require_program("soffice", "libreoffice-impress")
    expected = {}
    for document in all_documents(project):
        name = f"{document.lesson_id}-{document.audience.id}"
        data = render(document)
        (tmp_path / f"{name}.pptx").write_bytes(data)
        expected[name] = len(open_deck(data).slides)
    profile = tmp_path / "profiel"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *sorted(str(p) for p in tmp_path.glob("*.pptx"))],
        check=True, capture_output=True, timeout=300,
    )
    for name, slides in expected.items():
        pdf = tmp_path / "pdf" / f"{name}.pdf"
        assert pdf.exists(), f"LibreOffice did not convert {name}"
        assert len(PdfReader(pdf).pages) == slides, name
