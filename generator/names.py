"""Names: the cleaning and keys every stage uses to tell whether two spellings are one name.

``clean_name`` drops what is not part of a name (titles, a possessive, brackets);
``person_key`` compares spellings whatever their accents, case and punctuation;
``fold_word`` and ``fold_name`` also ignore how a Persian or Albanian name was
transliterated. ``outlet_name`` does the cleaning for an outlet's name.

All functions are pure; the busiest keep an in-process cache, since the same few
thousand spellings are keyed hundreds of thousands of times.

Does not: decide which names are one person (``resolve_people``) or find names (``extract``).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from . import lexicon

#: Titles cleaned off the front of a name: ``Dr. Olsi Jazexhi`` is ``Olsi Jazexhi``.
TITLE_WORDS = lexicon.word_set("titles_stripped_from_names")
#: A possessive ending: ``Jazexhi’s``, ``Rajavis'``.
POSSESSIVE = re.compile(r"[’']s?$")
#: Brackets, quotes, dashes and punctuation around a word of a name.
_EDGE_PUNCTUATION = "[]()“”\"‘’'–—-,;:"


# Cached: the same few thousand spellings are keyed hundreds of thousands of times
# (and a name's words are shared by its mentions, not copied for each: 1.5 million at 10,000 documents).
@functools.lru_cache(maxsize=2**16)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name, without titles, possessive, brackets or edge punctuation."""
    text = POSSESSIVE.sub("", text.strip())
    words = [w.strip(_EDGE_PUNCTUATION) for w in text.split()]
    words = [w for w in words if w]
    while words and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return tuple(words)


@functools.lru_cache(maxsize=2**16)
def clean_name(text: str) -> str:
    """``Dr. Olsi Jazexhi’s`` -> ``Olsi Jazexhi``."""
    return " ".join(name_words(text))


@functools.lru_cache(maxsize=2**16)
def person_key(name: str) -> str:
    """A spelling-insensitive key: no titles, possessive, accents, case or punctuation."""
    name = unicodedata.normalize("NFKD", clean_name(name))
    return " ".join("".join(ch for ch in name if ch.isalnum() or ch.isspace()).lower().split())


@functools.lru_cache(maxsize=2**16)
def fold_word(word: str) -> str:
    """A transliteration key for one word: ``Heyrany``, ``Hayrani``, ``Hajrani`` -> ``heirani``.

    Persian and Albanian names reach English in many spellings. The key ignores
    what those spellings vary in: accents, case, punctuation, a non-initial
    ``h`` (``kh``/``gh``/``sh``), ``ou``/``u``, ``y``/``i`` and a non-initial
    ``j``, ``ai``/``ei``, and doubled letters.
    """
    word = "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if ch.isalpha() and ch.isascii())
    if not word:
        return ""
    head, tail = word[0], word[1:]
    tail = tail.replace("h", "").replace("j", "i")
    word = (head + tail).replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("y", "i")
    word = word.replace("ai", "ei")
    return re.sub(r"(.)\1+", r"\1", word)


def fold_name(words: list[str] | tuple[str, ...]) -> str:
    """The key of a whole name; spaces ignored so ``Gholam Reza`` equals ``Gholamreza``.

    Words are folded one by one: a word's first letter keeps its weight
    (``Mohammad Jan`` is not ``Mohammadian``).
    """
    return "".join(fold_word(w) for w in words)


def is_initial(word: str) -> bool:
    """``R.`` or ``R``: a middle initial, which adds nothing that tells two people apart."""
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def without_possessive(text: str) -> str:
    """``Jazexhi’s`` -> ``Jazexhi``; the text is otherwise kept as written."""
    return POSSESSIVE.sub("", text)


def outlet_name(text: str) -> str:
    """``the Listening Post’s`` -> ``Listening Post``."""
    text = POSSESSIVE.sub("", " ".join(text.split()))
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).strip(' ,.;:“”"')


#: Particles of a surname (``van der``, ``bin``, ``al-``): filed after the given names.
NAME_PARTICLES = lexicon.word_set("name_particles", lower=True)
#: Generational suffixes (``Jr.``, ``III``): kept last, after a comma.
NAME_SUFFIXES = lexicon.word_set("name_suffixes")


def index_name(name: str) -> str:
    """How a name is filed in People A-Z: ``Massoud Khodabandeh`` -> ``Khodabandeh, Massoud``.

    The surname is the last word; particles before it (``van der``, ``bin``) and a
    hyphenated particle on it (``al-Assad``) go after the given names, so the entry
    sits under the letter a reader looks up: ``Assad, Bashar al-``, ``Berg, Jan van der``.
    A suffix stays last (``King, Martin Luther, Jr.``). A one-word name is itself.
    """
    words = [w.strip(",") for w in name.split() if w.strip(",")]
    suffixes: list[str] = []
    while len(words) > 2 and words[-1].rstrip(".") in NAME_SUFFIXES:
        suffixes.insert(0, words.pop())
    if len(words) < 2:
        return " ".join(words + suffixes)
    given, surname = words[:-1], words[-1]
    particles: list[str] = []
    while len(given) > 1 and given[-1].lower() in NAME_PARTICLES:
        particles.insert(0, given.pop())
    head, hyphen, rest = surname.partition("-")
    if hyphen and rest and head.lower() in NAME_PARTICLES:
        particles.append(head + hyphen)
        surname = rest
    entry = f"{surname}, {' '.join(given + particles)}"
    return entry + (", " + " ".join(suffixes) if suffixes else "")


def fold(text: str) -> str:
    """A comparison key for spellings: no accents, case or extra spaces (``Çela`` equals ``cela``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


def index_sort_key(name: str) -> tuple[str, str]:
    """Sort key for People A-Z: the index form without accents or case, then the name itself."""
    return fold(index_name(name)), name
