"""A club before its coach is not a person: ``Werder Bremen coach Felix Magath`` names the club, then the person.

Does not: find the club as an organisation; the wrong person mention is only dropped.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..model import Document, Mention, Role

#: Roles in a team or club (``coach``, ``striker``, ``chairman``).
TEAM_ROLES = lexicon.word_set("team_roles")
_TEAM_ROLE_AFTER = re.compile(r"\s+(?:{})\s+".format("|".join(map(re.escape, sorted(TEAM_ROLES)))))


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
