"""'Veilig lesgeven': preparing the group, the school's contact people, disclosure, the meldcode and who to call."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

from generators.lesson.document import HelpRoute, LessonDocument, SchoolInfo
from generators.pdf.style import Colours, table_style, text_markup
from generators.guide.parts import (
    Guide, Heading, WriteLine, bullets, callout, grid_table, section_heading, shared_items, sub_heading, titled,
)
from generators.data.school_limits import role_text

SAFETY_KEY = "veilig-lesgeven"
CONTACTS_KEY = "contactpersonen"
STAFF_ROLE = "aandachtsfunctionaris"
"""Why a constant: every school has one for the meldcode, whoever the lesson is for; the other roles are the
audience's (doelgroepen.yaml `hulp_op_school`)."""

BEFORE_THE_LESSON = (
    "<b>Kondig het onderwerp aan</b>, het liefst een paar dagen van tevoren. Zeg dat het over uitbuiting gaat "
    "en dat niemand iets over zichzelf hoeft te vertellen.",
    "<b>Vertel vooraf bij wie iedereen terechtkan</b>, tijdens en na de les: {everyone}. "
    "Noem hun namen en zeg waar ze te vinden zijn.",
    "<b>Maak afspraken</b>: we noemen geen namen van anderen en we lachen niemand uit. Wil iemand iets persoonlijks "
    "kwijt? Dat kan na de les, apart.",
    "<b>Laat collega's weten dat je deze les geeft</b>, zoals {colleagues}. "
    "Vraag of het onderwerp voor iemand extra zwaar kan zijn.",
    "<b>Let op reacties</b>. Wordt iemand stil, boos of onrustig? Zoek diegene na de les rustig op, "
    "zonder de groep erbij.",
)


def safety_section(guide: Guide, document: LessonDocument) -> list[Flowable]:
    intro = ("Uitbuiting kan dichtbij komen. Misschien heeft iemand in de groep het zelf meegemaakt, of kent "
             "iemand het van dichtbij. Lees dit deel vóór de les en houd het bij de hand.")
    story: list[Flowable] = [section_heading(guide, SAFETY_KEY, "Veilig lesgeven"), guide.para(intro)]
    school_help = document.audience.school_help
    before = [item.format(everyone=text_markup(school_help.for_teacher), colleagues=text_markup(school_help.colleagues))
              for item in BEFORE_THE_LESSON]
    story += titled(sub_heading(guide, "Voor en tijdens de les"), bullets(guide, before))
    story += _contacts(guide, document)
    story += titled(sub_heading(guide, "Als iemand je iets vertelt"), shared_items(guide, document.conversation_tips), 3)
    story += titled(sub_heading(guide, "De meldcode in vijf stappen"),
                    shared_items(guide, document.meldcode, numbered=True), 3)
    story += titled(sub_heading(guide, "Aandachtspunten bij de meldcode"), shared_items(guide, document.attention_points), 3)
    professionals = guide.para("Twijfel je? Je hoeft het niet alleen te doen. Overleg met de aandachtsfunctionaris "
                               "van je school en met deze organisaties.")
    story += titled(sub_heading(guide, "Advies en melden: organisaties voor professionals"),
                    [professionals, guide.space(0.4), routes_table(guide, document.teacher_help_routes)], 1)
    if document.help_routes:
        story += _lesson_routes(guide, document)
    return story


def _lesson_routes(guide: Guide, document: LessonDocument) -> list[Flowable]:
    """The help the pupils see in this lesson; organisations already described above are only named."""
    names = ", ".join(text_markup(r.name) for r in document.help_routes)
    body: list[Flowable] = [guide.para(f"In de les komen aan bod: <b>{names}</b>. Noem ze bij naam: anonieme hulp "
                                       "is vaak de eerste stap.")]
    new = [r for r in document.help_routes if r not in document.teacher_help_routes]
    if new:
        body += [guide.space(0.4), routes_table(guide, tuple(new))]
    return titled(sub_heading(guide, "Hulp die de les noemt"), body, 2)


def _contacts(guide: Guide, document: LessonDocument) -> list[Flowable]:
    """The school's own contact people from the school file, or lines to fill them in by hand."""
    styles = guide.styles
    school = document.school
    if school and school.contacts:
        return _school_contacts(guide, school)
    title = sub_heading(guide, "Contactpersonen van de school", key=CONTACTS_KEY, outline="Contactpersonen van de school")
    label = styles.body_bold
    head = styles.label
    rows = [[Paragraph("", head), Paragraph("Naam", head), Paragraph("Waar en wanneer bereikbaar", head)]]
    roles = list(document.audience.school_help.roles)
    if STAFF_ROLE not in roles:
        roles.append(STAFF_ROLE)
    roles.append("anders")
    rows += [[Paragraph(f"{text_markup(role[:1].upper() + role[1:])}:", label), WriteLine(), WriteLine()]
             for role in roles]
    lines = Table(rows, colWidths=[42 * mm, (guide.width - 64 * mm) * 0.45, None], hAlign="LEFT")
    lines.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 1), (-1, -1), 5),
    ))
    content = [
        guide.para("Vul dit in vóór de les en noem de namen aan het begin.", styles.body),
        guide.space(0.2),
        lines,
    ]
    return [KeepTogether([title, callout(guide, content)])]


def _school_contacts(guide: Guide, school: SchoolInfo) -> list[Flowable]:
    """The school's people as a table that continues on the next page under its header row.

    Why not KeepTogether: twenty people fill most of a page, and moving the whole table would leave half a page
    empty; the heading only moves when fewer than a few rows would follow it.
    """
    where = school.name + (f", {school.place}" if school.place else "")
    style = guide.styles.heading.clone("sub-contacts", spaceBefore=guide.styles.body_pt * 1.1, keepWithNext=0)
    title = Heading(f"Contactpersonen van {text_markup(where)}", style, guide, CONTACTS_KEY,
                    "Contactpersonen van de school", level=1)
    note = guide.para("Noem deze namen aan het begin van de les.", guide.styles.small)
    return [CondPageBreak(guide.styles.body_pt * 12), title, contacts_table(guide, school), guide.space(0.3), note]


def contacts_table(guide: Guide, school: SchoolInfo) -> Table:
    """Name, role and where and when to find each person; the header row repeats on every page."""
    rows = [[guide.para(f"<b>{text_markup(c.name)}</b>"), guide.para(text_markup(role_text(c.role, c.function))),
             guide.para(text_markup(c.reach))] for c in school.contacts]
    return grid_table(guide, ("Naam", "Rol", "Waar en wanneer"), rows,
                      (guide.width * 0.3, guide.width * 0.3, guide.width * 0.4))


def routes_table(guide: Guide, routes: tuple[HelpRoute, ...]) -> Table:
    """Each organisation with who it is for, what it does, and its exact number and website from assets/data."""
    styles = guide.styles
    small = styles.small_ink
    rows = []
    for route in routes:
        name = f"<b>{text_markup(route.name)}</b>"
        if route.anonymous:
            name += f"<br/><font color='{Colours.answer.hexval()}'>anoniem</font>"
        reach = []
        if route.phone_to_show:
            reach.append(f"Bel <b>{text_markup(route.phone_to_show)}</b>")
        if route.website:
            reach.append(f"<b>{text_markup(route.website)}</b>")
        if route.hours:
            reach.append(text_markup(route.hours))
        what = [Paragraph(text_markup(route.description), small)]
        if reach:
            what.append(Paragraph(" · ".join(reach), styles.body.clone("reach", textColor=Colours.primary,
                                                                         spaceBefore=2)))
        rows.append([Paragraph(name, styles.body), what])
    table = Table(rows, colWidths=[52 * mm, guide.width - 52 * mm], hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, Colours.rule),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, Colours.rule),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ))
    return table
