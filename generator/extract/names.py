"""Whether a text is shaped like a person's name: name words, given names, and the words that rule a name out.

Every rule here reads one string and knows nothing of the model or the article: the
doc rules (``rules``), the candidate cleaning (``people``) and the per-article passes
ask these questions.

Does not: find names in text, or cut a candidate to size (``people``).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata

from spacy.lang.en.stop_words import STOP_WORDS

from .. import lexicon

#: Titles before a name, without their full stop (``Dr``, ``Capt``, ``Monsignor``).
TITLES = lexicon.entries("titles_before_name")
#: Lower-case words that never stand in a person's name (organisations, places, media, debris).
NOT_NAME_WORDS = lexicon.word_set("not_name_words")
#: Places that are also people's names: they rule out a one-word candidate only.
PLACE_NAMES = lexicon.word_set("places_named_like_people")
#: Common given names; a full name starting with one is trusted more than the dictionary alone.
GIVEN_NAMES = lexicon.word_set("common_given_names")
#: Titles, ranks and places that the name dictionary also holds: never a given name.
NOT_GIVEN = lexicon.word_set("not_given_names")
#: Lower-case words inside names (``bin``, ``von``, ``ten``).
PARTICLES = lexicon.word_set("name_particles")

_GLUED_PREFIX = "(?:{})[-’']".format("|".join(map(re.escape, lexicon.entries("glued_name_prefixes"))))
#: Where two words were glued together by a scrape or a file name: ``_``, ``/``, ``AlbaniaFarid``, ``2Borzou``.
GLUE_BREAK = re.compile(r"(?:[_/]|(?<=[a-z0-9]{3})(?=[A-Z][a-z])|(?<=\d)(?=[A-Z])|(?<=[^\x00-\u024f\s])(?=[A-Z]))")
_NAME_TOKEN = re.compile(r"^[A-Z\u00c0-\u024f][\w\u00c0-\u024f.’'-]*$")
#: A lower-case particle glued to a name word: ``al-Sudani``, ``el-Sisi``, ``d’Estaing``.
PREFIXED = re.compile(rf"^{_GLUED_PREFIX}(?=[A-Z\u00c0-\u024f][\w\u00c0-\u024f’'-]*$)")
#: A capitalised word of a name (no digits, no glue): ``Mbappe``, ``Vidal-Quadras``, ``al-Sudani``.
_NAME_WORD = re.compile(rf"^(?:{_GLUED_PREFIX})?[A-Z\u00c0-\u024f][A-Za-z\u00c0-\u024f’'-]*[a-z\u00df-\u024f]$")


@functools.cache
def given_names() -> frozenset[str]:
    """Given names, lowercase: the common list plus a published name dictionary.

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
    return frozenset(names - NOT_GIVEN - NOT_NAME_WORDS - function_words)


def is_given_name(word: str) -> bool:
    """Whether a word is a known given name (accents ignored: ``Émile`` is ``emile``)."""
    word = word.lower()
    return word in given_names() or _ascii(word) in given_names()


def _ascii(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def is_name_word(text: str) -> bool:
    """``Mbappe``, ``Vidal-Quadras``, ``al-Sudani``, ``R.``: a capitalised word of a name."""
    if re.fullmatch(r"[A-Z]\.", text):
        return True
    return bool(_NAME_WORD.match(text)) and not GLUE_BREAK.search(text.replace("’", "'"))


def words_without_titles(name: str) -> list[str]:
    """The words of a name with every title left out (``Dr Olsi Jazexhi`` -> ``Olsi``, ``Jazexhi``)."""
    return [w for w in name.split() if w.rstrip(".") not in TITLES]


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
    return _all_name_tokens(tokens) and not _names_something_else(tokens, text)


def _all_name_tokens(tokens: list[str]) -> bool:
    """Every token capitalised, a glued particle (``al-Sudani``) or a particle, and none a model number."""
    if not all(_NAME_TOKEN.match(t) or PREFIXED.match(t) or t.lower() in PARTICLES for t in tokens):
        return False
    return not any(re.search(r"-(?:[A-Z]|\d+)$", t) for t in tokens)  # "Mach-E", "F-150": models, not names


def _names_something_else(tokens: list[str], text: str) -> bool:
    """An organisation word, a bare city, the pronoun ``I`` or an acronym: the words name something else."""
    if any(PREFIXED.sub("", t).lower().strip(".’'") in NOT_NAME_WORDS for t in tokens):
        return True
    if len(tokens) == 1 and text.lower() in PLACE_NAMES:
        return True
    if tokens[0] in ("I", "I."):  # the pronoun glued to what follows ("I. Therefore")
        return True
    # A single all-capitals word is an acronym (MEK, NCRI), not a name.
    return len(tokens) == 1 and text.isupper()


def looks_like_full_name(text: str) -> bool:
    """2-4 capitalised name words (particles aside), the first a given name, and nothing that is not a name."""
    words = [w for w in text.split() if w.lower() not in PARTICLES]
    if not 2 <= len(words) <= 4 or not all(is_name_word(w) for w in words):
        return False
    first, last = words[0], words[-1]
    if not is_given_name(first):
        return False
    # A name from the long dictionary only, followed by another given name, is as often a firm
    # (``Morgan Stanley``) as a person; the short list of common given names is trusted.
    if first.lower() not in GIVEN_NAMES and is_given_name(last):
        return False
    return is_person_name(text)
