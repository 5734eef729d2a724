"""Lessons: the format authors write, reading it with positions, checks, lint, and resolving per audience."""
