"""The `lespakket` command as installed: its output arrives whole and its exit status is the command's, although
it ends without tearing the interpreter down."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# Why without PYTHONUNBUFFERED: output must arrive whole through the buffered pipes a real run has.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "LESPAKKET_DIAVOORBEELDEN": "0"}
COMMAND = "import sys; from generators.entry import main; sys.argv = ['lespakket', *sys.argv[1:]]; main()"


def lespakket(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """Through the console script's entry point, with stdout and stderr pipes (block-buffered)."""
    return subprocess.run([sys.executable, "-c", COMMAND, *args], cwd=cwd, env=ENV, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture
def lessons(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "varianten" / "lessons", tmp_path / "lessons")
    return tmp_path


def test_a_build_ends_with_its_whole_report_and_status_0(lessons):
    result = lespakket(lessons, "build", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("(overzicht: output/manifest.json).")
    assert (lessons / "output" / "manifest.json").is_file()
    unchanged = lespakket(lessons, "build")
    assert (unchanged.returncode, unchanged.stdout) == (0, "Niets veranderd sinds de vorige build: output/ is bij.\n")


def test_bad_input_gives_status_1_and_the_whole_located_message(tmp_path):
    case = FIXTURES / "invalid" / "afbeelding-ontbreekt"
    shutil.copytree(case / "lessons", tmp_path / "lessons")
    result = lespakket(tmp_path, "build")
    assert result.returncode == 1
    assert (case / "expected.txt").read_text(encoding="utf-8").splitlines()[0] in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists()


def test_usage_errors_and_help_keep_clicks_status(tmp_path):
    assert lespakket(tmp_path, "--help").returncode == 0
    wrong = lespakket(tmp_path, "build", "--bestaat-niet")
    assert wrong.returncode == 2 and "--bestaat-niet" in wrong.stderr


def test_a_text_given_to_exit_is_printed_with_status_1(tmp_path):
    code = "from generators.entry import _leave; print('eerst', end=''); _leave('Gestopt.')"
    result = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (1, "eerst", "Gestopt.\n")


def test_the_command_runs_the_garbage_collector_less_often_than_python_does():
    code = ("import gc, os, sys; from generators.entry import main; sys.argv = ['lespakket', '--version']; "
            "real_exit = os._exit; "
            "os._exit = lambda code: (print(gc.get_threshold()[0]), sys.stdout.flush(), real_exit(code)); main()")
    result = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and int(result.stdout.splitlines()[-1]) >= 10 * 700


def test_the_command_checks_lessons_without_looking_for_pydantic_plugins(lessons):
    code = ("import importlib.metadata, sys; from generators.entry import main; "
            "importlib.metadata.distributions = lambda: sys.exit('looked for plugins'); "
            "sys.argv = ['lespakket', 'check']; main()")
    # Why an empty cache: with stored validators and data, pydantic builds nothing and would not look anyway.
    env = {**{k: v for k, v in ENV.items() if k != "PYDANTIC_DISABLE_PLUGINS"}, "XDG_CACHE_HOME": str(lessons / "cache")}
    result = subprocess.run([sys.executable, "-c", code], cwd=lessons, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "looked for plugins" not in result.stderr, result.stderr


def test_a_users_own_pydantic_plugin_setting_is_kept(tmp_path):
    code = ("import os, sys; from generators.entry import main; sys.argv = ['lespakket', '--version']; "
            "real_exit = os._exit; "
            "os._exit = lambda code: (print(os.environ['PYDANTIC_DISABLE_PLUGINS']), sys.stdout.flush(), real_exit(code)); main()")
    env = {**ENV, "PYDANTIC_DISABLE_PLUGINS": "logfire"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "logfire"


GC_AT_EXIT = """
import gc, os, sys
from generators.entry import main
sys.argv = ['lespakket', *sys.argv[1:]]
real_exit = os._exit
def leave(code):
    import generators.source_model as imported
    walked = any(o is imported.Les for o in gc.get_objects())
    print(gc.isenabled(), gc.get_freeze_count() > 0, walked)
    sys.stdout.flush()
    real_exit(code)
os._exit = leave
main()
"""


def test_a_build_freezes_what_it_imported_and_collects_the_rest(lessons):
    result = subprocess.run([sys.executable, "-c", GC_AT_EXIT, "build", "-j", "0"], cwd=lessons, env=ENV,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "True True False"  # collector on; the lesson models frozen, not walked


def test_other_processes_keep_their_collector_as_it_was():
    code = ("import gc; from generators.gc_pause import resume_after_imports; "
            "resume_after_imports(); print(gc.isenabled(), gc.get_freeze_count())")
    result = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "0"]


# Why through discard_early: the command calls it as it ends, and nothing of it runs after.
EARLY_PROBE = """
import os, sys
from generators import entry, warm_pool
seen, early_pids = [], []
start, make, discard = warm_pool.start_early, warm_pool.WarmPool.__init__, warm_pool.discard_early
def starting(jobs, preload):
    seen.append(("early", "click" in sys.modules, jobs))
    start(jobs, preload)
    early_pids.append(warm_pool._early[-1].process.pid)
def making(pool, jobs, *rest):
    early = warm_pool._early[-1].process if warm_pool._early else None
    make(pool, jobs, *rest)
    seen.append(("pool", jobs, pool._warm is early))
def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
def ending():
    discard()
    seen.append(("left", [pid for pid in early_pids if alive(pid)]))
    print(repr(seen), file=sys.stderr)
warm_pool.start_early, warm_pool.WarmPool.__init__, warm_pool.discard_early = starting, making, ending
sys.argv = ["lespakket", *sys.argv[1:]]
entry.main()
"""


CORES = len(os.sched_getaffinity(0))


@pytest.mark.parametrize(("args", "expected"), [
    (("build",), [("early", False, CORES), ("pool", CORES, True), ("left", [])]),
    (("build", "--les", "varianten", "--doelgroep", "10-12"), [("early", False, CORES), ("pool", CORES, True), ("left", [])]),
    (("build", "-j", "1"), [("pool", 1, False), ("left", [])]),
    (("preview", "varianten", "--doelgroep", "10-12", "--uit", "voorbeeld"),
     [("early", False, CORES), ("pool", CORES, True), ("left", [])]),
])
def test_a_build_or_preview_forks_its_warm_process_before_loading_the_cli_and_its_pool_takes_it(lessons, args, expected):
    result = subprocess.run([sys.executable, "-c", EARLY_PROBE, *args], cwd=lessons, env=ENV, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert ast.literal_eval(result.stderr.strip().splitlines()[-1]) == expected


def test_a_build_with_nothing_to_do_ends_its_early_warm_process(lessons):
    assert lespakket(lessons, "build", "--les", "varianten", "-j", "1").returncode == 0
    result = subprocess.run([sys.executable, "-c", EARLY_PROBE, "build", "--les", "varianten"], cwd=lessons, env=ENV,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Niets veranderd" in result.stdout
    assert ast.literal_eval(result.stderr.strip().splitlines()[-1]) == [("early", False, CORES), ("left", [])]
