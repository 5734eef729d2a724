"""The page 'Pakket voor jouw school', in the catalog's look, with its own Content-Security-Policy."""

from __future__ import annotations

from functools import lru_cache

from generators.app.library import Library
from generators.app.school_form import CONTACT_FIELDS, ROLES, Typed
from generators.data.school_limits import MAX_CONTACTS, MAX_SCHOOL_TEXT, MAX_TEXT
from generators.publish.catalog import TEMPLATES, csp_hash, environment

PAGE_TEMPLATE = "school.html.j2"
CONTACT_LABELS = {"naam": "naam", "rol": "rol", "functie": "functie", "bereikbaar": "hoe bereik je deze persoon"}


@lru_cache(maxsize=1)
def _assets():
    """(style, script, policy). Why a policy of its own: unlike the catalog's pages, this one posts a form to the app."""
    from markupsafe import Markup

    style = Markup("\n".join((TEMPLATES / name).read_text(encoding="utf-8") for name in ("stijl.css", "formulier.css")))
    script = Markup((TEMPLATES / "formulier.js").read_text(encoding="utf-8"))
    policy = (f"default-src 'none'; img-src 'self' data:; style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
              "base-uri 'none'; form-action 'self'")
    return style, script, policy


def page_policy() -> str:
    """The page's policy as a header: frame-ancestors only works there."""
    return f"{_assets()[2]}; frame-ancestors 'none'"


def _summary(typed: Typed, errors: dict[str, str], library: Library) -> list[tuple[str, str]]:
    """(where the link goes, text) for each error, in the order of the page."""
    targets = {"naam": ("naam", "Naam van de school"), "plaats": ("plaats", "Plaats"),
               "contactpersonen": ("contact-1-naam", "Contactpersonen")}
    for number in range(1, len(typed.contacts) + 1):
        for name in CONTACT_FIELDS:
            field_id = f"contact-{number}-{name}"
            targets[field_id] = (field_id, f"Contactpersoon {number}, {CONTACT_LABELS[name]}")
    targets["lessen"] = (f"reeks-{library.series[0].id}", "Lessen")
    targets["doelgroepen"] = (f"doelgroep-{library.audiences[0].id}", "Doelgroepen")
    return [(f"#{href}", f"{label}: {errors[key]}") for key, (href, label) in targets.items() if key in errors]


def school_page(library: Library, typed: Typed, errors: dict[str, str] | None = None, notice: str | None = None) -> bytes:
    """The page; `errors` beside their fields and listed above the form, `notice` above the form (a busy server)."""
    style, script, policy = _assets()
    errors = errors or {}
    return environment().get_template(PAGE_TEMPLATE).render(
        style=style, script=script, csp=policy, root="/", school=None, audiences=[],
        library=library, typed=typed, errors=errors, summary=_summary(typed, errors, library), notice=notice,
        roles=ROLES, max_contacts=MAX_CONTACTS, school_limits=MAX_SCHOOL_TEXT, contact_limits=MAX_TEXT,
    ).encode("utf-8")
