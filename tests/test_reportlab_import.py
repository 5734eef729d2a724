"""reportlab imported with faster character classes: the same characters match, the warm process uses them,
and the files come out the same."""

from __future__ import annotations

import ast
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
import reportlab.platypus.paragraph

from generators.build import load_project, resolve_all
from generators.paths import ASSETS_DIR
from generators.registry import GENERATORS, RenderOptions
from generators.render_pool import RenderPool
from generators.reportlab_import import FASTER_CLASSES, faster_pattern

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "lessons" / "professionals"  # Why this one: web addresses in its text, and long words to hyphenate
EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def reportlab_url_pattern() -> str:
    """The URL pattern as reportlab's source writes it, whatever this process imported."""
    tree = ast.parse(Path(reportlab.platypus.paragraph.__file__).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "uri_pat":
            return ast.literal_eval(node.value.args[0])
    raise AssertionError("reportlab.platypus.paragraph has no uri_pat any more: see generators/reportlab_import.py")


@pytest.mark.parametrize(("slow", "ignorecase"), list(FASTER_CLASSES))
def test_each_faster_class_matches_exactly_the_characters_of_the_original(slow, ignorecase):
    flags = re.IGNORECASE if ignorecase else 0
    fast = FASTER_CLASSES[slow, ignorecase]
    assert re.findall(fast, EVERY_CHARACTER, flags) == re.findall(slow, EVERY_CHARACTER, flags)


def test_the_url_pattern_is_rewritten_and_matches_as_before():
    original = reportlab_url_pattern()
    rewritten = faster_pattern(original, re.IGNORECASE)
    assert "\xa1-\uffff" not in rewritten, "reportlab changed its URL pattern; FASTER_CLASSES no longer applies"
    slow, fast = re.compile(original, re.IGNORECASE), re.compile(rewritten, re.IGNORECASE)
    samples = [
        "https://www.comensha.nl/voor-professionals/zorgcoordinatoren", "HTTP://WWW.VEILIGTHUIS.NL/",
        "ftp://user:pw@192.168.0.1:8080/pad?x=1#deel", "https://[2001:db8::1]/", "http://localhost:5000",
        "https://bücher.example.de/straße", "https://xn--bcher-kva.example", "https://ünïcödé.テスト/",
        "http://-start.nl", "http://eind-.nl", "https://a.b", "www.veiligthuis.nl", "geen adres", "https://", "",
        "mailto:iemand@example.nl", "https://kelvin.\u212a\u212a", "https://lange-s.\u017fs", "https://emoji.\U0001f600.nl",
    ]
    for sample in samples:
        expected, got = slow.match(sample), fast.match(sample)
        assert (got and got.groups()) == (expected and expected.groups()), sample


def test_the_workers_use_the_faster_patterns_and_make_the_same_files():
    """In a fresh process as in a build: the lessons are read first, then the warm process imports reportlab."""
    probe = (
        "import pickle, sys\n"
        "from pathlib import Path\n"
        "from generators.build import load_project, resolve_all\n"
        "from generators.paths import ASSETS_DIR\n"
        "from generators.registry import GENERATORS, RenderOptions\n"
        "from generators.render_pool import RenderPool\n"
        f"documents = resolve_all(load_project([Path({str(LESSON)!r})]))\n"
        "before = 'reportlab' in sys.modules\n"
        "with RenderPool(1, RenderOptions(ASSETS_DIR), GENERATORS) as pool:\n"
        "    uri = pool.call(eval, \"__import__('reportlab.platypus.paragraph').platypus.paragraph.uri_pat.pattern\")()\n"
        "    files = {path: content for r in pool.render(documents) for _, path, content in r.files}\n"
        "sys.stdout.buffer.write(pickle.dumps((before, uri, files)))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr.decode()
    imported_before, uri, files = pickle.loads(run.stdout)
    assert not imported_before, "reading the lessons imported reportlab, before the warm process could"
    assert uri == faster_pattern(reportlab_url_pattern(), re.IGNORECASE) != reportlab_url_pattern()
    with RenderPool(0, RenderOptions(ASSETS_DIR), GENERATORS) as pool:
        here = {path: content for r in pool.render(resolve_all(load_project([LESSON]))) for _, path, content in r.files}
    assert files == here
