"""click's own texts (help headings, usage errors, value errors) in Dutch, so that the whole command speaks Dutch.

Why by replacing click's `_` and `ngettext`: click wraps every text it shows in gettext's default
domain, which would need a compiled catalogue and the user's locale set to Dutch; lespakket is
Dutch whatever the locale. A text without a translation stays as click wrote it, and a test lists
click's texts so that an upgrade that adds one fails until it is translated.
"""

from __future__ import annotations

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types

TEXTS = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon het versienummer en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Typ '{command} {option}' voor hulp.",
    "No such option {name!r}.": "De optie {name!r} bestaat niet.",
    "No such command {name!r}.": "De opdracht {name!r} bestaat niet.",
    "Missing command.": "Er ontbreekt een opdracht.",
    "Missing argument": "Er ontbreekt een argument",
    "Missing option": "Er ontbreekt een optie",
    "Missing parameter": "Er ontbreekt een parameter",
    "Missing parameter: {param_name}": "Er ontbreekt een parameter: {param_name}",
    "Missing {param_type}": "Er ontbreekt een {param_type}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Could not open file {filename!r}: {message}": "Kan het bestand {filename!r} niet openen: {message}",
    "unknown error": "onbekende fout",
    "Aborted!": "Afgebroken.",
    "Value must be an iterable.": "De waarde moet een lijst zijn.",
    "env var: {var}": "omgevingsvariabele: {var}",
    "default: {default}": "standaard: {default}",
    "(dynamic)": "(wisselt)",
    "deprecated": "verouderd",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Let op: de opdracht {name!r} verdwijnt.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Let op: de {param_type} {name!r} verdwijnt.{extra_message}",
    "Do you want to continue?": "Wil je doorgaan?",
    "Confirm the action without prompting.": "Bevestig zonder het te vragen.",
    "Invalid start character for option ({option})": "Een optie kan zo niet beginnen ({option})",
    "Option {name!r} does not take a value.": "De optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Het argument {name!r} heeft {nargs} waarden nodig.",
    "Press any key to continue...": "Druk op een toets om verder te gaan...",
    "Repeat for confirmation": "Nog een keer, ter bevestiging",
    "Error: The two entered values do not match.": "Fout: de twee waarden zijn niet gelijk.",
    "Error: invalid input": "Fout: ongeldige invoer",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Choice({choices})": "Keuze({choices})",
    "{value} is not in the range {range}.": "{value} ligt niet tussen {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} is geen ja/nee-waarde. Mogelijk zijn: {states}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan niet gelezen worden.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan niet beschreven worden.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} kan niet uitgevoerd worden.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
}

PLURAL_TEXTS = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Onverwacht extra argument ({args})", "Onverwachte extra argumenten ({args})"),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Verwacht {nargs} waarden, maar kreeg er 1.", "Verwacht {nargs} waarden, maar kreeg er {len}."),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Bedoel je {possibility}?", "(Bedoel je een van deze: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("De optie {name!r} heeft een waarde nodig.", "De optie {name!r} heeft {nargs} waarden nodig."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} is niet {choice}.", "{value!r} is niet een van deze: {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} past niet bij het formaat {format}.", "{value!r} past bij geen van de formaten {formats}."),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("Er zijn {len_type} waarden nodig, maar er is {len_value} gegeven.",
         "Er zijn {len_type} waarden nodig, maar er zijn {len_value} gegeven."),
}

# Why: click names the kinds of values in its messages and metavars ("INTEGER"). Not the kinds of
# parameters ("option"): click's own code compares those names.
TYPE_NAMES = {
    click.types.StringParamType: "tekst",
    click.types.UnprocessedParamType: "tekst",
    click.types.IntParamType: "getal",
    click.types.IntRange: "getal",
    click.types.FloatParamType: "kommagetal",
    click.types.FloatRange: "kommagetal",
    click.types.BoolParamType: "ja/nee",
    click.types.Choice: "keuze",
    click.types.DateTime: "datum en tijd",
    click.types.File: "bestandsnaam",
}
MODULES = (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.termui, click.types)


class DutchCommand(click.Command):
    """A command whose usage line reads "[OPTIES]" (click's placeholders are not in its texts to translate)."""

    def __init__(self, *args, options_metavar: str | None = "[OPTIES]", **kwargs):
        super().__init__(*args, options_metavar=options_metavar, **kwargs)


class DutchGroup(click.Group):
    """The main command: its own usage line and its subcommands in Dutch."""

    command_class = DutchCommand

    def __init__(self, *args, options_metavar: str | None = "[OPTIES]",
                 subcommand_metavar: str | None = "OPDRACHT [ARGUMENTEN]...", **kwargs):
        super().__init__(*args, options_metavar=options_metavar, subcommand_metavar=subcommand_metavar, **kwargs)


def dutch(message: str) -> str:
    return TEXTS.get(message, message)


def dutch_plural(singular: str, plural: str, count: int) -> str:
    one, many = PLURAL_TEXTS.get((singular, plural), (singular, plural))
    return one if count == 1 else many


def install() -> None:
    """Make click speak Dutch in this process; before any command is defined, as option types name themselves then."""
    for module in MODULES:
        if hasattr(module, "_"):
            module._ = dutch
        if hasattr(module, "ngettext"):
            module.ngettext = dutch_plural
    for kind, name in TYPE_NAMES.items():
        kind.name = name
