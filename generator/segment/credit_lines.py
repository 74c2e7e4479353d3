"""Credit lines: the names an attribution, byline, source or teaser line credits, as exact spans.

``resolve`` later turns each span into an id; here a credit is only the words of the line that
name an author, an outlet or the outlet it came through (``via``).

Does not: decide whether the line ends or opens an article (``boundaries`` does, from where it stands).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Credit, Role, Span
from ..outlets import OutletIndex
from .line_patterns import (
    ACRONYM,
    BY,
    GLUE,
    MAX_ATTRIBUTION,
    ROLE_CREDIT,
    SLASH_CREDIT,
    SOURCE_DATED,
    SOURCE_PREFIX,
    TEASER,
    TRANSLATED,
    TRANSLATION_HEADING,
    URL,
    has_outlet_word,
    is_credit_part,
    is_doubled,
    is_headline_phrase,
    is_person,
    is_title_case,
    split_people,
    strip_file_prefix,
    without_honorifics,
)


@dataclass(frozen=True)
class Where:
    """One line of one document, where a credit's span is looked for."""

    document: str
    line: int
    text: str

    def credit(self, role: Role, part: str, *, after: int = 0) -> Credit | None:
        """A credit for ``part`` (stripped of honorifics and punctuation) found in the line at or after ``after``."""
        part = without_honorifics(part.strip(" ,;:()[]")).strip(" ,;:()[]")
        if not part:
            return None
        start = self.text.find(part, after)
        if start < 0:
            return None
        return Credit(role, Span(self.document, self.line, start, start + len(part), part))

    def authors(self, text: str) -> list[Credit]:
        """Each name of ``Name and Name`` as an author credit."""
        return found([self.credit(Role.AUTHOR, n) for n in split_people(text)])


def found(credits: list[Credit | None]) -> list[Credit]:
    """The credits whose span was found in the line."""
    return [c for c in credits if c is not None]


class Credits:
    """Reads the names an attribution, byline, source or teaser line credits."""

    def __init__(self, outlets: OutletIndex | None = None):
        self.outlets = outlets

    def is_outlet(self, name: str) -> bool:
        """A listed outlet, or a name with an outlet's word or a domain's shape."""
        name = name.strip()
        if self.outlets is not None and self.outlets.lookup(name) is not None:
            return True
        return has_outlet_word(name) or bool(URL.match(name))

    def is_known_outlet(self, name: str) -> bool:
        """A name the outlet list holds: a bare name alone on a line counts as a credit only then."""
        return self.outlets is not None and self.outlets.lookup(name.strip()) is not None

    def end_attribution(self, where: Where) -> list[Credit] | None:
        """Credits of an end-of-article attribution line; ``None`` when the line is not one.

        An attribution may credit nobody we can name (``Photo: …``), hence the empty list.
        """
        stripped = where.text.strip()
        if not stripped or len(stripped) > MAX_ATTRIBUTION or is_doubled(stripped):
            return None
        if match := URL.match(stripped):
            return found([where.credit(Role.OUTLET, match.group("host"))])
        if match := SOURCE_PREFIX.match(stripped):
            return found([where.credit(Role.OUTLET, match.group("name"))])
        if stripped.endswith((".", "?", "!", ":", ";")):
            return None
        if match := ROLE_CREDIT.match(stripped):
            return found([where.credit(Role.AUTHOR, n) for n in split_people(match.group("name"))])
        if TRANSLATED.search(stripped):
            first, translator = TRANSLATED.split(stripped, maxsplit=1)
            names = self.names(where, BY.sub("", first)) if first.strip() else []
            return names + found([where.credit(Role.VIA, translator)])
        if (match := SLASH_CREDIT.search(stripped)) and self.is_outlet(match.group("name")):
            return found([where.credit(Role.OUTLET, match.group("name"), after=match.start())])
        if BY.match(stripped):
            return self.names(where, BY.sub("", stripped)) or None
        if "," in stripped.rstrip(","):
            return self.names(where, stripped) or None
        if stripped.endswith(",") and is_person(stripped.rstrip(",")):
            return self.names(where, stripped)
        if self.is_known_outlet(stripped) and not is_headline_phrase(stripped):
            return found([where.credit(Role.OUTLET, stripped)])
        return None

    def header(self, where: Where) -> list[Credit] | None:
        """Credits of a byline or source line under a headline; ``None`` when the line is not one."""
        stripped = where.text.strip()
        if not stripped or len(stripped) > MAX_ATTRIBUTION:
            return None
        if match := SOURCE_DATED.match(stripped):
            # ``Radio Farda, February 25 2019`` under a headline names the publisher; a writer would be ``By …``
            return found([where.credit(Role.OUTLET, match.group("name"))])
        if match := SOURCE_PREFIX.match(stripped):
            return found([where.credit(Role.OUTLET, match.group("name"))])
        if match := TRANSLATION_HEADING.match(stripped):
            return found([where.credit(Role.VIA, match.group("name"))])
        if re.match(r"^translated\s+by\s+", stripped, re.IGNORECASE):
            return found([where.credit(Role.VIA, TRANSLATED.split(stripped, maxsplit=1)[1])])
        if BY.match(stripped) and not stripped.endswith((".", "?", "!")):
            return self.names(where, BY.sub("", stripped))
        return None

    def teaser(self, where: Where) -> list[Credit]:
        """Credits of a teaser paragraph, ``[file name]Name, Outlet, March 29 2019:… excerpt``."""
        match = TEASER.match(where.text.strip())
        if not match:
            return []
        head = strip_file_prefix(match.group("head"))
        glues = list(GLUE.finditer(head))
        if glues:
            head = head[glues[-1].start() :]
        offset = where.text.find(match.group("head"))
        return self.names(where, head, after=max(offset, 0))

    def names(self, where: Where, text: str, *, after: int = 0) -> list[Credit]:
        """``Name and Name, Outlet, City`` -> authors, then the first outlet; places are dropped."""
        parts = [p.strip() for p in text.strip().rstrip(",").split(",") if p.strip()]
        if not parts or len(parts) > 4 or not all(is_credit_part(p) for p in parts):
            return []
        outlet_at = next((i for i, p in enumerate(parts) if self.is_outlet(p)), None)
        if outlet_at is None:
            if len(parts) == 1 and is_person(parts[0]):
                return found([where.credit(Role.AUTHOR, n, after=after) for n in split_people(parts[0])])
            if len(parts) == 1:
                return found([where.credit(Role.OUTLET, parts[0], after=after)])
            if not all(is_title_case(p) or ACRONYM.search(p) for p in parts):
                return []  # ``Olsi Yazici, Albanian writer`` is a caption; ``Elis Gjevori ,TRT world`` a credit
            # ``Name, Outlet`` but ``Outlet, City, Country``: with three parts the tail is a place.
            outlet_at = 1 if is_person(parts[0]) and len(parts) == 2 else 0
        authors = [n for p in parts[:outlet_at] for n in split_people(p)]
        credits = [where.credit(Role.AUTHOR, n, after=after) for n in authors]
        credits.append(where.credit(Role.OUTLET, parts[outlet_at], after=after))
        return found(credits)
