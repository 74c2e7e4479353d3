"""Render: the corpus as Markdown pages (Jinja2 templates in generator/templates/) and open data.

``stage`` writes every page; ``views`` (articles, documents), ``entity_views`` (people, outlets,
disambiguation), ``pagination`` (A–Z indexes, pagers) and ``chronology`` build the typed values the
templates place; ``fragments`` makes every HTML snippet and escapes it; ``pagemeta`` the citations and
structured data; ``exports`` and ``sqlite_export`` the data files. ``writer`` places each page's
values in its template and writes the file; ``reuse`` keeps the pages of a document, article,
person or outlet whose inputs (``reads``: what its views looked up) are those of the previous build.
"""

from .pagination import PageLimits, index_pages, page_root
from .stage import render
from .writer import make_environment

__all__ = ["PageLimits", "index_pages", "make_environment", "page_root", "render"]
