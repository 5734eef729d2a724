"""The school's help people of one audience (doelgroepen.yaml `hulp_op_school`), worded for pupils, parents and teachers."""

from __future__ import annotations

from generators.data.models import Doelgroep, Rol
from generators.lesson.document import SchoolHelp


def join_words(items: list[str], last: str) -> str:
    """['a', 'b', 'c'] with last 'of' -> 'a, b of c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def school_help_of(group: Doelgroep, roles: list[Rol]) -> SchoolHelp:
    by_id = {r.id: r for r in roles}
    named = [by_id[i] for i in group.hulp_op_school.rollen if i in by_id]
    colleagues = [f"de {r.naam}" for r in named if not r.eigen]
    return SchoolHelp(
        lead=group.hulp_op_school.kop,
        for_pupils=join_words([f"{'je' if r.eigen else 'de'} {r.naam}" for r in named], "of"),
        also=group.hulp_op_school.ook,
        for_parents=join_words([f"de {r.naam}{' van uw kind' if r.eigen else ''}" for r in named], "of"),
        for_teacher=join_words([f"de {r.naam}" for r in named], "en"),
        colleagues=join_words(colleagues or [f"de {r.naam}" for r in named], "en"),
        roles=tuple(r.naam for r in named),
    )
