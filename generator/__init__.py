"""A static reference-site generator for a corpus of glued press documents."""

__version__ = "0.1.0"
