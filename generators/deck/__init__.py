"""The slide deck: lesson document to deck plan, fitted to the template, written with python-pptx."""
