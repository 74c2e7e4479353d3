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

Issue 15 added context rules that run between the ruler and ``rules``: outlets by
the words around them (``the daily X``, ``X reported``, ``X's correspondent``) and a
shipped list of well-known outlets under the maintained one (``outlet_cues``,
``generator/lexicon/well_known_outlets.txt``); people by context whatever the model's
label (a title, a role and a comma, speech or an apposition; ``person_cues``); and
lists of names (``name_lists``).

The modules, in the order a paragraph meets them: ``stage`` (the stage itself),
``ruler`` (patterns), ``outlet_cues`` and ``person_cues`` (context), ``rules``
(corrections of the model's people), ``name_lists``, ``people``
(cleaning a candidate), ``names`` (is it shaped like a name), ``outlet_mentions``,
``surnames``, ``teams`` and ``numbered_lists`` (per article), ``known_names``
(corpus-wide), ``quotes`` (a mention and its sentence), and ``speakers`` (words
attributed to a person: ``speech_marks``, ``speech_verbs``, ``speaker_names``). Their
word lists are files in ``generator/lexicon/``.

Does not: decide which spellings name the same entity (``resolve``).
"""

from __future__ import annotations

# What the build, ``cache``, ``bench/raw_spacy.py`` and the tests call, re-exported (``x as x``); the rules
# are imported from their own modules.
from ..outlets import OutletIndex as OutletIndex
from .ruler import curated_patterns as curated_patterns
from .ruler import make_ruler as make_ruler
from .ruler import name_patterns as name_patterns
from .stage import MODEL as MODEL
from .stage import _line as _line
from .stage import article_mentions as article_mentions
from .stage import extract as extract
from .stage import finish_mentions as finish_mentions
from .stage import goes_to_model as goes_to_model
from .stage import load_nlp as load_nlp
