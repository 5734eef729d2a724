"""click's help and usage errors in Dutch: every text click can show an author is translated, and the keys match click's."""

from __future__ import annotations

import ast
import inspect
import re

import pytest
from click.testing import CliRunner

from generators.cli import dutch as cli_dutch
from generators.cli.commands import cli

# Texts click only shows to a programmer whose command definitions are wrong, never for what a user typed.
PROGRAMMER_ONLY = {
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Unknown color {colour!r}",
}


def click_texts() -> tuple[set[str], set[tuple[str, str]]]:
    """Every text the patched click modules pass to `_` and `ngettext`, read from their source."""
    single, plural = set(), set()
    for module in cli_dutch.MODULES:
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                texts = tuple(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
                if node.func.id == "_" and len(texts) == 1:
                    single.add(texts[0])
                elif node.func.id == "ngettext" and len(texts) == 2:
                    plural.add(texts)
    return single, plural


def test_every_text_click_shows_a_user_is_translated_and_no_translation_is_stale():
    single, plural = click_texts()
    assert len(single) > 40 and plural, "reading click's texts found too few: the scan itself is broken"
    assert single - PROGRAMMER_ONLY - set(cli_dutch.TEXTS) == set()
    assert plural - set(cli_dutch.PLURAL_TEXTS) == set()
    assert set(cli_dutch.TEXTS) - single == set(), "a key that click does not use is never shown"
    assert set(cli_dutch.PLURAL_TEXTS) - plural == set()


def test_translations_keep_the_placeholders():
    for english, dutch in [*cli_dutch.TEXTS.items(), *zip(cli_dutch.PLURAL_TEXTS, cli_dutch.PLURAL_TEXTS.values())]:
        fields = re.compile(r"\{[^}]*\}|%\([a-z]+\)s")
        assert sorted(fields.findall(str(english))) == sorted(fields.findall(str(dutch))), english


ENGLISH = re.compile(r"Usage:|Options:|Commands:|Show this message|Show the version|\[default|\b(TEXT|INTEGER|"
                     r"FLOAT|PATH|FILE|DIRECTORY|COMMAND|ARGS)\b|Error:|Try '")


@pytest.mark.parametrize("args", [[], *([name] for name in cli.commands)])
def test_help_is_dutch(args):
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="lespakket")
    assert result.exit_code == 0
    assert "Gebruik: lespakket" in result.output and "Opties:" in result.output
    assert not ENGLISH.search(result.output), ENGLISH.search(result.output)


@pytest.mark.parametrize("args,expected", [
    (["bouw"], "Fout: De opdracht 'bouw' bestaat niet."),
    (["build", "--bestaat-niet"], "Fout: De optie '--bestaat-niet' bestaat niet."),
    (["build", "--lessn", "x"], "(Bedoel je een van deze: '--les', '--lessen'?)"),
    (["build", "-j", "abc"], "Fout: Ongeldige waarde voor '-j' / '--jobs': 'abc' is geen geldig getal."),
    (["build", "-j", "99"], "99 ligt niet tussen 0<=x<=64."),
    (["build", "--uit"], "Fout: De optie '--uit' heeft een waarde nodig."),
    (["build", "--sjabloon", "nergens.pptx"], "Bestand 'nergens.pptx' bestaat niet."),
    (["verify"], "Fout: Er ontbreekt een argument 'PAKKETTEN...'."),
])
def test_usage_errors_are_dutch_with_status_2(args, expected):
    """With the usage line and "Typ 'lespakket ... --help' voor hulp." where click shows them."""
    result = CliRunner().invoke(cli, args, prog_name="lespakket")
    assert result.exit_code == 2
    assert expected in result.output
    if "Gebruik:" in result.output:
        assert "Typ 'lespakket" in result.output and "voor hulp." in result.output
    assert not ENGLISH.search(result.output.replace("Fout:", "")), result.output
