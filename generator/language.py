"""Language identification with lingua, which ships its own models (no download at run time).

Does not: decide what to do with a language; callers skip or keep text by its code.
"""

from __future__ import annotations

from functools import cached_property

from lingua import Language, LanguageDetectorBuilder

from . import lexicon

#: The languages this corpus and its likely additions are written in (``lexicon/detected_languages.txt``).
LANGUAGES = tuple(Language.from_str(name) for name in lexicon.entries("detected_languages"))
#: Below this many letters a line is too short to judge on its own.
MIN_LETTERS = 20


class LanguageDetector:
    """Detects the ISO 639-1 code of a text; short or letterless text gets ``default``."""

    def __init__(self, *, default: str = "en"):
        self.default = default

    @cached_property
    def _detector(self):
        return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()

    def detect(self, text: str) -> str:
        if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
            return self.default
        language = self._detector.detect_language_of(text)
        if language is None:
            return self.default
        return language.iso_code_639_1.name.lower()
