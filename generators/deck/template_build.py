"""Build assets/templates/dia-sjabloon.pptx: our 16:9 slide template with named layouts, theme and nl-NL.

Run `python -m generators.deck.template_build` after changing this file and commit the result.
Why a script: the template is then reproducible and reviewable as code, and the same bytes come
out on every machine (fixed core properties and zip dates).
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass

from lxml import etree

from generators.deck.package import CoreProperties, rezip, save_deterministic, set_core_properties
from generators.paths import ASSETS_DIR

TEMPLATE_PATH = ASSETS_DIR / "templates" / "dia-sjabloon.pptx"
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
EMU = 914400  # per inch
_XMLNS = f'xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}" xmlns:r="{NS["r"]}"'
WIDTH, HEIGHT = 12192000 / EMU, 6858000 / EMU
MARGIN = 0.75

PALETTE = {  # calm, serious, friendly: deep teal-blue ink, warm paper, terracotta and sage accents
    "dk1": "1D2B36", "lt1": "FFFFFF", "dk2": "16465A", "lt2": "F6F2EA",
    "accent1": "2A7F7A", "accent2": "C65D3B", "accent3": "E9B949", "accent4": "3F7F5F",
    "accent5": "3C6E9F", "accent6": "8E6C8A", "hlink": "2A6F97", "folHlink": "6D597A",
}


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def xfrm(self) -> str:
        return (f'<a:xfrm><a:off x="{round(self.x * EMU)}" y="{round(self.y * EMU)}"/>'
                f'<a:ext cx="{round(self.w * EMU)}" cy="{round(self.h * EMU)}"/></a:xfrm>')


def _fill(colour: str) -> str:
    return f'<a:solidFill><a:schemeClr val="{colour}"/></a:solidFill>'


def _level(size: int | None = None, colour: str | None = None, bold: bool = False, italic: bool = False,
           align: str = "l", bullet: str | None = None, space_before: int = 0, indent: bool = False) -> str:
    marks = ' marL="457200" indent="-457200"' if indent else ' marL="0" indent="0"'
    bullet_xml = (f'<a:buClr><a:schemeClr val="accent2"/></a:buClr><a:buFont typeface="Arial"/>'
                  f'<a:buChar char="{bullet}"/>' if bullet else "<a:buNone/>")
    attrs = (f' sz="{size * 100}"' if size else "") + (' b="1"' if bold else "") + (' i="1"' if italic else "")
    fill = _fill(colour) if colour else ""
    return (f'<a:lvl1pPr{marks} algn="{align}"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{space_before * 100}"/></a:spcBef>{bullet_xml}'
            f'<a:defRPr{attrs} lang="nl-NL">{fill}</a:defRPr></a:lvl1pPr>')


def _body_pr(anchor: str = "t") -> str:
    return (f'<a:bodyPr vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
            f'rtlCol="0" anchor="{anchor}"><a:noAutofit/></a:bodyPr>')


class _Shapes:
    """Collects the shapes of one layout (or the master) as XML, numbering their ids."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.next_id = 2

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def placeholder(self, name: str, ph: str, box: Box, prompt: str, level: str = "", anchor: str = "t",
                    fill: str | None = None) -> None:
        sp_fill = _fill(fill) if fill else ""
        self.parts.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            f'</p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{box.xfrm()}'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{sp_fill}</p:spPr>'
            f'<p:txBody>{_body_pr(anchor)}<a:lstStyle>{level}</a:lstStyle><a:p><a:r><a:rPr lang="nl-NL"/>'
            f'<a:t>{prompt}</a:t></a:r></a:p></p:txBody></p:sp>'
        )

    def rect(self, name: str, box: Box, colour: str) -> None:
        self.parts.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/>'
            f'</p:nvSpPr><p:spPr>{box.xfrm()}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{_fill(colour)}'
            f'<a:ln><a:noFill/></a:ln></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p>'
            f'<a:endParaRPr lang="nl-NL"/></a:p></p:txBody></p:sp>'
        )

    def glyph(self, name: str, box: Box, text: str, size: int, colour: str) -> None:
        self.parts.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{name}"/><p:cNvSpPr txBox="1"/>'
            f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{box.xfrm()}<a:prstGeom prst="rect"><a:avLst/>'
            f'</a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" '
            f'bIns="0" anchor="t"><a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang="nl-NL" '
            f'sz="{size * 100}" b="1">{_fill(colour)}<a:latin typeface="+mj-lt"/></a:rPr><a:t>{text}</a:t>'
            f'</a:r></a:p></p:txBody></p:sp>'
        )

    def tree(self) -> str:
        return (f'<p:spTree {_XMLNS}><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
                f'</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
                f'<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>{"".join(self.parts)}'
                f'</p:spTree>')


# --- geometry shared by the layouts --------------------------------------------------------

CONTENT_W = WIDTH - 2 * MARGIN
TITLE = Box(MARGIN, 0.35, CONTENT_W, 1.25)
RULE = Box(MARGIN, 1.68, 1.1, 0.09)
BODY = Box(MARGIN, 1.95, CONTENT_W, 5.05)
BAND = Box(0, 0, 0.22, HEIGHT)
COLUMN_GAP = 0.5
COLUMN_W = (CONTENT_W - COLUMN_GAP) / 2
RIGHT_X = MARGIN + COLUMN_W + COLUMN_GAP
PICTURE_W = 7.4

PROMPT_TITLE = "Klik om de titel te bewerken"
PROMPT_TEXT = "Klik om tekst toe te voegen"


def _title(shapes: _Shapes, box: Box = TITLE, colour: str = "tx2", size: int = 40, anchor: str = "b",
           kind: str = "title") -> None:
    shapes.placeholder("Titel", f'<p:ph type="{kind}"/>', box, PROMPT_TITLE,
                       _level(size, colour, bold=True), anchor)


def _body(shapes: _Shapes, name: str, idx: int, box: Box, prompt: str = PROMPT_TEXT, anchor: str = "t",
          fill: str | None = None, **level) -> None:
    shapes.placeholder(name, f'<p:ph type="body" idx="{idx}"/>', box, prompt, _level(**level), anchor, fill)


def _content_frame(shapes: _Shapes) -> None:
    shapes.rect("Band", BAND, "accent1")
    shapes.rect("Lijn", RULE, "accent2")
    _title(shapes)


def _layouts() -> list[tuple[str, str, str, _Shapes]]:
    """(name, layout type, background colour, shapes) for every layout, in template order."""
    result = []

    s = _Shapes()
    s.rect("Lijn", Box(MARGIN, 1.95, 1.4, 0.12), "accent2")
    _title(s, Box(MARGIN, 2.2, CONTENT_W, 2.1), "bg1", 48, "t", kind="ctrTitle")
    # Why this tall: the audience line and a school's name of two lines, at the largest body size (32 pt)
    s.placeholder("Ondertitel", '<p:ph type="subTitle" idx="1"/>', Box(MARGIN, 4.45, CONTENT_W, 2.5),
                  PROMPT_TEXT, _level(26, "bg2"))
    result.append(("Titel", "title", "tx2", s))

    s = _Shapes()
    s.rect("Lijn", Box(MARGIN, 2.75, 1.4, 0.12), "accent3")
    _title(s, Box(MARGIN, 0.75, CONTENT_W, 1.85), "bg1", 54, "b")
    _body(s, "Activiteiten", 1, Box(MARGIN, 3.05, CONTENT_W, 4.0), colour="bg2", size=26)
    result.append(("Sectie", "secHead", "accent1", s))

    s = _Shapes()
    _content_frame(s)
    _body(s, "Tekst", 1, BODY, size=28, colour="tx1", bullet="•", indent=True, space_before=12)
    result.append(("Inhoud", "obj", "bg2", s))

    s = _Shapes()
    _content_frame(s)
    heading = dict(size=28, colour="accent1", bold=True)
    column = dict(size=28, colour="tx1", bullet="•", indent=True, space_before=10)
    _body(s, "Kop links", 1, Box(MARGIN, 1.95, COLUMN_W, 0.8), anchor="b", **heading)
    _body(s, "Kop rechts", 2, Box(RIGHT_X, 1.95, COLUMN_W, 0.8), anchor="b", **heading)
    _body(s, "Tekst links", 3, Box(MARGIN, 2.85, COLUMN_W, 4.15), **column)
    _body(s, "Tekst rechts", 4, Box(RIGHT_X, 2.85, COLUMN_W, 4.15), **column)
    result.append(("Twee kolommen", "twoTxTwoObj", "bg2", s))

    s = _Shapes()
    _content_frame(s)
    # Why the caption beside the picture: at the audience's body size a caption under it leaves the picture little
    # room, and beside it the caption starts level with the picture's top wherever the picture ends.
    s.placeholder("Afbeelding", '<p:ph type="pic" idx="1"/>', Box(MARGIN, 1.95, PICTURE_W, 5.05),
                  "Klik op het pictogram om een afbeelding toe te voegen", _level(20))
    _body(s, "Onderschrift", 2, Box(MARGIN + PICTURE_W + 0.3, 1.95, CONTENT_W - PICTURE_W - 0.3, 5.05), size=24,
          colour="tx1", italic=True)
    result.append(("Afbeelding", "picTx", "bg2", s))

    s = _Shapes()
    _content_frame(s)
    s.glyph("Aanhalingsteken", Box(MARGIN - 0.05, 1.75, 1.4, 1.6), "\u201c", 150, "accent1")
    _body(s, "Citaat", 1, Box(MARGIN + 1.25, 2.05, CONTENT_W - 1.25, 3.75), anchor="ctr",
          size=32, colour="tx2", italic=True)
    _body(s, "Bron", 2, Box(MARGIN + 1.25, 5.95, CONTENT_W - 1.25, 1.0), size=22, colour="accent1", align="r")
    result.append(("Citaat", "cust", "bg2", s))

    s = _Shapes()
    _content_frame(s)
    _body(s, "Stelling", 1, Box(MARGIN, 1.95, CONTENT_W, 3.45), anchor="ctr", size=36, colour="tx2",
          bold=True, align="ctr")
    label = dict(anchor="ctr", size=28, colour="bg1", bold=True, align="ctr")
    _body(s, "Eens", 2, Box(MARGIN, 5.65, COLUMN_W, 1.1), fill="accent4", **label)
    _body(s, "Oneens", 3, Box(RIGHT_X, 5.65, COLUMN_W, 1.1), fill="accent2", **label)
    result.append(("Stelling", "cust", "bg2", s))

    s = _Shapes()
    _content_frame(s)
    # Why no question mark of its own: the deck puts a pictogram beside the question
    _body(s, "Vraag", 1, BODY, size=28, colour="tx1", space_before=12)
    result.append(("Vraag", "cust", "bg2", s))

    s = _Shapes()
    s.rect("Band", BAND, "accent2")
    s.rect("Lijn", RULE, "accent3")
    _title(s, TITLE, "bg1")
    # Why these heights: six help lines at the audience's body size, and two lines of who helps at school
    _body(s, "Hulp", 1, Box(MARGIN, 1.95, CONTENT_W, 3.75), size=26, colour="bg1", space_before=6)
    _body(s, "Op school", 2, Box(MARGIN, 5.8, CONTENT_W, 1.35), fill="bg2", size=24, colour="tx1",
          space_before=4)
    result.append(("Afsluiting", "cust", "tx2", s))

    s = _Shapes()
    _content_frame(s)  # Why no text placeholder: the deck draws the chat's bubbles in the room below the title
    result.append(("Chat", "titleOnly", "bg2", s))
    return result


def _background(colour: str) -> str:
    return f'<p:bg {_XMLNS}><p:bgPr>{_fill(colour)}<a:effectLst/></p:bgPr></p:bg>'


def _replace_csld(element, name: str | None, background: str, tree: str) -> None:
    csld = element.find("p:cSld", NS)
    if name is not None:
        csld.set("name", name)
    for child in list(csld):
        csld.remove(child)
    csld.append(etree.fromstring(_background(background)))
    csld.append(etree.fromstring(tree))


def _master_styles() -> str:
    def levels(size: int, colour: str, bold: bool, bullets: bool) -> str:
        out = []
        for n in range(1, 10):
            indent = 457200 * n if bullets else 0
            bullet = ('<a:buClr><a:schemeClr val="accent2"/></a:buClr><a:buFont typeface="Arial"/>'
                      '<a:buChar char="•"/>' if bullets else "<a:buNone/>")
            margins = f' marL="{indent}" indent="{-457200 if bullets else 0}"'
            font = "+mj-lt" if bold else "+mn-lt"
            weight = ' b="1"' if bold else ""
            out.append(
                f'<a:lvl{n}pPr{margins} algn="l" rtl="0"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
                f'<a:spcBef><a:spcPts val="{1000 if bullets else 0}"/></a:spcBef>{bullet}'
                f'<a:defRPr sz="{max(size - 200 * (n - 1), 2000)}"{weight} kern="0" '
                f'lang="nl-NL">{_fill(colour)}<a:latin typeface="{font}"/><a:ea typeface="+mn-ea"/>'
                f'<a:cs typeface="+mn-cs"/></a:defRPr></a:lvl{n}pPr>'
            )
        return "".join(out)

    return (f'<p:txStyles {_XMLNS}><p:titleStyle>{levels(4000, "tx2", True, False)}</p:titleStyle>'
            f'<p:bodyStyle>{levels(2800, "tx1", False, True)}</p:bodyStyle>'
            f'<p:otherStyle><a:defPPr><a:defRPr lang="nl-NL"/></a:defPPr>{levels(1800, "tx1", False, False)}'
            f'</p:otherStyle></p:txStyles>')


def _theme(xml: bytes) -> bytes:
    theme = etree.fromstring(xml)
    theme.set("name", "Lespakket")
    scheme = theme.find(".//a:clrScheme", NS)
    scheme.set("name", "Lespakket")
    for child in scheme:
        key = etree.QName(child).localname
        for colour in list(child):
            child.remove(colour)
        etree.SubElement(child, f"{{{NS['a']}}}srgbClr", val=PALETTE[key])
    fonts = theme.find(".//a:fontScheme", NS)
    fonts.set("name", "Lespakket")
    for latin in fonts.iterfind(".//a:latin", NS):
        latin.set("typeface", "Calibri")
    return etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def build_template() -> bytes:
    """The template's bytes; the same on every run."""
    from pptx import Presentation

    presentation = Presentation()
    presentation.slide_width = round(WIDTH * EMU)
    presentation.slide_height = round(HEIGHT * EMU)
    presentation.element.find("p:sldSz", NS).attrib.pop("type", None)
    layouts = presentation.slide_layouts
    specs = _layouts()
    for extra in list(layouts)[len(specs):]:
        layouts.remove(extra)
    for layout, (name, kind, background, shapes) in zip(layouts, specs):
        layout.element.set("type", kind)
        _replace_csld(layout.element, name, background, shapes.tree())

    master = presentation.slide_master.element
    shapes = _Shapes()
    _title(shapes)
    _body(shapes, "Tekst", 1, BODY)
    _replace_csld(master, None, "bg2", shapes.tree())
    master.replace(master.find("p:txStyles", NS), etree.fromstring(_master_styles()))
    presentation.notes_master  # noqa: B018  Why: creates the notes master with its body placeholder (#983)
    set_core_properties(presentation, CoreProperties(
        title="Diasjabloon lespakket", subject="Sjabloon voor de presentaties van de lespakketten",
        author="lespakket", keywords="sjabloon; presentatie"))

    raw = save_deterministic(presentation)
    replace = {}
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        for name in package.namelist():
            data = package.read(name)
            if name.endswith(".xml"):
                data = data.replace(b'lang="en-US"', b'lang="nl-NL"')
            if name == "ppt/theme/theme1.xml":
                data = _theme(data)
            replace[name] = data
    return rezip(raw, replace)


def main() -> None:
    TEMPLATE_PATH.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE_PATH.write_bytes(build_template())
    print(f"Sjabloon geschreven: {TEMPLATE_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
