"""`python -m generators`: the same as the `lespakket` command."""

from generators.cli.entry import main

main()
