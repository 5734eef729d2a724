"""lespakket: turns lesson files into classroom-ready lesson packs (decks, worksheets, guides)."""
