"""The learning path of a series for one audience on one A4 page (leerlijn.pdf, in the series pack)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from generators.guide.parts import Guide, callout, minor_heading
from generators.learning_path.model import LearningPath
from generators.pdf.pages import PageFurniture, PageGeometry, PdfMeta, build_pdf
from generators.pdf.style import Colours, fonts_dir, house_styles, register_fonts, table_style, text_markup

LABEL = "Leerlijn"
BODY_PT = 10.5
HOW_TO = ("Geef de lessen in deze volgorde. Een les die voortbouwt op een andere, gaat ervan uit dat de klas die "
          "al heeft gehad; heeft de klas die niet gehad, lees dan in de handleiding van die les de achtergrond.")


def render_learning_path(path: LearningPath, assets_dir: Path) -> bytes:
    register_fonts(fonts_dir(assets_dir))
    guide = Guide(house_styles(BODY_PT), PageGeometry().frame_width)
    return build_pdf(learning_path_story(guide, path), _meta(path),
                     PageFurniture(header_left=path.series_title, header_right=f"{LABEL} · {path.audience_label}",
                                   show_page_numbers=False))


def _minutes(minutes: int) -> str:
    return f"{minutes} minuten" if minutes < 60 or minutes % 60 else f"{minutes // 60} uur"


def learning_path_story(guide: Guide, path: LearningPath) -> list[Flowable]:
    styles = guide.styles
    lessons = f"{len(path.steps)} {'les' if len(path.steps) == 1 else 'lessen'}"
    story: list[Flowable] = [
        Paragraph(text_markup(f"{LABEL}: {path.series_title}"), styles.title),
        guide.para(text_markup(f"Voor {path.audience_who} ({path.audience_label}) · {lessons} · samen "
                               f"{_minutes(path.total_minutes)}"), styles.subtitle),
        guide.space(0.6),
    ]
    if path.series_description:
        story += [guide.para(text_markup(path.series_description)), guide.space(0.6)]
    story += [_steps_table(guide, path), guide.space(1.0), callout(guide, [guide.para(text_markup(HOW_TO))])]
    return story


def _steps_table(guide: Guide, path: LearningPath) -> Table:
    styles = guide.styles
    label = styles.label.clone("path-label", fontSize=BODY_PT * 0.85, textColor=Colours.white)
    small = styles.body.clone("path-small", fontSize=BODY_PT * 0.9, leading=BODY_PT * 1.25)
    rows: list[list] = [[Paragraph(t, label) for t in ("", "Les", "Duur", "Bouwt voort op")]]
    for step in path.steps:
        lesson = [Paragraph(f"<b>{text_markup(step.title)}</b>", styles.body)]
        if step.why:
            lesson.append(Paragraph(text_markup(step.why), small))
        rows.append([
            Paragraph(f"<b>{step.number}</b>", styles.body),
            lesson,
            Paragraph(text_markup(_minutes(step.minutes)), small),
            Paragraph("<br/>".join(text_markup(t) for t in step.builds_on) or "(de start)", small),
        ])
    rows.append(["", Paragraph("<b>Samen</b>", styles.body), Paragraph(f"<b>{text_markup(_minutes(path.total_minutes))}</b>", small), ""])
    widths = [9 * mm, guide.width - 9 * mm - 24 * mm - 46 * mm, 24 * mm, 46 * mm]
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(table_style(
        ("BACKGROUND", (0, 0), (-1, 0), Colours.primary),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -2), [Colours.white, Colours.tint]),
        ("LINEABOVE", (0, -1), (-1, -1), 1, Colours.primary),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ))
    return table


def _meta(path: LearningPath) -> PdfMeta:
    return PdfMeta(
        title=f"{LABEL}: {path.series_title} ({path.audience_label})",
        author=path.publisher,
        subject=f"De lessen van '{path.series_title}' in volgorde, waarop elke les voortbouwt en de totale tijd.",
        keywords=("leerlijn", "uitbuiting", path.audience_label),
        creator=path.publisher,
    )
