"""Segment: split each glued document into articles, letters, interviews and navigation residue.

``stage`` runs the layers and builds the articles; ``line_patterns``, ``credit_lines``,
``line_shapes``, ``navigation`` and ``boundaries`` are the rules it reads; ``dates`` and
``article_dates`` read the publication date and original address an article states.
"""

from .stage import classify, segment, segment_document

__all__ = ["classify", "segment", "segment_document"]
