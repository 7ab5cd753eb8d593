"""First-level regions known by name: a gazetteer (`lang/data/gazetteer/regions.toml`), not a word list of the code.

The model names the region in English; an article in Urdu writes 'خیبر پختونخوا', one in German 'Bayern'. The
gazetteer gives every region of the countries it covers with the names articles use for it, so code can
- find the model's region in the article under another name or script (`region_spellings`),
- tell that a name the model gave as the region is none of its country's regions ('Beirut' for Syria),
- read the region from the article when the model gave none (`regions_named`), and
- know the region's country ('Khyber Pakhtunkhwa' is in Pakistan) when no other country has a region of that name.

A name marked shared (also a city's, an island's, a country's or a common word's: 'Murcia', 'Kursk', 'Georgia') is
never read from the text by itself: the article must call it a region ('Región de Murcia'), which `is_region` reads.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from summarizer.lang import DATA, lexicons
from summarizer.text.names import CAPITALS, fold, is_country_name
from summarizer.text.transliterate import skeleton

GAZETTEER = DATA / "gazetteer" / "regions.toml"
SHARED_MARK = "*"
MIN_SKELETON = 5  # 'Baluchistan' and 'Balochistan' are one name; a short skeleton ('Uva') is too ambiguous


@dataclass(frozen=True)
class Region:
    name: str  # the English name the summary writes
    country: str
    spellings: tuple[str, ...]  # every name of it, the English one first
    shared: tuple[str, ...]  # the spellings that are also a city's, an island's or a common word's


@cache
def _gazetteer() -> dict[str, dict[str, list[str]]]:
    """The gazetteer's tables by country, read once."""
    with GAZETTEER.open("rb") as handle:
        return tomllib.load(handle)


@cache
def regions() -> tuple[Region, ...]:
    out: list[Region] = []
    for country, table in _gazetteer().items():
        for row in table["regions"]:
            names = [n.strip() for n in row.split("|") if n.strip()]
            names += [other for n in names for other in _variants(n) if other not in names]
            spellings = tuple(dict.fromkeys(n.rstrip(SHARED_MARK) for n in names))
            shared = tuple(dict.fromkeys(n.rstrip(SHARED_MARK) for n in names if n.endswith(SHARED_MARK)))
            out.append(Region(name=spellings[0], country=country, spellings=spellings, shared=shared))
    return tuple(out)


def _variants(name: str) -> list[str]:
    """Other ways an article writes a name of several words: as one word in Devanagari, as Hindi often does ('मध्य
    प्रदेश' as 'मध्यप्रदेश'); with its first word in lower case where a later word keeps its capital ('la région de
    la boucle du Mouhoun')."""
    words = name.split()
    if len(words) < 2:
        return []
    if any("\u0900" <= ch <= "\u097f" for ch in name):
        return [name.replace(" ", "")]
    if name[0].isupper() and any(w[:1].isupper() for w in words[1:]) and words[0].isalpha() and not words[0].isupper():
        return [name[0].lower() + name[1:]]
    return []


@cache
def _by_fold() -> dict[str, tuple[Region, ...]]:
    table: dict[str, list[Region]] = {}
    for region in regions():
        for spelling in region.spellings:
            table.setdefault(fold(spelling), []).append(region)
    return {key: tuple(dict.fromkeys(found)) for key, found in table.items()}


@cache
def _called() -> dict[str, tuple[str, ...]]:
    return {fold(country): tuple(table["called"]) for country, table in _gazetteer().items() if table.get("called")}


def first_level_words(country: str | None) -> tuple[str, ...] | None:
    """The words articles call `country`'s first-level regions by, where its other units take region words of their
    own ('regione' for Italy, whose 'provincia di Torino' is second-level); None when the gazetteer gives none (any
    region word of the lexicons names one)."""
    return _called().get(fold(country)) if country else None


def covers(country: str | None) -> bool:
    """Whether the gazetteer lists every region of `country` (its English name)."""
    return bool(country) and any(fold(r.country) == fold(country) for r in regions())


def known_regions(name: str) -> tuple[Region, ...]:
    """The regions `name` is a spelling of (a name two countries give a region, 'Punjab', is two); by folding, then
    by the consonants any Latin spelling keeps ('Baluchistan' is 'Balochistan')."""
    found = _by_fold().get(fold(name), ())
    if found or not re.search(r"[A-Za-z]", name):
        return found
    target = skeleton(name)
    if len(target) < MIN_SKELETON:
        return ()
    return tuple(r for r in regions() if any(re.search(r"[A-Za-z]", s) and skeleton(s) == target
                                              for s in r.spellings))


def region_country(region: Region | None, name: str) -> str | None:
    """The country of a region named `name`, when no other country has a region of that name."""
    countries = {r.country for r in known_regions(name)} | ({region.country} if region else set())
    return next(iter(countries)) if len(countries) == 1 else None


def _word_at(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is whole words: no letter, digit or vowel sign joins it on either side."""
    def joins(ch: str) -> bool:
        return ch.isalnum() or unicodedata.category(ch).startswith("M")
    return (start == 0 or not joins(text[start - 1])) and (end == len(text) or not joins(text[end]))


def other_country_named(text: str, country: str) -> str | None:
    """The one country other than `country` (the model's, which the article does not name) whose regions the article
    names, when the gazetteer lists every region of `country` and the article names none of them: a crash on a
    highway of 'اسلام آباد' that the model placed in Afghanistan is in Pakistan. A region counts as named by a name of
    its own (`regions_named`), or by a name it shares when the region is a capital's ('Islamabad'); a shared common
    word ('Centre', 'Delta') names nothing. None otherwise."""
    if not covers(country):
        return None
    named = {r.country for _, r in regions_named(text)} | {r.country for r in _capitals() if region_spellings(text, r)}
    if any(fold(c) == fold(country) for c in named) or len(named) != 1:
        return None
    return next(iter(named))


@cache
def _capitals() -> tuple[Region, ...]:
    """The regions one of whose names is a capital's ('Islamabad Capital Territory|Islamabad*')."""
    return tuple(r for r in regions() if any(fold(s) in CAPITALS for s in r.spellings))


@cache
def _name_endings() -> tuple[str, ...]:
    """The endings a name takes in any lexicon's language ('s': 'Bayerns'), longest first."""
    return tuple(sorted({e for lx in lexicons().values() for e in lx.name_endings}, key=len, reverse=True))


def _named_at(text: str, start: int, end: int, spelling: str) -> bool:
    """`text[start:end]`, a spelling of a name, is whole words, or whole with an ending a language gives names
    ('Baden-Württembergs Innenminister'); a name ending in s, x, z or ß takes none."""
    if _word_at(text, start, end):
        return True
    if not spelling[-1:].isalpha() or spelling[-1].casefold() in "sxzß" or not re.search(r"[A-Za-z]", spelling):
        return False
    return any(text.startswith(ending, end) and _word_at(text, start, end + len(ending)) for ending in _name_endings())


def region_spellings(text: str, region: Region) -> list[tuple[int, int]]:
    """Where the article writes the region under any of its names, shared names included (the model named it)."""
    return [(m.start(), m.end()) for spelling in region.spellings
            for m in re.finditer(re.escape(spelling), text) if _named_at(text, m.start(), m.end(), spelling)]


def regions_named(text: str) -> list[tuple[int, Region]]:
    """The regions the article names by a name of their own (not a shared one), in the order it first names them;
    a name inside a longer one ('Virginia' in 'West Virginia', 'Papua' in 'West Papua') is not a naming."""
    return list(_regions_named(text))


@lru_cache(maxsize=64)
def _regions_named(text: str) -> tuple[tuple[int, Region], ...]:
    """`regions_named`, once per text: every spelling of every region is looked for (a tenth of a second)."""
    hits: list[tuple[int, int, Region]] = []
    for region in regions():
        for spelling in region.spellings:
            if spelling in region.shared:
                continue
            hits += [(m.start(), m.end(), region) for m in re.finditer(re.escape(spelling), text)
                     if _named_at(text, m.start(), m.end(), spelling)]
    hits = [h for h in hits if not _inside_country_name(text, h[0], h[1])]
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, Region]] = []
    for start, end, region in hits:
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in kept):
            continue
        kept.append((start, end, region))  # the same name twice is two countries' regions ('Punjab')
    first: dict[Region, int] = {}
    for start, _, region in kept:
        first.setdefault(region, start)
    return tuple(sorted(((start, region) for region, start in first.items()), key=lambda x: x[0]))


_NAME_WORD = re.compile(r"[^\W\d_][\w’']*")
_COUNTRY_NAME_WORDS = 5  # the most words a country's name has ('Saint Vincent and the Grenadines')


def _inside_country_name(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, a region's spelling, is part of a longer country's name around it ('Papua' in
    'Papua New Guinea', 'Papouasie-Nouvelle-Guinée'): words joined by spaces or hyphens only."""
    offset = max(0, start - 80)
    words = [(offset + m.start(), offset + m.end()) for m in _NAME_WORD.finditer(text[offset : end + 80])]
    for i, (first, _) in enumerate(words):
        for j in range(i, min(i + _COUNTRY_NAME_WORDS, len(words))):
            if j > i and not re.fullmatch(r"[ \t-]+", text[words[j - 1][1] : words[j][0]]):
                break
            last = words[j][1]
            if first <= start and end <= last and (first, last) != (start, end) \
                    and is_country_name(text[first:last]):
                return True
    return False


@cache
def _region_list_gap(joiners: tuple[str, ...]) -> re.Pattern[str]:
    """What sets two listed names apart: a comma, semicolon or slash, a list joiner, or both ('Umbria e Marche')."""
    joined = "|".join(re.escape(j) for j in sorted({*joiners, "and"}, key=len, reverse=True))
    return re.compile(rf"\s*(?:[,;/]\s*(?:(?:{joined})\s+)?|\s+(?:{joined})\s+)\s*", re.IGNORECASE)


def listed_with_regions(text: str, name: str, country: str | None, joiners: tuple[str, ...]) -> str | None:
    """The English name of the region of `country` that `name` spells, when the article lists `name` right beside a
    region of that country named by a name of its own ('Lazio, Umbria e Marche': 'Marche', a name the gazetteer marks
    as a common word's, is the region here); None otherwise. Two names a city shares ('Aveiro e Coimbra') list
    no region."""
    own = [r for r in known_regions(name) if country and fold(r.country) == fold(country)]
    if len(own) != 1:
        return None
    others = [(s, e) for _, r in regions_named(text) if r != own[0] and fold(r.country) == fold(country)
              for s, e in region_spellings(text, r)]
    gap = _region_list_gap(joiners)
    for start, end in region_spellings(text, own[0]):
        if text[start:end].casefold() != name.strip().casefold():
            continue
        if any(gap.fullmatch(text[e:start]) or gap.fullmatch(text[end:s]) for s, e in others if e <= start or s >= end):
            return own[0].name
    return None


def gazetteer_name(name: str, country: str | None) -> str | None:
    """The English name of the region `name` spells ('Bayern' -> 'Bavaria'), of `country` when one is given; None
    when the gazetteer knows no such region, or two of different names."""
    names = {r.name for r in known_regions(name) if country is None or fold(r.country) == fold(country)}
    return next(iter(names)) if len(names) == 1 else None


def own_name(name: str) -> str | None:
    """The English name of the region `name` is a name of its own for ('Yunnan', 'Bayern'): then it is a region,
    never a place; None for a name a city shares ('Murcia') or no region's."""
    found = {r.name for r in _by_fold().get(fold(name), ()) if not any(fold(s) == fold(name) for s in r.shared)}
    return next(iter(found)) if len(found) == 1 else None


def region_in_lead(text: str, lead_end: int, country: str | None,
                   beyond_lead: Callable[[int], bool] | None = None) -> Region | None:
    """The region the article names first, by a name of its own: of the model's country when it names one of
    that country's; anywhere when the model gave no country; else, of any country, within the lead (before
    `lead_end`; the model reads 'the Afghan border' in an Urdu report from Khyber Pakhtunkhwa as Afghanistan, a
    country the gazetteer covers and the article names, but none of whose regions it names) or after it where
    `beyond_lead` accepts the position (a sentence about the harm, in an article that never names the model's
    country: the model guessed Nepal for a Hindi report from 'हिमाचल प्रदेश'); None otherwise."""
    named = regions_named(text)
    if not country:
        return named[0][1] if named else None
    same = [region for _, region in named if fold(region.country) == fold(country)]
    if same:
        return same[0]
    return next((region for start, region in named
                 if start < lead_end or (beyond_lead is not None and beyond_lead(start))), None)
