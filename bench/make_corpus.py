"""Write a deterministic synthetic corpus shaped like ours, for the benchmark.

Each document is a scraped listing page: 3–20 articles glued together, each a
headline, a few paragraphs naming people and outlets, and an attribution line
(``BY Name,``, ``Outlet, Tirana, Translated by Outlet2``, ``https://exit.al``,
``Burimi: …``, ``Name ,Outlet``), with ``Also read:`` blocks between some of
them. Names come from a large pool with transliteration variants; a fixed pool
of shared articles is reused across documents, so dedupe has work to do; about
one article in ten is in Albanian.

Every document is made by its own generator, seeded from (seed, index), so the
corpus of 100 documents is the first 100 of the corpus of 10,000 and a rerun is
byte-identical.

Usage: ``python bench/make_corpus.py 1000 bench/corpus-1000``
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
from pathlib import Path

SEED = 7
SHARED_POOL = 3000
"""Articles that may appear in several documents (relayed, translated, reposted)."""
SHARED_SHARE = 0.15
ALBANIAN_SHARE = 0.10
REPO = Path(__file__).resolve().parent.parent

# Name parts with their transliteration variants: the first spelling is the usual one.
FIRST_NAMES: list[tuple[str, ...]] = [
    ("Mohammad", "Mohammed", "Muhammad"), ("Hossein", "Hussein", "Hosein"), ("Massoud", "Masoud", "Mas'ud"),
    ("Ebrahim", "Ibrahim"), ("Hassan", "Hasan"), ("Mahmoud", "Mahmud"), ("Javad",), ("Reza",), ("Ali",),
    ("Maryam", "Mariam"), ("Massoumeh", "Masoumeh"), ("Ehsan",), ("Sorayah", "Soraya"), ("Atefeh", "Atefe"),
    ("Mojtaba", "Mujtaba"), ("Abbas",), ("Farhad",), ("Mehdi", "Mahdi"), ("Nasrin",), ("Zahra", "Zehra"),
    ("Hamid",), ("Saeed", "Said", "Sa'id"), ("Karim", "Kareem"), ("Yousef", "Yusuf", "Youssef"),
    ("Olsi",), ("Gjergji", "Gjergj"), ("Ilir",), ("Besnik",), ("Ardit",), ("Elis",), ("Gent",), ("Edi",),
    ("Erion",), ("Klodiana",), ("Arben",), ("Dritan",), ("Fatmir",), ("Lulzim",), ("Sander",), ("Blerina",),
    ("Anne",), ("Michael",), ("Barbara",), ("Stephanie",), ("Robert",), ("Elizabeth",), ("Thomas",),
    ("Catherine",), ("Daniel",), ("Sarah",), ("Jonathan",), ("Laura",), ("Peter",), ("Helen",),
]  # fmt: skip
LAST_NAMES: list[tuple[str, ...]] = [
    ("Khodabandeh",), ("Rajavi",), ("Hosseini", "Hoseini", "Husseini"), ("Abdollahi", "Abdullahi"),
    ("Nadalian",), ("Hasanzadeh", "Hassanzadeh", "Hasan-Zadeh"), ("Mohammadi", "Mohammedi"),
    ("Rahimi", "Rahimy"), ("Karimi", "Kerimi"), ("Ghorbani", "Qorbani"), ("Ghaffari", "Qaffari"),
    ("Tehrani",), ("Shirazi",), ("Esfahani", "Isfahani"), ("Sadeghi", "Sadeqi"), ("Moradi",), ("Jafari", "Ja'fari"),
    ("Rezaei", "Rezaie", "Rezai"), ("Alavi",), ("Zahiri",), ("Raahi", "Rahi"), ("Yazdani",), ("Ahmadi",),
    ("Jazexhi",), ("Lleshaj",), ("Thanasi",), ("Cakaj", "Çakaj"), ("Gjevori",), ("Hoxha", "Hodja"),
    ("Berisha",), ("Cela", "Çela"), ("Kuci", "Kuçi"), ("Dervishi",), ("Shehu",), ("Leka",), ("Krasniqi",),
    ("Gashi",), ("Bajrami",), ("Zeneli",), ("Marku",), ("Prifti",), ("Duka",), ("Meta",), ("Basha",),
    ("Slavin",), ("Rubin",), ("Baker",), ("Joplin",), ("Harrison",), ("Whitfield",), ("Carrington",),
    ("Pemberton",), ("Ashworth",), ("Holloway",), ("Fairbanks",), ("Lindqvist",), ("Moreau",), ("Brenner",),
]  # fmt: skip
# (name, domain or None): the first ones are in content/outlets.yml, the rest are unknown to it.
OUTLETS: list[tuple[str, str | None]] = [
    ("Exit News", "exit.al"), ("TRT World", "trtworld.com"), ("Inside Over", "insideover.com"),
    ("Iran Interlink", "iran-interlink.org"), ("Balkans Post", "balkanspost.com"), ("Gazeta Impakt", None),
    ("Shqiptarja", "shqiptarja.com"), ("ORA News", "oranews.tv"), ("ABC News Albania", "abcnews.al"),
    ("TV Klan", "tvklan.al"), ("Top Channel", "top-channel.tv"), ("Report TV", "report-tv.al"),
    ("Iranian.com", "iranian.com"), ("Bloomberg", "bloomberg.com"), ("The National Interest", "nationalinterest.org"),
    ("Der Spiegel", None), ("The Intercept", None), ("Al Bawaba", "albawaba.com"), ("Radio Farda", "radiofarda.com"),
    ("Iran Front Page", "ifpnews.com"), ("Fax Web", None), ("Sky News", None), ("Reuters", None),
    ("Tirana Times", "tiranatimes.com"), ("Balkan Insight", "balkaninsight.com"), ("Albanian Daily News", "adn.al"),
    ("Gazeta Tema", "gazetatema.net"), ("Lapsi", "lapsi.al"), ("Syri", "syri.net"), ("Panorama", "panorama.com.al"),
    ("Euronews Albania", "euronews.al"), ("Koha Jone", "kohajone.com"), ("Middle East Eye", "middleeasteye.net"),
]  # fmt: skip
TRANSLATORS = ["Iran Interlink", "iran-interlink", "Iran interlink", "Balkans Post", "Nejat Society", "Iran Probe"]
PLACES = ["Tirana", "Durres", "Manez", "Ashraf 3", "Camp Ashraf", "Camp Liberty", "Paris", "Brussels", "Baghdad",
          "Tehran", "Kapshtica", "Shkoder", "Vlore", "Elbasan", "Geneva", "Washington", "Berlin", "London"]  # fmt: skip
ORGS = ["the MEK", "the NCRI", "the State Department", "the Albanian police", "the European Parliament",
        "the UN refugee agency", "the Interior Ministry", "the Foreign Ministry", "Human Rights Watch",
        "the Albanian parliament", "the Red Cross", "the Mojahedin Khalq"]  # fmt: skip
NOUNS = ["camp", "residents", "defectors", "refugees", "report", "investigation", "conference", "press release",
         "asylum claims", "protest", "statement", "interview", "documents", "court case", "security services",
         "families", "border crossing", "hunger strike", "visa applications", "funding"]  # fmt: skip
VERBS = ["said", "told", "wrote", "claimed", "reported", "argued", "confirmed", "denied", "warned", "explained"]
ADJECTIVES = ["secretive", "controversial", "former", "senior", "local", "independent", "foreign", "anonymous",
              "official", "unverified", "detailed", "lengthy", "brief", "critical"]  # fmt: skip

ENGLISH_SENTENCES = [
    "{person} {verb} {outlet} that {org} had not answered questions about the {noun} in {place}.",
    "According to {person}, the {adj} {noun} near {place} were never disclosed to {org}.",
    "In {year}, {person} left {org} and moved to {place}, where the {noun} continued.",
    "{person} and {person2} met in {place} in {year} to discuss the {noun}.",
    "The {adj} {noun} described by {person} could not be independently verified by {outlet}.",
    "A spokesman for {org} {verb} that {person} was a {adj} member until {year}.",
    "Speaking to {outlet}, {person} {verb} that more than {number} people had signed the {noun}.",
    "{person}'s lawyer, {person2}, {verb} the {noun} would be filed in {place} next month.",
    "Dr. {person} has followed the {noun} of {org} in {place} since {year}.",
    "The {noun} was first published by {outlet} and later translated by {translator}.",
    "Residents of {place} {verb} that the {adj} {noun} had been going on for {number} days.",
    "{org} has not commented on the {noun}, {person} {verb} in an interview with {outlet}.",
    "Mr. {person} {verb} the {adj} {noun} at a press conference in {place}.",
    "Those who left the camp, including {person}, say the {noun} was never explained to them.",
]  # fmt: skip
ALBANIAN_SENTENCES = [
    "{person} deklaroi për {outlet} se situata në {place} mbetet e paqartë për banorët.",
    "Sipas {person}, anëtarët e organizatës jetojnë të izoluar në kampin e {place} prej vitit {year}.",
    "Ministria e Brendshme nuk ka dhënë asnjë përgjigje për kërkesat e {person} dhe të familjes së tij.",
    "Gazetari {person} shkroi se më shumë se {number} persona kanë kërkuar azil politik në Shqipëri.",
    "Në një intervistë me {outlet}, {person} tha se autoritetet shqiptare duhet të hetojnë rastin.",
    "Policia e {place} konfirmoi se {person} ishte marrë në pyetje për disa orë.",
    "Familjarët e tyre kanë ardhur disa herë në Tiranë për t'i takuar, por pa sukses.",
    "Qeveria shqiptare ka pranuar mbi {number} anëtarë të grupit që prej vitit {year}.",
]  # fmt: skip
HEADLINES = [
    "{person} speaks out about the {noun} in {place}",
    "{org} under pressure over {adj} {noun}",
    "What the {noun} in {place} tells us about {org}",
    "{person}: the {adj} {noun} must be investigated",
    "New questions over {noun} as {person} leaves {place}",
    "{outlet} report on {place} {noun} draws reply from {org}",
    "Former member {person} describes life in {place}",
    "{place}: {adj} {noun} raise concerns, says {person}",
    "Interview with {person} on the {noun} of {org}",
    "Why {org} wants the {noun} in {place} kept quiet",
]  # fmt: skip
ALBANIAN_HEADLINES = [
    "{person} rrëfen jetën në kampin e {place}",
    "Skandali në {place}: çfarë fshihet pas kampit",
    "{outlet}: pyetje të reja për anëtarët në {place}",
]  # fmt: skip


def person_pool(size: int, rng: random.Random) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """``size`` distinct (first-name variants, last-name variants) pairs, in a fixed order."""
    pairs = [(f, last) for f in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(pairs)
    return pairs[:size]


POOL = person_pool(len(FIRST_NAMES) * len(LAST_NAMES), random.Random(SEED))
"""About 3,000 people; popular ones are drawn far more often (see ``_person``)."""


def _person(rng: random.Random) -> str:
    # A skewed draw: a few people are named everywhere, most only now and then.
    first, last = POOL[int(len(POOL) * rng.random() ** 3)]
    # Mostly the usual spelling, sometimes a transliteration variant.
    pick = (lambda v: v[0]) if rng.random() < 0.7 else rng.choice
    return f"{pick(first)} {pick(last)}"


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        person=_person(rng),
        person2=_person(rng),
        outlet=rng.choice(OUTLETS)[0],
        translator=rng.choice(TRANSLATORS),
        org=rng.choice(ORGS),
        place=rng.choice(PLACES),
        noun=rng.choice(NOUNS),
        verb=rng.choice(VERBS),
        adj=rng.choice(ADJECTIVES),
        year=rng.randint(1981, 2023),
        number=rng.randint(2, 4000),
    )


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def attribution(rng: random.Random) -> str:
    """One end-of-article credit line, in the shapes the real documents use."""
    outlet, domain = rng.choice(OUTLETS)
    translator = rng.choice(TRANSLATORS)
    shapes = [
        lambda: f"BY {_person(rng)},",
        lambda: f"{outlet}, {rng.choice(PLACES)}, Albania, Translated By {translator}",
        lambda: f"{outlet}, translated by {translator}",
        lambda: f"BY {_person(rng)}, Translated by {translator}",
        lambda: f"{_person(rng)} ,{outlet}",
        lambda: f"BY {outlet},",
        lambda: f"https://{domain}" if domain else f"Burimi: {outlet}",
    ]
    return rng.choice(shapes)()


def article(rng: random.Random, *, albanian: bool) -> list[str]:
    """Headline, 2–6 paragraphs of 1–3 sentences, and an attribution line."""
    headlines, sentences = (ALBANIAN_HEADLINES, ALBANIAN_SENTENCES) if albanian else (HEADLINES, ENGLISH_SENTENCES)
    lines = [_capitalised(_fill(rng.choice(headlines), rng))]
    for _ in range(rng.randint(2, 6)):
        lines.append(" ".join(_capitalised(_fill(rng.choice(sentences), rng)) for _ in range(rng.randint(1, 3))))
    if not albanian and rng.random() < 0.05:  # an Albanian quotation inside an English article
        lines.insert(2, _fill(rng.choice(ALBANIAN_SENTENCES), rng))
    lines.append(attribution(rng))
    return lines


def shared_article(index: int) -> list[str]:
    """Article ``index`` of the shared pool: the same lines wherever it appears."""
    rng = random.Random(f"{SEED}-shared-{index}")
    return article(rng, albanian=rng.random() < ALBANIAN_SHARE)


def document(index: int) -> str:
    """The text of document ``index``; it does not depend on the corpus size."""
    rng = random.Random(f"{SEED}-document-{index}")
    blocks: list[list[str]] = []
    for _ in range(rng.randint(3, 20)):
        if rng.random() < SHARED_SHARE:
            # Popular shared articles turn up in many documents.
            blocks.append(shared_article(int(SHARED_POOL * rng.random() ** 2)))
        else:
            blocks.append(article(rng, albanian=rng.random() < ALBANIAN_SHARE))
        if rng.random() < 0.2:
            blocks.append(["Also read:", *(_fill(rng.choice(HEADLINES), rng) for _ in range(rng.randint(1, 3)))])
    # Listing pages separate articles with a blank line or none at all.
    return "".join("\n".join(block) + ("\n\n" if rng.random() < 0.5 else "\n") for block in blocks)


def document_name(index: int, text: str) -> str:
    return f"{index:05d}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.txt"


def make_corpus(n: int, content_dir: Path) -> list[Path]:
    """Write ``n`` documents plus the real outlet list into ``content_dir`` (replacing it)."""
    if content_dir.exists():
        shutil.rmtree(content_dir)
    documents = content_dir / "documents"
    documents.mkdir(parents=True)
    shutil.copy(REPO / "content" / "outlets.yml", content_dir / "outlets.yml")
    (content_dir / "curation.yml").write_text("segments: []\npeople: []\n", encoding="utf-8")
    paths = []
    for index in range(n):
        text = document(index)
        path = documents / document_name(index, text)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("out", type=Path, help="content folder to write (replaced if it exists)")
    args = parser.parse_args()
    paths = make_corpus(args.n, args.out)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB ({size / max(len(paths), 1) / 1e3:.1f} KB each) in {args.out}")


if __name__ == "__main__":
    main()
