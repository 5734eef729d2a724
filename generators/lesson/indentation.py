"""A key that stands at the wrong depth: say which block it belongs under, instead of 'unknown key'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generators.lesson.model_paths import Loc, accepts_free_keys, allowed_keys
from generators.lesson.yaml_tree import PosMap


@dataclass(frozen=True)
class Misplaced:
    key: str
    home: Loc  # the block the key belongs in
    message: str


def node_at(tree: Any, loc: Loc) -> Any:
    """The node at `loc` in the file, or None when the file does not have it."""
    node = tree
    for key in loc:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return None
    return node


def misplaced_key(root: type[BaseModel], tree: Any, loc: Loc) -> Misplaced | None:
    """Why: a key indented like its parent (or a step too far) is what YAML beginners get wrong most; 'unknown
    key' or 'here belongs a block' then points at the right line but names the wrong cure."""
    key, parent_loc = loc[-1], loc[:-1]
    parent = node_at(tree, parent_loc)
    if not isinstance(key, str) or not isinstance(parent, PosMap) or key not in parent:
        return None
    if key in allowed_keys(root, parent_loc, tree):
        return None
    line = parent.key_pos[key][0]
    above = [k for k in parent if parent.key_pos[k][0] < line]
    for sibling in reversed(above):
        home = parent_loc + (sibling,)
        if key in allowed_keys(root, home, tree):
            return Misplaced(key, home, _under_sibling(key, sibling, parent, parent[sibling]))
    if accepts_free_keys(root, parent_loc, tree):
        return None
    for depth in range(len(parent_loc) - 1, -1, -1):
        home = parent_loc[:depth]
        block = node_at(tree, home)
        if isinstance(block, PosMap) and key not in block and key in allowed_keys(root, home, tree):
            return Misplaced(key, home, _one_level_up(key, block))
    return None


def _under_sibling(key: str, sibling: str, parent: PosMap, value: Any) -> str:
    line = parent.key_pos[sibling][0] + 1
    if isinstance(value, PosMap) and value:
        first = next(iter(value))
        return (f"'{key}' hoort onder '{sibling}' (regel {line}). Spring '{key}' even ver in als '{first}' "
                f"(regel {value.key_pos[first][0] + 1}).")
    return (f"'{key}' hoort onder '{sibling}' (regel {line}), maar staat even ver ingesprongen als '{sibling}' "
            f"zelf, dus onder '{sibling}:' staat nu niets. Spring '{key}' verder in dan '{sibling}', bijvoorbeeld "
            "twee spaties meer.")


def _one_level_up(key: str, block: PosMap) -> str:
    first = next(iter(block))
    return (f"'{key}' hoort niet in dit blok, maar in het blok erboven, bij '{first}' (regel "
            f"{block.key_pos[first][0] + 1}). Spring '{key}' minder ver in: even ver als '{first}'.")
