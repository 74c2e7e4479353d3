"""Site: MkDocs builds the Markdown into HTML, Pagefind indexes it, and the result is swapped in.

In parts: ``staging`` (the staging directory and the atomic swap), ``mkdocs_parts``
(MkDocs in child processes of bounded size), ``pagefind_index`` (the search index,
made reproducible, and the browser script's config).

Does not: write Markdown (``render``).
"""

from __future__ import annotations

from .mkdocs_parts import PART_BYTES, PART_PAGES, build_part, plan_parts, run_mkdocs
from .pagefind_index import PAGEFIND_PART_PAGES, PAGEFIND_VERSION, run_pagefind, stabilise_pagefind
from .staging import SITE_MARKER, check_replaceable, remove_stale_staging, staging_area, swap_in

__all__ = [
    "PAGEFIND_PART_PAGES",
    "PAGEFIND_VERSION",
    "PART_BYTES",
    "PART_PAGES",
    "SITE_MARKER",
    "build_part",
    "check_replaceable",
    "plan_parts",
    "remove_stale_staging",
    "run_mkdocs",
    "run_pagefind",
    "stabilise_pagefind",
    "staging_area",
    "swap_in",
]
