"""Stable, readable, unique slugs for URLs."""

from __future__ import annotations

from slugify import slugify

MAX_WORDS = 12

#: The folder, inside each section (``people/a-z/c/``), that holds the A–Z index pages after the first.
INDEX_PAGES = "a-z"

#: Slugs no article, person or outlet may take, because the site uses the URL itself:
#: ``index`` is each section's A–Z page (``people/index.md``) and ``a-z`` holds its further pages.
#: (An entity's own further pages, ``people/<slug>/mentions-2/``, sit inside its folder and
#: cannot meet another slug.)
RESERVED_SLUGS = frozenset({"index", INDEX_PAGES})


def make_slug(text: str, *, fallback: str = "item") -> str:
    """A lowercase ASCII slug of at most ``MAX_WORDS`` words; ``fallback`` when nothing is left."""
    slug = slugify(text, max_length=80, word_boundary=True, save_order=True)
    words = slug.split("-")[:MAX_WORDS]
    return "-".join(words) or fallback


class SlugAllocator:
    """Hands out unique slugs: a repeated base gets ``-2``, ``-3``, … in call order.

    Callers must call in a deterministic order for URLs to be stable. ``RESERVED_SLUGS`` are
    always taken, besides any ``reserved`` the caller adds.
    """

    def __init__(self, reserved: set[str] | None = None):
        self._taken: set[str] = set(RESERVED_SLUGS) | set(reserved or ())

    def allocate(self, text: str, *, fallback: str = "item") -> str:
        base = make_slug(text, fallback=fallback)
        slug, n = base, 1
        while slug in self._taken:
            n += 1
            slug = f"{base}-{n}"
        self._taken.add(slug)
        return slug
