"""Lists of names (issue 15): a list whose items are mostly names is a list of people."""

from __future__ import annotations

from generator.extract.known_names import inside_longer_name
from generator.extract.name_lists import is_list_of_people, name_line_mentions, name_list_mentions
from generator.model import Article, Kind, Occurrence, Paragraph


def article_of(*texts: str) -> Article:
    paragraphs = [Paragraph(n, text, "en") for n, text in enumerate(texts, 1)]
    return Article("art", "T", True, Kind.ARTICLE, "en", [Occurrence("doc", 1, len(texts))], paragraphs)


def test_a_semicolon_list_of_mostly_names_gives_every_name_shaped_head():
    text = "Signed: Dr. Anna Berglund, professor; Omar Haddaway, lawyer; Lena Voskuijl (Utrecht); Free Press Unit"
    article = article_of(text)
    found = [m.span.text for m in name_list_mentions(article, article.paragraphs[0])]
    assert found == ["Anna Berglund", "Omar Haddaway", "Lena Voskuijl"]


def test_a_list_of_places_or_outlets_is_not_a_list_of_people():
    assert not is_list_of_people(["Tirana Times", "Balkan Insight", "Top Channel", "Anna Berglund"])


def test_short_lines_that_are_mostly_names_are_a_panel():
    article = article_of("Panel:", "Genoveva Ruizova – Director", "Trita Parsova – Author", "Mark Dunleavy – Editor")
    assert [m.span.text for m in name_line_mentions(article)] == ["Genoveva Ruizova", "Trita Parsova", "Mark Dunleavy"]


def test_a_known_name_after_a_given_name_is_the_tail_of_another_name():
    text = "the Shah Mohammad Reza Pahlavi and President Reza Pahlavi"
    assert inside_longer_name(text, text.index("Reza"))
    assert not inside_longer_name(text, text.rindex("Reza"))
