"""Render the pictograms of assets/pictogrammen from Tabler Icons' SVG files to PNG, once, and record their sha256.

Usage: `pip install -e '.[pictogrammen]'`, `npm pack @tabler/icons` and unpack it, then
`python tools/render_pictograms.py package` (the unpacked folder). Commit the PNGs, LICENSE and the yaml.
Why PNG in git and not at build time: python-pptx takes no SVG, and cairo is a system library that a
teacher's computer may not have; the build then only reads files whose checksums it knows.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "assets" / "pictogrammen"
DATA = FOLDER / "pictogrammen.yaml"
PIXELS = 400  # 2.5 inch on a 1920-pixel projector image is 360 pixels
DISC, INK = "#E9B949", "#1D2B36"  # the template's accent3 and dk1 (generators/deck/template_build.PALETTE)
ICON_SCALE = 0.6  # the icon's share of the disc's width
STROKE = 2.0

# Why a disc behind the icon: pictograms sit on light slides, on the dark closing slide and on teal section
# slides; dark lines on a warm yellow disc read well on all three.
BADGE = """<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">
<circle cx="12" cy="12" r="12" fill="{disc}"/>
<g transform="translate({offset} {offset}) scale({scale})" fill="none" stroke="{ink}" stroke-width="{stroke}"
 stroke-linecap="round" stroke-linejoin="round">{paths}</g>
</svg>"""


def badge_svg(icon_svg: str) -> str:
    """The icon's shapes (Tabler draws with stroke="currentColor") centred on the disc."""
    inner = re.search(r"<svg[^>]*>(.*)</svg>", icon_svg, re.S)
    if inner is None:
        raise ValueError("geen <svg>-element gevonden")
    offset = 12 * (1 - ICON_SCALE)
    return BADGE.format(disc=DISC, ink=INK, stroke=STROKE, offset=offset, scale=ICON_SCALE, paths=inner.group(1))


def render(tabler_dir: Path) -> None:
    import cairosvg
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 120
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(DATA.read_text(encoding="utf-8"))
    version = __import__("json").loads((tabler_dir / "package.json").read_text(encoding="utf-8"))["version"]
    data["bron"]["versie"] = version
    for entry in data["pictogrammen"]:
        svg = (tabler_dir / "icons" / "outline" / f"{entry['tabler']}.svg").read_text(encoding="utf-8")
        png = cairosvg.svg2png(bytestring=badge_svg(svg).encode(), output_width=PIXELS, output_height=PIXELS)
        (FOLDER / entry["bestand"]).write_bytes(png)
        entry["sha256"] = hashlib.sha256(png).hexdigest()
    with DATA.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    licence = (tabler_dir / "LICENSE").read_text(encoding="utf-8")
    (FOLDER / "LICENSE").write_text(f"Tabler Icons {version} (https://tabler.io/icons)\n\n{licence}", encoding="utf-8")
    print(f"{len(data['pictogrammen'])} pictogrammen geschreven in {FOLDER}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("Gebruik: python tools/render_pictograms.py MAP  (MAP: het uitgepakte npm-pakket @tabler/icons)")
    render(Path(sys.argv[1]))
