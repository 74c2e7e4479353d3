"""Resolve: group the spellings of names into people and outlets, apply curation, credit articles.

``stage`` runs it; ``people`` groups person mentions (with ``short_names`` for bare names two
people carry, and ``person_context`` for when one word is a person); ``outlet_entities`` does the
same for outlets; ``candidates`` lists the pairs a maintainer may want to judge (``generator review``).
"""

from .outlet_entities import resolve_outlets
from .people import resolve_people
from .stage import credit_articles, resolve

__all__ = ["credit_articles", "resolve", "resolve_outlets", "resolve_people"]
