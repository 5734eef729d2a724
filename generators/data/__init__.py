"""Shared data in assets/data and the school file: their models and loading."""
