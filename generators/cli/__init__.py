"""The `lespakket` command: options, Dutch texts, exit codes."""
