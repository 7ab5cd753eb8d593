"""Names a generated headline or summary gives that the article never names, in any spelling or script.

The model reads some scripts poorly and then writes an event of its own: over an Urdu report of a coach that fell
into a ravine in Upper Dir it wrote '9 Afghans Killed in Bombing of Hospital', over a minibus crash 'A Taliban attack
on a government building in Kabul'. Such a text names a country, its people or its capital, or an armed group known
by name, that the article does not. Names are looked for in the article as written, in its language (the Unicode
CLDR's country names, the group table's spellings) and by sound in another script (`transliterate.skeleton`),
leniently: a name the article may write is never called invented.

The groups are data (`lang/data/gazetteer/groups.toml`); a group missing there only goes unnoticed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from anyascii import anyascii

from summarizer.lang import DATA, Lexicon
from summarizer.text.dates import weekday_names
from summarizer.text.names import CAPITALS, COUNTRY_NAMES, canonical_country, country_names_folded, fold
from summarizer.text.transliterate import names_country, skeleton

GROUPS = DATA / "gazetteer" / "groups.toml"
COUNTRY_PREFIX = 5  # 'Afghans', 'Pakistani', 'Nigerian': a word that starts as a country's name names its people
OWN_PREFIX = 4  # letters an article's word for a country's people shares with its name ('syrischen', 'Syrien')
SHORT_DEMONYM = re.compile(r"(?:n|an|ian|ese|i|ish|ean)s?")  # 'Iraqi', 'Malian', 'Togolese' after a short name
MIN_SOUND = 3  # consonants of a name's skeleton that an article's word must start with to be that name by sound
_CAPITALIZED = re.compile(r"\b[A-Z][\w'’-]*")
_ARTICLE_WORD = re.compile(r"[^\s\d.,;:!?()\[\]{}\"“”‘’'«»।॥،۔؟\-–—/]+")


@dataclass(frozen=True)
class Group:
    name: str  # the first English name, as the complaint tells it
    english: re.Pattern[str]  # any of its English names in a generated text
    spellings: tuple[str, ...]  # every name of it, folded, English and the articles' languages


@cache
def groups() -> tuple[Group, ...]:
    with GROUPS.open("rb") as handle:
        lines = tomllib.load(handle)["groups"]
    out = []
    for line in lines:
        english, _, own = line.partition("=")
        names = [n.strip() for n in english.split("|") if n.strip()]
        others = [n.strip() for n in own.split("|") if n.strip()]
        exact = [re.escape(n) for n in names if _as_written(n)]
        loose = [re.escape(n) for n in names if not _as_written(n)]
        parts = [rf"\b(?:{'|'.join(exact)})\b"] if exact else []
        parts += [rf"(?i:\b(?:{'|'.join(loose)})s?\b)"] if loose else []
        out.append(Group(name=names[0], english=re.compile("|".join(parts)),
                         spellings=tuple(dict.fromkeys(fold(n) for n in [*names, *others] if fold(n)))))
    return tuple(out)


@cache
def _group_spellings() -> frozenset[str]:
    """Every spelling of every group of the table, folded."""
    return frozenset(spelling for g in groups() for spelling in g.spellings)


def is_group_name(name: str) -> bool:
    """Whether `name` is one of the group table's names, in any of its spellings ('Al Qaïda', 'Daech'): a group,
    no place."""
    return fold(name) in _group_spellings()


def _as_written(name: str) -> bool:
    """An acronym or a name with a capital inside ('ISIS', 'LeT', 'M23') is matched only as written: 'IS' is a
    verb in any other case."""
    return any(ch.isupper() for ch in name[1:]) or any(ch.isdigit() for ch in name)


def unnamed_names(generated: str, article: str, country: str | None, heard: str | None = None) -> list[str]:
    """The countries, peoples, capitals and named groups `generated` names that `article` names in no spelling of
    theirs, other than the event's `country` (the model may infer it: 'in Pakistan' for a crash in Upper Dir). A
    country is looked for by sound in `heard` (the article by default; the caller may blank out names that only sound
    like one: 'مغربی بنگال', West Bengal, is no 'Bangladesh')."""
    found: list[str] = []
    allowed = fold(canonical_country(country)) if country else ""
    for match in _CAPITALIZED.finditer(generated):
        word = match.group(0).rstrip("'’-")
        meant = _countries_meant(word)
        if not meant or allowed in meant:
            continue
        if not any(_names_country(article, c) for c in meant) and not _sounds_in(article if heard is None else heard,
                                                                                  word):
            found.append(word)
    folded = f" {fold(article)} "
    for group in groups():
        hit = group.english.search(generated)
        if hit and not any(f" {s}" in folded for s in group.spellings) and (
                _as_written(hit.group(0)) or not _sounds_in(article, hit.group(0))):  # 'ISIS' has no sound to find
            found.append(hit.group(0))
    return list(dict.fromkeys(found))


def _countries_meant(word: str) -> set[str]:
    """The folded countries a capitalized word names, as a country, its people or its capital ('Afghans' ->
    {'afghanistan'}, 'Nigerian' -> {'niger', 'nigeria'}, 'Kabul' -> {'kabul'})."""
    folded = fold(word)
    if folded in CAPITALS:
        return {folded}
    meant = set()
    for country in _single_word_countries():
        if len(country) >= COUNTRY_PREFIX:
            names = folded.startswith(country[:COUNTRY_PREFIX])
        else:  # 'Iraqi', 'Malian', 'Chadian'
            stem = country.rstrip("aeiou")
            names = folded == country or (folded.startswith(stem) and bool(SHORT_DEMONYM.fullmatch(folded[len(stem):])))
        if names:
            meant.add(country)
    return meant


@cache
def _single_word_countries() -> tuple[str, ...]:
    """Countries of one word: 'South' or 'United' alone names no country, and a name of several words is left alone."""
    return tuple(sorted(c for c in COUNTRY_NAMES if " " not in c and len(c) > 3))


def _names_country(article: str, country: str) -> bool:
    """`transliterate.names_country`, or a word of the article that starts as the country's name in the article's
    language does ('deutschen' for 'German' beside 'Deutschland', 'syrischen' for 'Syrian' beside 'Syrien')."""
    if names_country(article, country):
        return True
    stems = {name[:OWN_PREFIX] for name in [country, *country_names_folded(country)] if len(name) > OWN_PREFIX}
    return not stems.isdisjoint(_word_starts(article))


@lru_cache(maxsize=4)
def _word_starts(article: str) -> frozenset[str]:
    """The first OWN_PREFIX letters of each of the article's words, folded: read once per article."""
    return frozenset(fold(w)[:OWN_PREFIX] for w in _ARTICLE_WORD.findall(article))


@lru_cache(maxsize=4)
def _word_sounds(article: str) -> tuple[str, ...]:
    """The consonant skeleton of each of the article's words, in order: read once per article."""
    return tuple(skeleton(anyascii(w)) for w in _ARTICLE_WORD.findall(article))


def _sounds_in(article: str, name: str) -> bool:
    """Whether a word of the article, or two or three in a row, starts with the first MIN_SOUND consonants of `name`,
    in any script: 'افغان' for 'Afghans', 'afganos' for 'Afghan', 'پشاور' for 'Peshawar', 'काठमांडो' for 'Kathmandu'
    (whose nasal the script writes as a mark). Lenient on purpose: a name that may be there is not invented."""
    target = skeleton(anyascii(name))[:MIN_SOUND]
    if len(target) < MIN_SOUND:
        return True  # too short to tell: never called invented
    words = _word_sounds(article)
    return any("".join(words[i : i + n]).startswith(target) for i in range(len(words)) for n in (1, 2, 3))


def unnamed_days(generated: str, article: str, lx: Lexicon | None, published: date | None) -> list[str]:
    """The weekdays `generated` names that the article names in no language it is written in ('The accident happened
    on Tuesday.' over an article that gives no day), other than the weekday of its publication date or of the day
    before ('today', 'yesterday' resolved)."""
    known = {published.weekday(), (published.weekday() - 1) % 7} if published is not None else set()
    found = []
    for i, names in enumerate(weekday_names(lx)):
        hit = re.search(rf"\b{names[0]}\b", generated, re.IGNORECASE)
        if hit is not None and i not in known and not any(_starts_a_word(article, name) for name in names):
            found.append(hit.group(0))
    return found


def _starts_a_word(text: str, name: str) -> bool:
    """Whether a word of `text` starts with `name`, case ignored: a day's name may open a compound ('Samstagabend',
    'Sonntagmorgen'), which the date reader's whole words do not see."""
    return re.search(rf"(?<!\w){re.escape(name.casefold())}", text.casefold()) is not None
