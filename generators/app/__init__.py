"""The web app behind `lespakket serve`: the built catalog, and a school's own pack made on request."""
