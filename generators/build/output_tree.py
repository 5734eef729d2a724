"""The output folder: which folders a build may write, the lock, the staging copy, its atomic swap, and leftovers."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, NamedTuple

from generators.build.inputs import RECORD
from generators.diagnostics import Diagnostics, Location, display_path
from generators.paths import ASSETS_DIR, PACKAGE_DIR

_STAGING, _RETIRED = "nieuw", "oud"


def check_output_folder(output: Path, owned: list[OwnedFolder], diagnostics: Diagnostics) -> None:
    """Refuse an output folder that lespakket did not make, or that holds (or lies in) what a user owns.

    Why: a build replaces the whole folder; `--uit docs` once emptied a folder of reports, `--uit .`
    the project with its .git. Like Sphinx and MkDocs, build only into a folder that is absent, empty,
    or carries our own build record, and never over the lessons, assets, the project or the home folder.
    """
    where = Location("--uit")
    shown = output.as_posix()  # Why not display_path: as the author typed it, also when it is a link
    if output.is_symlink() or (output.exists() and not output.is_dir()):
        diagnostics.error(
            "uit-geen-map",
            f"'{shown}' is geen gewone map. Kies met --uit een nieuwe of lege map, bijvoorbeeld --uit output.",
            where,
        )
        return
    target = output.resolve()
    for owned_folder in owned:
        folder = owned_folder.path.resolve()
        if target == folder:
            problem = f"is {owned_folder.name}"
        elif target in folder.parents:
            problem = f"bevat {owned_folder.name} ('{display_path(owned_folder.path)}')"
        elif owned_folder.not_inside and folder in target.parents:
            problem = f"ligt in {owned_folder.name} ('{display_path(owned_folder.path)}')"
        else:
            continue
        diagnostics.error(
            "uit-beschermd",
            f"De map '{shown}' {problem}. Een build vervangt de hele map, dus daar bouwt lespakket niet. "
            "Kies met --uit een eigen map, bijvoorbeeld --uit output.",
            where,
        )
        return
    if output.is_dir() and not (output / RECORD).is_file() and any(output.iterdir()):
        diagnostics.error(
            "uit-niet-leeg",
            f"De map '{shown}' is niet leeg en is niet door lespakket gemaakt (er staat geen {RECORD} in). "
            "Lespakket bouwt alleen in een nieuwe of lege map, of in een map die het eerder zelf maakte, zodat er "
            "nooit iets van jou verloren gaat. Kies met --uit een andere map.",
            where,
        )


class OwnedFolder(NamedTuple):
    path: Path
    name: str  # in Dutch, as a message names it
    not_inside: bool  # Why: output/ lives inside the project and working folder, but never inside the lessons


def owned_folders(lesson_paths: list[Path]) -> list[OwnedFolder]:
    """What a build must never write over: the lessons, assets and code, the project, the working and home folders."""
    owned = [OwnedFolder(path, "de map met de lessen", True) for path in lesson_paths]
    owned += [
        OwnedFolder(ASSETS_DIR, "de map met gedeelde gegevens en sjablonen", True),
        OwnedFolder(PACKAGE_DIR, "de map met de code van lespakket", True),
        OwnedFolder(PACKAGE_DIR.parent, "de map van lespakket zelf", False),
        OwnedFolder(Path.cwd(), "de map waarin je werkt", False),
        OwnedFolder(Path("/"), "de hoofdmap van de computer", False),
    ]
    try:
        owned.append(OwnedFolder(Path.home(), "je thuismap", False))
    except RuntimeError:
        pass  # Why: a user without a home folder has none to protect
    return owned


def clear_leftovers_when_idle(output: Path) -> None:
    """`staging`'s clean-up for a build that finds nothing to do: only when no other build of `output` runs now."""
    try:
        handle = open(output.parent / f".{output.name}.lock", "w")
    except OSError:
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # Why: another build holds the lock, and its staging folder is no leftover
        _clear_leftovers(output)


@contextmanager
def locked(output: Path) -> Iterator[None]:
    """Why: two builds at once must not interleave their swaps; the second waits for the first."""
    output.parent.mkdir(parents=True, exist_ok=True)
    lock_path = output.parent / f".{output.name}.lock"
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def staging(output: Path) -> Iterator[Path]:
    """A sibling copy of `output` to build in, swapped in when the block ends without an error.

    Call it while holding `locked(output)`: leftovers of builds that were killed are cleared first,
    which is only safe while no other build of this folder runs.
    """
    _clear_leftovers(output)
    new = Path(tempfile.mkdtemp(prefix=f".{output.name}.{_STAGING}-", dir=output.parent))
    new.chmod(0o755)
    try:
        if output.is_dir():
            # Why hard links: copying a whole catalog costs more than the edit being rebuilt; files are
            # only ever replaced (unlink + write), never changed in place, so the old tree stays intact.
            shutil.copytree(output, new, dirs_exist_ok=True, copy_function=os.link)
        yield new
        _swap(new, output)
    finally:
        shutil.rmtree(new, ignore_errors=True)


def _swap(new: Path, output: Path) -> None:
    """Put `new` where `output` is; `new` then holds the old tree (or nothing).

    Why an exchange: with two renames there is an instant without any output/, and a build killed
    right then left none at all. Linux swaps two names in one step (renameat2 with RENAME_EXCHANGE);
    where that is missing (another system, some file systems), the old tree is parked beside and put
    back by the next build if this one dies between the renames.
    """
    if not output.exists():
        os.replace(new, output)
        return
    if _exchange(new, output):
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.{_RETIRED}-", dir=output.parent))
    os.replace(output, retired / output.name)
    os.replace(new, output)
    shutil.rmtree(retired, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot."""
    import ctypes

    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd, rename_exchange = -100, 2  # AT_FDCWD and RENAME_EXCHANGE from <fcntl.h> and <linux/fs.h>
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _clear_leftovers(output: Path) -> None:
    """Remove the staging folders of killed builds, and put back an output/ that a kill left parked."""
    pattern = re.compile(rf"\.{re.escape(output.name)}\.({_STAGING}|{_RETIRED})-[a-z0-9_]{{8}}")
    for entry in sorted(output.parent.iterdir()):
        match = pattern.fullmatch(entry.name)
        if not match or entry.is_symlink() or not entry.is_dir():
            continue
        parked = entry / output.name
        if match.group(1) == _RETIRED and not output.exists() and (parked / RECORD).is_file():
            os.replace(parked, output)
        shutil.rmtree(entry, ignore_errors=True)
