"""The school's contact people on the staff poster: a box beside the conversation tips, or a band of columns."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from generators.guide.parts import WriteLine
from generators.lesson.document import Contact, SchoolInfo
from generators.pdf.style import Colours, table_style, text_markup
from generators.data.school_limits import POSTER_COLUMNS, poster_columns, role_text

HEAD = "Bij ons op school"
FILL_IN = "Schrijf hier de namen van jullie contactpersonen."
SCHOOL_ROLES = ("Aandachtsfunctionaris", "Vertrouwenspersoon", "Zorgteam")


def side_box(school: SchoolInfo | None, width: float, heading: ParagraphStyle, body: ParagraphStyle,
             pt) -> Table:
    """The school's own people in the accent colour beside the conversation tips; without a school file, lines
    to write them in. `pt` scales a size in points to the poster."""
    head = heading.clone("p-school-head", textColor=Colours.white, spaceAfter=pt(2))
    on_accent = body.clone("p-on-accent", textColor=Colours.white)
    content: list[Flowable] = [Paragraph(HEAD, head)]
    if school and school.contacts:
        content.append(Paragraph(text_markup(school.name), on_accent))
        person = body.clone("p-person", fontName=heading.fontName, fontSize=pt(12.5), leading=pt(15),
                            textColor=Colours.white, spaceBefore=pt(5), hyphenationLang="")
        for c in school.contacts:
            role = text_markup(role_text(c.role, c.function))
            content += [Paragraph(text_markup(c.name), person),
                        Paragraph(f"<b>{role}</b><br/>{text_markup(c.reach)}", on_accent)]
    else:
        content.append(Paragraph(FILL_IN, on_accent))
        label = body.clone("p-fill-label", fontName=heading.fontName, textColor=Colours.white, spaceBefore=pt(5),
                           hyphenationLang="")
        for role in SCHOOL_ROLES:
            content += [Paragraph(f"{text_markup(role)}:", label), WriteLine(pt(15), Colours.white)]
    box = Table([[content]], colWidths=[width], hAlign="LEFT")
    box.setStyle(table_style(
        ("BACKGROUND", (0, 0), (-1, -1), Colours.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), pt(11)), ("RIGHTPADDING", (0, 0), (-1, -1), pt(11)),
        ("TOPPADDING", (0, 0), (-1, -1), pt(9)), ("BOTTOMPADDING", (0, 0), (-1, -1), pt(11)),
    ))
    return box


def band(school: SchoolInfo, width: float, heading: ParagraphStyle, body: ParagraphStyle, pt) -> Table:
    """Many contact people across the full width: a heading strip in the accent colour, then the people in
    columns, read down each column; each person is a bold name over role and how to reach them."""
    head = heading.clone("p-band-head", textColor=Colours.white, spaceAfter=0)
    name_style = body.clone("p-band-name", fontName=heading.fontName, hyphenationLang="")
    entry_style = body.clone("p-band-entry", spaceAfter=body.fontSize * 0.55)
    role_colour = Colours.primary.hexval()
    columns = POSTER_COLUMNS

    def person(c: Contact) -> list[Flowable]:
        role = (f"<font name='{heading.fontName}' color='{role_colour}'>"
                f"{text_markup(role_text(c.role, c.function))}</font>")
        return [Paragraph(text_markup(c.name), name_style), Paragraph(f"{role} · {text_markup(c.reach)}", entry_style)]

    stacks = [[f for c in column for f in person(c)] for column in poster_columns(school.contacts)]
    stacks += [[] for _ in range(columns - len(stacks))]
    title = (f"{HEAD}<font name='{body.fontName}' size='{heading.fontSize * 0.8}'>&nbsp;&nbsp;"
             f"{text_markup(school.name)}</font>")
    edge, gap = pt(9), pt(12)
    column = (width - gap * (columns - 1) - 2 * edge) / columns
    widths = [column + edge + gap / 2] + [column + gap] * (columns - 2) + [column + gap / 2 + edge]
    table = Table([[Paragraph(title, head)] + [""] * (columns - 1), stacks], colWidths=widths, hAlign="LEFT")
    table.setStyle(table_style(
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), Colours.accent),
        ("BACKGROUND", (0, 1), (-1, -1), Colours.tint_warm),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), gap / 2), ("RIGHTPADDING", (0, 0), (-1, -1), gap / 2),
        ("LEFTPADDING", (0, 0), (0, -1), edge), ("RIGHTPADDING", (-1, 0), (-1, -1), edge),
        ("TOPPADDING", (0, 0), (-1, 0), pt(5)), ("BOTTOMPADDING", (0, 0), (-1, 0), pt(6)),
        ("TOPPADDING", (0, 1), (-1, 1), pt(7)), ("BOTTOMPADDING", (0, 1), (-1, 1), pt(4)),
    ))
    return table
