"""The data model: plain dataclasses that are the contract between stages.

Data flows one way: load -> segment -> dedupe -> extract -> resolve -> render.
Every piece of text the site shows is addressed by (document, line, start, end)
in the document file exactly as stored, so provenance is never retyped.

Does not: read or write files, or hold any logic beyond tiny derived values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a segment of a document is."""

    ARTICLE = "article"
    LETTER = "letter"
    INTERVIEW = "interview"
    LISTING = "listing"
    NAVIGATION = "navigation"
    OTHER = "other"


#: Kinds that are reading matter and get an article page of their own.
#: Navigation residue (``Also read:``, teasers, footers) stays on the document page only.
PAGE_KINDS = frozenset({Kind.ARTICLE, Kind.LETTER, Kind.INTERVIEW, Kind.LISTING, Kind.OTHER})


class EntityKind(StrEnum):
    """What a name stands for. A ``StrEnum``: it equals, prints and serialises as its plain string."""

    PERSON = "person"
    OUTLET = "outlet"


class Role(StrEnum):
    """Why a name stands where it stands."""

    MENTION = "mention"  # named in running text
    AUTHOR = "author"  # credited as writer, interviewer or signatory
    OUTLET = "outlet"  # credited as the first publisher
    VIA = "via"  # credited as translator or republisher
    SPEAKER = "speaker"  # the words at ``Mention.speech`` are attributed to this person


class DateSource(StrEnum):
    """Where an article's publication date was read."""

    BYLINE = "byline"  # the article's own byline, dateline, attribution or source line
    HEADLINE = "headline"  # its headline line
    TEASER = "teaser"  # a teaser for it in a navigation block of some document
    CURATION = "curation"  # set by a maintainer in curation.yml


@dataclass(frozen=True)
class PublicationDate:
    """The date an article's text states for its publication, at the precision the text gives."""

    value: str
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    document: str
    line: int
    """Where it was read (for a teaser: the teaser's line in its document)."""
    source: DateSource
    note: str | None = None
    """A disagreeing date seen elsewhere (a teaser's), or the maintainer's reason for a curated date."""

    @property
    def year(self) -> str:
        return self.value[:4]


@dataclass(frozen=True)
class Teaser:
    """One item of a navigation block (``Name, Outlet, Date:… excerpt``): a pointer to a piece, maybe in the corpus."""

    document: str
    line: int
    """The teaser paragraph's line in ``document``."""
    headline: str | None
    """The headline the item gives (the line above it, or the title glued before its credits)."""
    headline_line: int | None
    article: str | None
    """Id of the corpus article with that headline; ``None``: cited, not in this archive."""
    credit: str | None
    """The item's author and outlet text as written (``Michael Rubin, National Interest``)."""
    date: str | None
    """The date the item gives, at its precision."""


@dataclass(frozen=True)
class Document:
    """One input file, exactly as stored."""

    id: str
    """Slug, unique in the corpus; the page lives at ``documents/<id>/``."""
    source: str
    """Path as shown to readers, e.g. ``content/documents/000_x.txt``."""
    sha256: str
    """Hex digest of the file's bytes."""
    lines: tuple[str, ...]
    """The decoded lines without line ends; line N is ``lines[N - 1]``."""
    title: str
    """Curated title from the sidecar file, or derived from the first line."""
    metadata: dict = field(default_factory=dict, hash=False, compare=False)
    """Sidecar metadata (``<file>.meta.yml``), already validated."""

    @property
    def line_count(self) -> int:
        return len(self.lines)

    def line(self, number: int) -> str:
        return self.lines[number - 1]


@dataclass(frozen=True)
class OutletRecord:
    """One entry of the maintained outlet list (``content/outlets.yml``)."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    """For a programme: the id of its channel."""
    domains: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of characters inside one line of one document (a view, never a copy)."""

    document: str
    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Credit:
    """A name that an attribution or byline line credits, found by ``segment``."""

    role: Role
    span: Span


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where an article stands in a document (1-based, inclusive line numbers)."""

    document: str
    line_start: int
    line_end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One non-blank source line of an article, with its own permalink."""

    line: int
    text: str
    language: str
    """ISO 639-1 code of this paragraph's text."""

    @property
    def anchor(self) -> str:
        return f"p{self.line}"


@dataclass
class Article:
    """One piece of reading matter (or navigation residue) found inside documents."""

    id: str
    title: str | None
    title_derived: bool
    """True when no headline was found and the title was made from the text."""
    kind: Kind
    language: str
    occurrences: list[Occurrence]
    """The first is the primary occurrence; its lines give ``paragraphs``."""
    paragraphs: list[Paragraph]
    credits: list[Credit] = field(default_factory=list)
    """Attribution and byline names, in source order."""
    headline_line: int | None = None
    """Line of the headline in the primary occurrence, when there is one."""
    outlet: str | None = None
    """Id of the outlet that first published it (set by ``resolve``)."""
    via: list[str] = field(default_factory=list)
    """Ids of the outlets that translated or republished it, in order (set by ``resolve``)."""
    authors: list[str] = field(default_factory=list)
    """Ids of the people credited (set by ``resolve``)."""
    date: PublicationDate | None = None
    """The publication date its text states, when it states one."""
    source_url: str | None = None
    """The original address its text names ("Source: https://…"), shown as a plain outbound link."""
    teasers: list[Teaser] = field(default_factory=list)
    """For a navigation block: the teaser items it holds, in line order (set after ``dedupe``)."""
    credit_from: dict[str, Teaser] = field(default_factory=dict)
    """The teaser that gave ``outlet`` or ``authors`` (keys ``"outlet"``, ``"authors"``), when the article's own
    credits named none (set by ``resolve``)."""

    @property
    def primary(self) -> Occurrence:
        return self.occurrences[0]

    @property
    def has_page(self) -> bool:
        return self.kind in PAGE_KINDS


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in an article's primary text: a person or an outlet."""

    entity_kind: EntityKind
    role: Role
    article: str
    span: Span
    quote: str
    """The sentence the name stands in, verbatim."""
    quote_start: int
    """Offset of ``quote`` within its line, so the name can be highlighted."""
    speech: Span | None = None
    """For ``Role.SPEAKER``: the words attributed to this person (within one line of the same document)."""

    @property
    def paragraph_anchor(self) -> str:
        return f"p{self.span.line}"


@dataclass
class Entity:
    """A resolved person or outlet, with every mention that names it."""

    id: str
    name: str
    entity_kind: EntityKind
    aliases: list[str]
    mentions: list[Mention]
    outlet_kind: str | None = None
    """For outlets: tv, newspaper, news-site, radio, magazine, agency, blog, ngo, programme."""
    parent: str | None = None
    """For programmes: the id of the channel that airs them."""
    redirects_from: list[str] = field(default_factory=list)
    """Old slugs that now point here, after a rename or merge."""
    refers_to: list[str] = field(default_factory=list)
    """For a disambiguation entry (a bare name the text does not settle): the ids of the people who carry it."""

    @property
    def is_disambiguation(self) -> bool:
        return bool(self.refers_to)


@dataclass
class Corpus:
    """The whole model, handed to ``render``."""

    documents: list[Document]
    articles: list[Article]
    people: list[Entity]
    outlets: list[Entity]
