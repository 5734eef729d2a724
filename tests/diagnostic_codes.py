"""Every diagnostic code that the code in generators/ can report, found by reading its syntax tree."""

from __future__ import annotations

import ast
import re
from pathlib import Path

GENERATORS = Path(__file__).resolve().parent.parent / "generators"
_CODE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_FIRST_ARGUMENT = {"error", "warning", "warn", "ImagePathError", "PydanticCustomError"}


def _text(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and _CODE.match(node.value):
        return node.value
    return None


def _returned_pairs(node: ast.Return) -> list[ast.Tuple]:
    """(code, message, ...) tuples that a function returns, alone or in a list (schema_errors, image_assets)."""
    values = node.value.elts if isinstance(node.value, ast.List) else [node.value]
    return [v for v in values if isinstance(v, ast.Tuple) and len(v.elts) >= 2
            and isinstance(v.elts[1], (ast.Constant, ast.JoinedStr))]


def _assigned_codes(node: ast.Assign) -> list[ast.AST]:
    """`code = "x"` and `code, message, where = "x", ...` (schema_errors)."""
    found = []
    for target in node.targets:
        if isinstance(target, ast.Name) and target.id == "code":
            found.append(node.value)
        elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple) and target.elts \
                and isinstance(target.elts[0], ast.Name) and target.elts[0].id == "code":
            found.append(node.value.elts[0])
    return found


def diagnostic_codes() -> dict[str, set[str]]:
    """code -> names of the modules that report it."""
    found: dict[str, set[str]] = {}
    for path in sorted(GENERATORS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            candidates: list[ast.AST | None] = []
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in _FIRST_ARGUMENT and node.args:
                    candidates.append(node.args[0])
                elif name == "Diagnostic" and len(node.args) > 1:
                    candidates.append(node.args[1])
            elif isinstance(node, ast.Return) and node.value is not None:
                candidates += [pair.elts[0] for pair in _returned_pairs(node)]
            elif isinstance(node, ast.Assign):
                candidates += _assigned_codes(node)
            for candidate in candidates:
                code = _text(candidate)
                if code:
                    found.setdefault(code, set()).add(path.relative_to(GENERATORS).as_posix())
    return found
