"""`python -m generators`: the same as the `lespakket` command."""

from .entry import main

main()
