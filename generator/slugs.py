"""Stable, readable, unique slugs for URLs."""

from __future__ import annotations

from slugify import slugify

MAX_WORDS = 12


def make_slug(text: str, *, fallback: str = "item") -> str:
    """A lowercase ASCII slug of at most ``MAX_WORDS`` words; ``fallback`` when nothing is left."""
    slug = slugify(text, max_length=80, word_boundary=True, save_order=True)
    words = slug.split("-")[:MAX_WORDS]
    return "-".join(words) or fallback


class SlugAllocator:
    """Hands out unique slugs: a repeated base gets ``-2``, ``-3``, … in call order.

    Callers must call in a deterministic order for URLs to be stable.
    """

    def __init__(self, reserved: set[str] | None = None):
        self._taken: set[str] = set(reserved or ())

    def allocate(self, text: str, *, fallback: str = "item") -> str:
        base = make_slug(text, fallback=fallback)
        slug, n = base, 1
        while slug in self._taken:
            n += 1
            slug = f"{base}-{n}"
        self._taken.add(slug)
        return slug
