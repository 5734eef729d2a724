"""The school roles in doelgroepen.yaml: every audience names known roles; a wrong one is a located error."""

from __future__ import annotations

import shutil

from generators.data.shared import load_shared_data
from generators.diagnostics import Diagnostics
from generators.paths import DATA_DIR


def test_every_audience_names_its_school_help_from_the_roles():
    data = load_shared_data(DATA_DIR, Diagnostics())
    roles = {r.id for r in data.doelgroepen.model.rollen}
    for group in data.doelgroepen.model.doelgroepen:
        assert set(group.hulp_op_school.rollen) <= roles
    young = data.audience("10-12")
    assert young.hulp_op_school.rollen == ["juf-of-meester", "intern-begeleider", "vertrouwenspersoon"]
    assert young.begrippen.moeilijke_woorden and not data.audience("12-15").begrippen.moeilijke_woorden


def test_an_unknown_role_is_a_located_error(tmp_path, monkeypatch):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    path = tmp_path / "data" / "doelgroepen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "rollen: [juf-of-meester, intern-begeleider", "rollen: [juf-of-meester, intern-begeleidr", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    diagnostics = Diagnostics()
    assert load_shared_data(tmp_path / "data", diagnostics) is None
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "begeleidr" in text)
    assert [d.format() for d in diagnostics.items] == [
        f"data/doelgroepen.yaml:{line}:32: fout: Onbekende rol 'intern-begeleidr'. Bedoel je 'intern-begeleider'? "
        "Kies uit: juf-of-meester, mentor, intern-begeleider, vertrouwenspersoon, zorgcoordinator, "
        "aandachtsfunctionaris. [rol-onbekend]"
    ]
