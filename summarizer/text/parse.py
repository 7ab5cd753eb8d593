"""Deterministic reading of the article: sentences, number mentions and their qualifiers, time windows.

The model classifies what the code finds; it never has to recall or copy a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer.contract.event import QUALIFIERS, Qualifier
from summarizer.lang import (
    Language,
    Lexicon,
    detect_language,
    english,
    fallback_lexicon,
    harm_pattern,
    outcomes_named,
    per_lexicon,
    text2num_value,
)
from summarizer.text.calendar import MONTHS, WEEKDAYS

# --- sentences -------------------------------------------------------------------------------------------------

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "rep", "sen", "gov",
                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
                  "vs", "etc", "u.s", "u.n", "u.k", "e.g", "i.e", "inc", "co", "corp", "ltd", "jr", "sr"}


def ends_abbreviation(text: str) -> bool:
    """Whether `text` ends with a title or other abbreviation whose full stop ends no sentence ('M', 'Dr', 'Gov',
    a single capital letter: 'a précisé M. Isah', 'Dr. Ana Brill')."""
    word = re.search(r"([\w.]+)$", text)
    prev = word.group(1) if word else ""
    return prev.casefold() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", prev) is not None


# '4:30 p.m. Sunday', '9 a.m. local time': a time of day, not a sentence's end, before a day, a month or a zone
_CLOCK = {"a.m", "p.m"}
_CLOCK_NEXT = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|"
                         r"Dec)[a-z]*\b|(?:GMT|UTC|ET|EST|EDT|CET|IST|PKT|PST|local time)\b")
_END = re.compile(r"[.!?]+[\"'”’)\]]*")
# full stops of scripts without capital letters: Devanagari danda, Urdu full stop, Arabic question mark, CJK stops
_SCRIPT_FULL_STOPS = "।॥۔。"  # a statement's end: danda, double danda, Urdu full stop, CJK full stop
_SCRIPT_STOPS = _SCRIPT_FULL_STOPS + "؟！？"
_SCRIPT_END = re.compile(rf"[{_SCRIPT_STOPS}]+[\"'”’)\]]*")


def ends_sentence(text: str) -> bool:
    """Whether a line ends as a sentence does (a full stop of any script, or a closing quotation mark), unlike a
    headline or a sub-heading ('25 dead as bus plunges into gorge')."""
    return text.rstrip().endswith((".", "!", "?", "”", '"', *_SCRIPT_STOPS))


def ends_statement(text: str) -> bool:
    """Whether a sentence ends with a full stop of its script ('.', '।', '۔'): a statement, not a headline, a
    question or a quotation."""
    return text.rstrip().endswith((".", *_SCRIPT_FULL_STOPS))


@dataclass(frozen=True)
class Sentence:
    index: int  # 1-based, as shown to the model
    start: int
    end: int
    text: str


def _line_breaks_sentence(text: str, pos: int) -> bool:
    """A single newline ends a sentence unless the text runs on (next line starts lowercase or with punctuation)."""
    nxt = text[pos + 1 : pos + 40].lstrip(" \t")
    if not nxt or nxt.startswith("\n"):
        return True
    return not (nxt[0].islower() or nxt[0] in ",;:)–—-")


_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?::|--|[-–—])")


def is_dateline(text: str, name: str) -> bool:
    """Whether `name` is a dateline wherever the text writes it: in capitals at the start of a line below the
    headline, before a colon or a dash ('DERA MURAD JAMALI: At least 12 people ...', 'DHAKA -- At least 5 bodies',
    'QUETTA (Reuters) -'): where the report was filed, not who gave its figures (a headline's 'UN: 300 dead' is)."""
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 2 or any(ch.islower() for ch in letters) or not any(ch.isupper() for ch in letters):
        return False
    found = [m.start() for m in re.finditer(re.escape(name), text)]
    headline_end = text.find("\n", len(text) - len(text.lstrip()))
    return bool(found) and all(0 <= headline_end < at and text[:at].rstrip(" \t").endswith("\n")
                               and _DATELINE_AFTER.match(text, at + len(name)) for at in found)


def paragraph_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph holding text[start:end]: it ends at a line break where the text does not run on (the rule
    that ends a sentence at a line break), so a blank line or a new line that starts a new sentence."""
    left = start
    while (i := text.rfind("\n", 0, left)) != -1 and not _line_breaks_sentence(text, i):
        left = i
    right = end
    while (j := text.find("\n", right)) != -1 and not _line_breaks_sentence(text, j):
        right = j + 1
    left_break, right_break = text.rfind("\n", 0, left), text.find("\n", right)
    return (left_break + 1 if left_break != -1 else 0), (right_break if right_break != -1 else len(text))


# after a full stop set without a space, a capitalised word: the next sentence, run on ('Nuova Cina.Nella miniera')
_RUN_ON = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ’']")


def split_sentences(text: str) -> list[Sentence]:
    """Split into sentences with character offsets into `text` (headings and short lines are their own units)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        cut: int | None = None
        if ch == "\n" and _line_breaks_sentence(text, i):
            cut = i
        elif ch in _SCRIPT_STOPS:  # ends a sentence whatever follows ('ہیں ۔دھماکے': Urdu often writes no space)
            m = _SCRIPT_END.match(text, i)
            assert m is not None
            cut = m.end()
            i = cut - 1
        elif ch in ".!?":
            m = _END.match(text, i)
            assert m is not None
            j = m.end()
            word = re.search(r"([\w.]+)$", text[start:i])
            prev = word.group(1).lower() if word else ""
            follows = text[j : j + 3]
            # an initial or a run of initials ('R.S. Rajesh') ends no sentence
            if (j >= n or follows[:1].isspace()) and prev not in _ABBREVIATIONS \
                    and not (re.fullmatch(r"[a-z](?:\.[a-z])*", prev) and prev not in _CLOCK):
                rest = text[j:].lstrip()
                if (not rest or rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘«¿¡(–—-•*[" \
                        or (rest[0].isalpha() and not rest[0].islower())) \
                        and not (prev in _CLOCK and _CLOCK_NEXT.match(rest)):  # a script without capitals
                    cut = j
            elif _RUN_ON.match(text, j) and re.fullmatch(r"[^\W\d_]{3,}", prev) and prev not in _ABBREVIATIONS \
                    and not re.match(r"\S*\.\w", text[j:]):  # not an address ('www.Example.com')
                # a full stop with no space after it, between two words ('de témoins.C'est une roche'); a straight
                # quotation mark after it opens the next sentence where the marks before it are paired ('Samarie."Je')
                stop = i + len(m.group(0).rstrip("\"'”’)]"))
                opens = text[stop:j].startswith('"') and text[start:i].count('"') % 2 == 0
                cut = stop if opens else j
            i = j - 1
        if cut is not None:
            bounds.append((start, cut))
            start = cut + 1 if ch == "\n" else cut
        i += 1
    bounds.append((start, n))
    sentences: list[Sentence] = []
    for s, e in bounds:
        raw = text[s:e]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        s2, e2 = s + lead, s + trail
        if e2 - s2 >= 2 and any(c.isalnum() for c in text[s2:e2]):
            body = re.sub(r"\s+", " ", text[s2:e2])
            sentences.append(Sentence(len(sentences) + 1, s2, e2, body))
    return sentences


# --- numbers ---------------------------------------------------------------------------------------------------

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
"""English number words (the "english" number engine of lang/data/en.toml): the number reader, time windows and
the invented-number check all read these."""

_WORD = r"(?:" + "|".join(sorted([*UNITS, *TENS], key=len, reverse=True)) + r")"
_ENGLISH_WORD_NUMBER = re.compile(
    rf"(?<![\w.,/:-]){_WORD}(?:[- ]{_WORD})?(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_WORD}(?:[- ]{_WORD})?)?)?\b",
    re.IGNORECASE)

_BREAKDOWN_BEFORE = re.compile(
    r"\b(?:includ\w*|among(?:\s+\w+){0,3}?\s+(?:were|was|are)|of\s+whom|comprising)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
def word_number_value(text: str) -> int | None:
    """'Twenty-four' -> 24, 'one hundred and five' -> 105; None if not a number in words."""
    total = 0
    current = 0
    seen = False
    for token in re.split(r"[\s-]+", text.lower().strip()):
        if token == "and" or not token:
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@dataclass(frozen=True)
class NumberMention:
    start: int  # offsets of the number itself
    end: int
    text: str  # the number as written ("Twenty-four", "67", "dozens")
    value: int | None  # None for vague words
    vague_floor: int | None
    qualifier: Qualifier
    raw_text: str  # qualifier + number as written ("at least 67", "171 سے زائد")
    raw_start: int
    sentence: Sentence

    @property
    def raw_end(self) -> int:
        """Where the number and its qualifier end: after a qualifier that follows the number ('171 سے زائد')."""
        return max(self.end, self.raw_start + len(self.raw_text))


def as_qualifier(kind: str) -> Qualifier:
    """A lexicon's qualifier key as the contract's qualifier (a key the contract lacks is a lexicon error)."""
    if kind not in QUALIFIERS:
        raise ValueError(f"lexicon qualifier {kind!r} is not one of {', '.join(QUALIFIERS)}")
    return kind  # type: ignore[return-value]


def breakdown_flags(text: str, mentions: list[NumberMention]) -> list[bool]:
    """For each mention: is it part of a breakdown ('including five men, three women and three children')?

    Breakdowns restate a figure already given; the list continues while only short noun phrases separate items.
    """
    flags: list[bool] = []
    for i, mention in enumerate(mentions):
        before = text[mention.sentence.start : mention.raw_start]
        flag = bool(_BREAKDOWN_BEFORE.search(before))
        if not flag and i and flags[-1] and mentions[i - 1].sentence is mention.sentence:
            between = text[mentions[i - 1].end : mention.raw_start]
            flag = bool(re.fullmatch(r"(?:\s+\w+){1,3}\s*,?\s*(?:and\s+)?", between))
        flags.append(flag)
    return flags


# --- numbers in any language with a lexicon -----------------------------------------------------------------------

_INDEFINITE = frozenset({"un", "une", "uno", "una", "unos", "unas", "um", "uma", "uns", "umas", "ein", "eine", "einen",
                         "einem", "einer", "a", "an", "ایک", "एक"})


_LATIN_LETTERS = r"A-Za-z\u00C0-\u024F"  # inside a character class


@lru_cache(maxsize=16)
def _digits_pattern(thousands: str) -> re.Pattern[str]:
    """Digits in any script, grouped by the language's thousands characters ("1,500"; "1.500" in Spanish)."""
    group = rf"(?:[{re.escape(thousands)}]\d{{3}})+" if thousands else r"(?!)"
    # a letter of a script without word spaces between may stand on either side ('40افراد', 'میں5 پولیس': Urdu
    # glues a noun on or a postposition before); a Latin one may not ('3rd', '10am', 'G20')
    return re.compile(rf"(?<![{_LATIN_LETTERS}\d_.,/:-])(\d{{1,3}}{group}|\d+)(?![{_LATIN_LETTERS}\d_:/]|[.,]\d)")


def _digits_value(written: str) -> int:
    return int(re.sub(r"[,.\u00a0 ]", "", written))


# an elided article or preposition is a word of its own ('d’une quarantaine', 'l'una'): its number follows
_LATIN_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]['’](?=[^\W\d_])|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Devanagari and Arabic-script words hold combining vowel signs that \w does not match: split on spaces and marks.
_SCRIPT_WORD = re.compile(r"[^\s\d.,;:!?()\[\]{}\"“”‘’'«»।॥،۔؟\-–—/]+")


def _word_spans(chunk: str, spaced: bool = True) -> list[tuple[int, int]]:
    pattern = _LATIN_WORD if spaced else _SCRIPT_WORD
    return [(m.start(), m.end()) for m in pattern.finditer(chunk)]


def is_number_word(word: str, lx: Lexicon) -> bool:
    """Whether one word is a number above one written out ('zwei', 'drei', 'trois'), as the number reader reads it
    (`_word_numbers`): a count, never part of a name (one is left out: 'un', 'ein' are also articles)."""
    word = word.strip(",.;:()\"'«»“”")
    return any(start == 0 and end == len(word) and value > 1 for start, end, value in _word_numbers(word, lx))


def _word_numbers(chunk: str, lx: Lexicon) -> list[tuple[int, int, int]]:
    """(start, end, value) of numbers written in words, the longest reading first."""
    if lx.number_engine == "english":
        return [(m.start(), m.end(), value) for m in _ENGLISH_WORD_NUMBER.finditer(chunk)
                if (value := word_number_value(m.group(0))) is not None]
    words = _word_spans(chunk, lx.spaced)
    found: list[tuple[int, int, int]] = []
    i = 0
    while i < len(words):
        best: tuple[int, int] | None = None
        for j in range(min(len(words), i + 6), i, -1):
            phrase = chunk[words[i][0] : words[j - 1][1]]
            value = lx.number_words.get(phrase.casefold())
            if value is None and lx.number_engine == "text2num" and (j == i + 1 or text2num_value(
                    chunk[words[i][0] : words[i][1]], lx.code) is not None):
                # a phrase opens with a number ('vingt et un'), never with a conjunction ('und vier' is 4 to text2num)
                value = text2num_value(phrase, lx.code)
            if value is not None:
                best = (j, value)
                break
        if best is None:
            i += 1
            continue
        j, value = best
        start, end = words[i][0], words[j - 1][1]
        if not (value == 1 and chunk[start:end].casefold() in _INDEFINITE):
            found.append((start, end, value))
        i = j
    return found


def may_count_one(text: str) -> bool:
    """Whether the text has an indefinite article that may count one person ('एक व्यक्ति', 'ein Mann', 'um pescador'),
    which the number reader does not take for the number 1."""
    return any(w.casefold() in _INDEFINITE for w in re.findall(r"\w+", text))


def _phrase_pattern(phrase: str, spaced: bool) -> str:
    """A lexicon phrase as a pattern: any run of spaces between its words, whole words in spaced scripts."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    return rf"(?<![^\W\d_]){body}(?![^\W\d_])" if spaced else body


@per_lexicon
def _vague_patterns(lx: Lexicon) -> list[tuple[re.Pattern[str], int]]:
    words = lx.vague_counts if lx.vague_counts is not None else tuple(lx.vague)
    return [(re.compile(_phrase_pattern(word, lx.spaced), re.IGNORECASE), lx.vague[word])
            for word in sorted(words, key=len, reverse=True) if word in lx.vague]


def _vague_amounts(chunk: str, lx: Lexicon) -> list[tuple[int, int, int]]:
    """(start, end, floor) of vague amounts; two side by side are one ('plusieurs dizaines', 'varias decenas':
    several dozen), with the higher floor."""
    found: list[tuple[int, int, int]] = []
    for pattern, floor in _vague_patterns(lx):
        for m in pattern.finditer(chunk):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), floor))
    joined: list[tuple[int, int, int]] = []
    for start, end, floor in sorted(found):
        if joined and not chunk[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], end, max(joined[-1][2], floor))
        else:
            joined.append((start, end, floor))
    return joined


# what a vague amount right beside it may count ('dozens more injured', 'injuring hundreds'), not 'thousands fled'
_VAGUE_HARMS = frozenset({"killed", "injured", "missing", "abducted", "arrested"})


def _harm_beside(text: str, start: int, end: int, lx: Lexicon) -> bool:
    """Whether a harm word stands right beside a vague amount, in its clause: one of the two words after it ('dozens
    more injured', 'dozens wounded') or the word before it ('injuring hundreds'): then it counts people."""
    after: list[str] = []
    for word in text[end : end + 40].split()[:2]:
        after.append(word)
        if re.search(r"[.,;:!?।۔]$", word):
            break
    before = text[max(0, start - 30) : start].split()[-1:]
    near = " ".join(after + [w for w in before if not re.search(r"[.,;:!?।۔\"”]$", w)])
    return bool(outcomes_named(near, lx) & _VAGUE_HARMS)


@per_lexicon
def _count_noun_pattern(lx: Lexicon) -> re.Pattern[str] | None:
    """People right after a vague amount ('dozens of people', 'several police officers'), when the lexicon lists
    its count nouns."""
    if not lx.count_nouns:
        return None
    nouns = "|".join(re.escape(n[:-1]) + r"\w*" if n.endswith("*") else re.escape(n) for n in lx.count_nouns)
    return re.compile(rf"^\s+(?:of\s+)?(?:\w+\s+){{0,2}}?(?:{nouns})\b", re.IGNORECASE)


@per_lexicon
def _qualifier_patterns(lx: Lexicon) -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str]]]:
    """(before, after): the longest phrase of a kind first ('more than' before 'over')."""
    before = [(re.compile(_phrase_pattern(p, lx.spaced) + r"\s*$", re.IGNORECASE), kind)
              for kind, phrases in lx.qualifiers_before.items() for p in sorted(phrases, key=len, reverse=True)]
    after = [(re.compile(r"^\s*" + _phrase_pattern(p, lx.spaced), re.IGNORECASE), kind)
             for kind, phrases in lx.qualifiers_after.items() for p in phrases]
    return before, after


def _qualifier(text: str, start: int, end: int, lx: Lexicon) -> tuple[Qualifier, int, int]:
    """(qualifier, raw start, raw end): words before the number, or after it in postpositional languages."""
    before_patterns, after_patterns = _qualifier_patterns(lx)
    window_start = max(0, start - 40)
    before = text[window_start:start]
    for pattern, kind in before_patterns:
        m = pattern.search(before)
        if m:
            return as_qualifier(kind), window_start + m.start(), end
    after = text[end : end + 30]
    for pattern, kind in after_patterns:
        m = pattern.match(after)
        if m:
            return as_qualifier(kind), start, end + m.end()
    return "exact", start, end


@per_lexicon
def _not_a_count_patterns(lx: Lexicon) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None,
                                                 re.Pattern[str] | None, re.Pattern[str]]:
    """(unit after, word before, phrase around, day in brackets): a date, time, duration or amount; a phrase
    counting nobody; a weekday's or month's name and an opening bracket before the number ('neste domingo (15)', 'on
    Sunday (15th)'), whose number is the day of the month."""
    def union(words: tuple[str, ...]) -> str:
        return "|".join(_phrase_pattern(w, lx.spaced) for w in sorted(words, key=len, reverse=True))

    # 'more', 'de' stand apart from the unit; 'd’' joins it ('une douzaine d'années')
    modifiers = "".join(re.escape(m) + ("" if m.endswith(("'", "’")) else r"\s+") + "|" for m in lx.unit_modifiers)
    after = (re.compile(rf"^\s*(?:-\s*)?(?:{modifiers.rstrip('|')})?(?:{union(lx.not_after)})"
                        if modifiers else rf"^\s*(?:-\s*)?(?:{union(lx.not_after)})", re.IGNORECASE)
             if lx.not_after else None)
    before = re.compile(rf"(?:{union(lx.not_before)})\.?\s*$", re.IGNORECASE) if lx.not_before else None
    around = re.compile(union(lx.not_counts), re.IGNORECASE) if lx.not_counts else None
    names = (*WEEKDAYS, *MONTHS, *(w for forms in (*lx.weekdays, *lx.months) for w in forms))
    day = re.compile(rf"(?:{union(tuple(dict.fromkeys(names)))})\s*\(\s*$", re.IGNORECASE)
    return after, before, around, day


@per_lexicon
def _things_pattern(lx: Lexicon) -> re.Pattern[str] | None:
    if not lx.things:
        return None
    things = "|".join(_phrase_pattern(w, lx.spaced) for w in sorted(lx.things, key=len, reverse=True))
    word = r"[^\W\d_][\w'’-]*\s+" if lx.spaced else ""  # 'two suicide attacks', 'two local government hospitals'
    return re.compile(rf"^\s*(?:{word}){{0,2}}(?P<thing>{things})", re.IGNORECASE)


def counts_things(text: str, mention: NumberMention, lx: Lexicon) -> str | None:
    """The thing a number counts when it is no person ('Two attacks last week ...' -> 'attacks'): one of the
    lexicon's `things` right after it, maybe after one or two words ('two suicide attacks', 'two local government
    hospitals'); None otherwise."""
    pattern = _things_pattern(lx)
    found = pattern.match(text[mention.end : mention.end + 60]) if pattern is not None else None
    if found is None:
        return None
    between = found.group(0)[: found.start("thing")].split()
    harm = harm_pattern(lx.code)
    if any(w.casefold() in lx.stopwords or (harm is not None and harm.search(w)) for w in between):
        return None  # '12 injured in attacks': the words between say what happened to the people counted
    return found.group("thing")


MAX_AGE = 120
_NAME_THEN_BRACKET = re.compile(r"(?<!\S)(?P<word>[^\W\d_][^\s\d()\[\]]*)\s*\(\s*$")


def _age_in_brackets(text: str, start: int, end: int, written: str, value: int | None, lx: Lexicon) -> bool:
    """A number alone in brackets right after a name is the person's age ('विनय (32) नामक व्यक्ति की मौत', 'John
    Tarel (45) died'): a name, in a script with capitals, starts with one; in a script without, it is any word that
    names no harm ('मौत (3)', 'Killed (12)' stay counts)."""
    if value is None or value > MAX_AGE or not written.isdigit() or not re.match(r"\s*\)", text[end : end + 3]):
        return False
    found = _NAME_THEN_BRACKET.search(text[max(0, start - 40) : start])
    if found is None:
        return False
    word = found.group("word")
    if word[:1].lower() != word[:1].upper() and not word[:1].isupper():  # a script with capitals: 'killed (12)'
        return False
    harm = harm_pattern(lx.code)
    return harm is None or harm.search(word) is None  # 'Killed (12)', 'मौत (3)'


def _dotted_ordinal(text: str, start: int, end: int, written: str, lx: Lexicon) -> bool:
    """Digits written with a dot before a word, after one of the language's `ordinal_openers`: an ordinal ('Suche
    nach 3. Opfer': the search for the third victim), not a count."""
    if not lx.ordinal_openers or not written.isdigit() or not re.match(r"\.\s+[^\W\d_]", text[end : end + 4]):
        return False
    before = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 24) : start])
    return before is not None and before.group(1).casefold() in lx.ordinal_openers


_URL = re.compile(r"https?://|www\.|\.(?:html?|php|aspx?)\b", re.IGNORECASE)


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether the number is part of a web address ('Link: https://mundo.sputniknews.com/...-1125433282.html')."""
    token_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    token_end = min((i for i in (text.find(" ", end), text.find("\n", end)) if i != -1), default=len(text))
    return _URL.search(text[token_start:token_end]) is not None


_JOINED_WORD = re.compile(r"-(?P<word>[^\W\d_]+)")


def _modifies(text: str, end: int, lx: Lexicon) -> bool:
    """Whether a number is joined by a hyphen to the word after it, which it modifies ('a three-story building', 'a
    25-metre fall', 'a two-vehicle crash'): no count of people, unless that word names harm ('a 12-dead toll')."""
    joined = _JOINED_WORD.match(text, end)
    if joined is None:
        return False
    harm = harm_pattern(lx.code)
    return harm is None or harm.search(joined.group("word")) is None


def _not_a_count(text: str, start: int, end: int, written: str, value: int | None, lx: Lexicon) -> bool:
    after, before, around, day = _not_a_count_patterns(lx)
    if _in_url(text, start, end):
        return True
    if value is not None and value <= 31 and re.match(r"\s*(?:st|nd|rd|th|º|°)?\s*\)", text[end : end + 6]) \
            and day.search(text[max(0, start - 24) : start]):
        return True  # 'mataram neste domingo (15) quatro militares': a date
    if _age_in_brackets(text, start, end, written, value, lx):
        return True
    if _dotted_ordinal(text, start, end, written, lx):
        return True
    if after is not None and after.match(text[end : end + 24]):
        return True
    if _modifies(text, end, lx):
        return True
    if before is not None and before.search(text[max(0, start - 24) : start]):  # 'Lawinenwarnstufe 3'
        return True
    if around is not None and not written[:1].isdigit():
        window_start = max(0, start - 4)
        for m in around.finditer(text, window_start, min(len(text), end + 10)):
            if m.start() < end and start < m.end():
                return True
    # a year, written without grouping ('2,000' is a count, '2000' and '+2000' are not years either way)
    return (value is not None and 1800 <= value <= 2100 and written.isdigit()
            and text[max(0, start - 1) : start] != "+")


@per_lexicon
def _scale_pattern(lx: Lexicon) -> re.Pattern[str] | None:
    """Digits and a scale word after them, glued or not ('50mila', '50 mil'); None for a language without any."""
    if not lx.scale_words:
        return None
    words = "|".join(re.escape(w) for w, _ in sorted(lx.scale_words, key=lambda x: len(x[0]), reverse=True))
    return re.compile(rf"(?<![\w.,/:-])(?P<d>\d{{1,3}})\s?(?P<w>{words})(?!\w)", re.IGNORECASE)


def _scaled(chunk: str, lx: Lexicon) -> list[tuple[int, int, int]]:
    """(start, end, value) of each count written with a scale word ('50mila' -> 50000)."""
    pattern = _scale_pattern(lx)
    factors = dict(lx.scale_words)
    return [(m.start(), m.end(), int(m.group("d")) * factors[m.group("w").casefold()])
            for m in (pattern.finditer(chunk) if pattern is not None else [])]


def _join_thousands(chunk: str, spans: list[tuple[int, int, int | None, int | None]]
                    ) -> list[tuple[int, int, int | None, int | None]]:
    """'mil 233' and 'tres mil 712': a thousands word followed by digits is one number (1233, 3712)."""
    out: list[tuple[int, int, int | None, int | None]] = []
    for span in spans:
        if out:
            s, e, value, _ = out[-1]
            if value and value % 1000 == 0 and span[2] is not None and span[2] < 1000 \
                    and chunk[e : span[0]].strip() == "" and not chunk[s:e].strip()[:1].isdigit():
                out[-1] = (s, span[1], value + span[2], None)
                continue
        out.append(span)
    return out


@per_lexicon
def _multiplier_pattern(lx: Lexicon) -> re.Pattern[str] | None:
    """A group word right after a number ('two dozen'); None for a language without any."""
    if not lx.multipliers:
        return None
    words = "|".join(_phrase_pattern(w, lx.spaced) for w, _ in sorted(lx.multipliers, key=lambda x: -len(x[0])))
    return re.compile(rf"^\s+(?P<w>{words})(?![^\s.,;:!?।۔،)])", re.IGNORECASE)  # the whole word ('दर्जनों' is vague)


def _multiplied(chunk: str, spans: list[tuple[int, int, int | None, int | None]], lx: Lexicon
                ) -> list[tuple[int, int, int | None, int | None]]:
    """A number followed by a group word is the number of its groups times their size ('two dozen' -> 24, 'दो
    दर्जन' -> 24, 'Duas dezenas' -> 20); the group word is part of it, not a vague amount of its own."""
    pattern = _multiplier_pattern(lx)
    if pattern is None:
        return spans
    sizes = dict(lx.multipliers)
    out: list[tuple[int, int, int | None, int | None]] = []
    for s, e, value, floor in spans:
        if out and s < out[-1][1]:
            continue  # the group word a number before it took
        if value is not None and (m := pattern.match(chunk[e:])) is not None:
            e, value = e + m.end(), value * sizes[m.group("w").casefold()]
        out.append((s, e, value, floor))
    return out


def find_numbers(text: str, sentences: list[Sentence], lx: Lexicon | None = None) -> list[NumberMention]:
    """Every count-like number of an article in its language (English when no lexicon is given): digits in any
    script, number words, vague amounts, each with its qualifier and sentence.

    Dates, years, times, durations, percentages and distances are left out: they are never casualty counts. What
    a language writes differently is its lexicon's data (lang/data/*.toml), not code.
    """
    lx = lx or english()
    digits = _digits_pattern(lx.thousands)
    people = _count_noun_pattern(lx)
    mentions: list[NumberMention] = []
    for sentence in sentences:
        chunk = text[sentence.start : sentence.end]
        spans: list[tuple[int, int, int | None, int | None]] = []
        spans += [(s, e, value, None) for s, e, value in _scaled(chunk, lx)]  # '50mila', '50 mil'
        taken = [(s, e) for s, e, _, _ in spans]
        for m in digits.finditer(chunk):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                spans.append((m.start(), m.end(), _digits_value(m.group(1)), None))
        taken = [(s, e) for s, e, _, _ in spans]
        for s, e, least in _vague_amounts(chunk, lx):  # before number words: 'cientos' is vague, not 100
            if not any(a < e and s < b for a, b in taken):
                spans.append((s, e, None, least))
        taken = [(s, e) for s, e, _, _ in spans]
        for s, e, number in _word_numbers(chunk, lx):
            if not any(a < e and s < b for a, b in taken):
                spans.append((s, e, number, None))
        spans = _multiplied(chunk, _join_thousands(chunk, sorted(spans, key=lambda span: span[0])), lx)
        ranges = _ranges(chunk, spans, lx)
        joined = _range_joiner(lx)
        for i, (s, e, value, floor) in enumerate(spans):
            if i - 1 in ranges:
                continue  # the upper end of a range is not a count of its own
            start, end = sentence.start + s, sentence.start + e
            written = text[start:end]
            upper = spans[i + 1] if i in ranges or (i + 1 < len(spans) and joined.fullmatch(
                chunk[e : spans[i + 1][0]])) else None
            if upper is None and (hyphened := _HYPHENED.match(chunk, e)):  # '1-2 बजे': no span of its own
                upper = (hyphened.start(1), hyphened.end(1), int(hyphened.group(1)), None)
            if _not_a_count(text, start, end, written, value, lx) or (upper is not None and _not_a_count(
                    text, sentence.start + upper[0], sentence.start + upper[1], chunk[upper[0] : upper[1]], upper[2],
                    lx)):
                continue  # a range's unit follows its upper end ('between 2 and 4 pm', '1-2 बजे', '1 से 2 बजे')
            last = _listed_up_to(chunk, spans, i, lx)
            if last != i and _not_a_count(text, sentence.start + spans[last][0], sentence.start + spans[last][1],
                                          chunk[spans[last][0] : spans[last][1]], spans[last][2], lx):
                continue  # a list's unit follows its last number ('Die Getöteten waren 24, 50 und 56 Jahre alt')
            if value is None and people is not None and not people.match(text[end : end + 60]) \
                    and not _harm_beside(text, start, end, lx):
                continue  # "several districts": a vague amount only matters when it counts people
            qualifier: Qualifier = "vague"
            raw_start, raw_end = start, end
            if i in ranges:  # 'between 700 and 850 people': at least 700; the head noun follows the upper end
                qualifier, raw_start, raw_end = "at_least", sentence.start + ranges[i], sentence.start + spans[i + 1][1]
                end = raw_end
            elif value is not None:
                qualifier, raw_start, raw_end = _qualifier(text, start, end, lx)
                if qualifier == "exact" and written.casefold() in lx.approximate:
                    qualifier = "about"  # 'une vingtaine': some twenty
            mentions.append(NumberMention(start, end, written, value, floor, qualifier,
                                          text[raw_start:raw_end], raw_start, sentence))
    return mentions


@per_lexicon
def _list_gap(lx: Lexicon) -> re.Pattern[str]:
    """What sets two listed numbers apart: a comma, a list joiner, or both ('24, 50 und 56')."""
    joiners = "|".join(_phrase_pattern(w, lx.spaced) for w in sorted({*lx.list_joiners, "and"}, key=len, reverse=True))
    return re.compile(rf"\s*,\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+", re.IGNORECASE)


def _listed_up_to(chunk: str, spans: list[tuple[int, int, int | None, int | None]], i: int, lx: Lexicon) -> int:
    """The index of the last number of the list of bare numbers that span `i` opens or continues ('24, 50 und 56'):
    numbers set apart by a comma or a list joiner and nothing else; `i` itself when no number follows so."""
    gap = _list_gap(lx)
    j = i
    while j + 1 < len(spans) and spans[j][2] is not None and spans[j + 1][2] is not None \
            and gap.fullmatch(chunk[spans[j][1] : spans[j + 1][0]]):
        j += 1
    return j


@per_lexicon
def _range_patterns(lx: Lexicon) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    return [(re.compile(_phrase_pattern(opener, lx.spaced) + r"\s*$", re.IGNORECASE),
             re.compile(r"\s*" + _phrase_pattern(joiner, lx.spaced) + r"\s*", re.IGNORECASE))
            for opener, joiner in lx.ranges]


_DASHES = "-‐‑–—"  # what joins the two numbers of a range in any language ('1-2 बजे', '25–30')
_HYPHENED = re.compile(rf"[{_DASHES}](\d+)")


@per_lexicon
def _range_joiner(lx: Lexicon) -> re.Pattern[str]:
    """What joins two numbers of a range without an opener: a hyphen or dash in any language, and the language's
    `range_joiners` ('1 to 2 pm', '1 से 2 बजे')."""
    words = "".join(f"|{_phrase_pattern(w, lx.spaced)}" for w in sorted(lx.range_joiners, key=len, reverse=True))
    return re.compile(rf"\s*(?:[{_DASHES}]{words})\s*", re.IGNORECASE)


def _ranges(chunk: str, spans: list[tuple[int, int, int | None, int | None]], lx: Lexicon) -> dict[int, int]:
    """Index of each span that opens a range ('between 700 and 850') -> where the range's words start."""
    found: dict[int, int] = {}
    for i in range(len(spans) - 1):
        (s, e, low, _), (s2, _, high, _) = spans[i], spans[i + 1]
        if low is None or high is None or high <= low or i - 1 in found:
            continue
        for opener, joiner in _range_patterns(lx):
            before = opener.search(chunk[max(0, s - 20) : s])
            if before and joiner.fullmatch(chunk[e:s2]):
                found[i] = max(0, s - 20) + before.start()
                break
    return found


def stated_values(text: str, language: Language | None = None) -> set[int]:
    """Every count the text states in its language (digits in any script, number words), for checking that
    generated text invents no number. `language` defaults to the text's own (give the article's for a phrase)."""
    language = language or detect_language(text)
    sentences = split_sentences(text)
    mentions = find_numbers(text, sentences, language.lexicon or fallback_lexicon())
    values = {m.value for m in mentions if m.value is not None} | {_digits_value(d) for d in re.findall(r"\d+", text)}
    if language.lexicon is not None and language.code != "en":  # ages and other non-counts a summary may restate
        values |= {value for s in sentences for _, _, value in _word_numbers(text[s.start : s.end], language.lexicon)}
    return values
