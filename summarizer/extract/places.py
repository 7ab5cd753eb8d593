"""Place names found by code next to place words ('in X district', 'the city of X', 'X, Y and Z districts').

They complement the model's list: small models name the main cities and miss the rest of a long list.
Only places in sentences where something happened are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from summarizer.extract.regions import own_name
from summarizer.lang import Lexicon, english, harm_pattern, per_lexicon
from summarizer.text.calendar import MONTHS, WEEKDAYS
from summarizer.text.names import fold, is_country_name, is_demonym
from summarizer.text.parse import Sentence

_NAME = r"[A-Z][a-z’'-]{2,}(?:[ -][A-Z][a-z’'-]{2,})?"
_LIST = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?"
_PATTERNS = [
    re.compile(rf"\b(?:[Ii]n|at|near|outside|around)\s+(?:the\s+)?(?P<names>{_LIST})\s+"
               r"(?:districts?|city|town|village|area|jail|prison|camp)\b"),
    re.compile(rf"\b(?:districts?|cities|towns|villages)\s+of\s+(?P<names>{_LIST})"),
    re.compile(rf"\b(?:city|town|village|capital|port)(?:\s+city)?,?\s+(?:of\s+)?(?P<names>{_NAME})\b"),
    re.compile(rf"\b(?:locations|cities|towns|areas|districts|places),?\s+including\s+(?P<names>{_LIST})"),
    re.compile(rf"\bon\s+(?:the\s+)?(?P<names>{_NAME})\s+(?:jail|prison)\b"),
    re.compile(rf"\b(?:[Ii]n|at|near)\s+(?P<names>{_NAME})(?=[,.;]|\s+(?:after|where|when|on|and)\b)"),
]
# Words of a sentence in which something happened (also what makes a sentence an incident, see pipeline).
EVENT_WORDS = re.compile(r"attack|assault|kill|blast|explo|bomb|clash|storm|raid|gunfire|grenade|abduct|kidnap|jail|"
                         r"prison|dead|injur|wound|casualt|suspend|shot|fire|fight|escap|seiz|overr|target|violence|"
                         r"operation", re.IGNORECASE)
_CALENDAR = "|".join(w.title() for w in (*WEEKDAYS, *MONTHS))
_NOT_PLACES = re.compile(r"^(?:" + _CALENDAR + r"|The|This|That|These|"
                         r"Those|Meanwhile|Security|Officials|Police|Some|Other|Other attacks|According|Among|"
                         r"Earlier|Later|However|While|After|Before|During|Armed|Insurgents|Militants)$")

_CALENDAR_AFTER = re.compile(rf"\s+(?:{_CALENDAR})$")


def find_places(sentences: list[Sentence], exclude: list[str]) -> list[str]:
    """Place names in order of first mention, without the excluded names (country, region)."""
    excluded = {fold(x) for x in exclude if x}
    found: list[str] = []
    for sentence in sentences:
        if not EVENT_WORDS.search(sentence.text):
            continue
        for pattern in _PATTERNS:
            for m in pattern.finditer(sentence.text):
                for name in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("names")):
                    name = _CALENDAR_AFTER.sub("", name.strip())  # 'in Syria Saturday'
                    if (not name or _NOT_PLACES.match(name) or fold(name) in excluded or is_country_name(name)
                            or name in found or name.endswith("’s")):
                        continue
                    found.append(name)
    return found


# a name in a script with capitals: up to three capitalised words, joined by the language's 'of' words
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w’'-]+"
# a name in a script without capitals: one word (its vowel signs are not \w, so a run of anything but spaces,
# digits and punctuation)
_SCRIPT_WORD = r"[^\s\d.,;:!?()\[\]\"'“”‘’«»،؛؟۔।|/-]+"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@per_lexicon
def _unit_patterns(lx: Lexicon) -> list[re.Pattern[str]]:
    """The lexicon's local units as patterns whose group `names` holds one name or a list of them."""
    of = _alternation(lx.region_of)
    if lx.spaced:
        name = rf"{_CAPITALISED}(?:\s+(?:(?i:{of})\s+)?{_CAPITALISED}){{0,2}}" if of \
            else rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}}"
        edge_before, edge_after = r"(?<!\w)", r"(?!\w)"
    else:
        name, edge_before, edge_after = _SCRIPT_WORD, r"(?<!\S)", r"(?!\S)"
    joiners = _alternation(lx.list_joiners)
    # a list ends with its joiner ('pueblos de San Marcos, Sololá y Quetzaltenango'); a comma alone is no list ('la
    # ciudad de Buenos Aires, Pablo Giardina': a name in apposition after it)
    names = rf"{name}(?:(?:\s*,\s*{name})*\s+(?:{joiners})\s+{name})?" if joiners else name
    if not lx.spaced and lx.stopwords:
        # a name after its unit, in a script without capitals, runs up to three words to the postposition that
        # closes it ('ضلع ڈیرہ اسماعیل خان میں'); without one in reach it is one word
        stop = rf"(?:{_alternation(lx.stopwords)})(?!\S)"
        names = rf"(?:(?!{stop}){_SCRIPT_WORD}(?:\s+(?!{stop}){_SCRIPT_WORD}){{1,2}}(?=\s+{stop})|{names})"
    found = []
    if lx.units_before or lx.near:
        of_part = rf"(?:(?i:{of})\s+)?" if of else ""
        before = _alternation((*lx.units_before, *lx.near))
        found.append(re.compile(rf"{edge_before}(?i:{before}){edge_after}\s+{of_part}"
                                rf"(?P<names>{names})"))
    if lx.units_after:
        found.append(re.compile(rf"(?P<names>{name})\s+(?i:{_alternation(lx.units_after)}){edge_after}"))
    return found


def is_facility(name: str, lx: Lexicon | None) -> bool:
    """Whether a name is a building or site ('San Francisco Doctor’s Hospital', 'Barea stadium', 'Firmengebäude'), by
    the facility words of English and the article's language: facilities go into incidents, never into places."""
    for x in [english(), *([lx] if lx is not None and lx.code != "en" else [])]:
        for word in x.facilities:
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)" if x.spaced else re.escape(word), name, re.IGNORECASE):
                return True
        # a language that compounds its nouns names the building last ('Firmengebäude', 'Flüchtlingslager')
        if any(re.search(rf"(?<=[^\W\d_]){re.escape(head)}(?!\w)", name, re.IGNORECASE) for head in x.facility_heads):
            return True
    return False


@per_lexicon
def _event_words(lx: Lexicon) -> str:
    """The lexicon's words of events (attacks, mishaps, hazards, protests, riots, explosions, fighting) as one
    alternation; "" when it has none."""
    return _alternation((*lx.attacks, *lx.mishaps, *lx.natural_hazards, *lx.weather, *lx.protests, *lx.riots,
                         *lx.explosions, *lx.fighting))


_ENGLISH_EVENTS = re.compile(rf"(?<![^\W\d_])(?:{_event_words(english())})(?![^\W\d_])", re.IGNORECASE)


@per_lexicon
def _unit_and_stop_words(lx: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The unit words and the stopwords of English and of this lexicon, folded."""
    both = (english(), lx)
    return (frozenset(w.casefold() for x in both for w in (*x.local_units, *x.units_before, *x.units_after)),
            frozenset(w.casefold() for x in both for w in x.stopwords))


def _only_after_indefinite(article: str, name: str, lx: Lexicon) -> bool:
    """Whether the article writes `name` only right after one of its language's indefinite articles ('Un Kwassa a
    chaviré ... dans un kwassa': a canoe, no place's name)."""
    if not lx.place_indefinites or not name.strip():
        return False
    found = list(re.finditer(rf"(?<!\w){re.escape(name.strip())}(?!\w)", article, re.IGNORECASE))
    for m in found:
        before = re.search(r"(\S+?)\s*$", article[: m.start()])
        if before is None or before.group(1).casefold() not in lx.place_indefinites:
            return False
    return bool(found)


def _verb_form(word: str, lx: Lexicon) -> bool:
    """Whether `word` ends as a verb form no place's name does (the lexicon's `not_place_endings`: 'झुलसने')."""
    return any(word.endswith(e) and len(word) > len(e) for e in lx.not_place_endings)


def not_a_name(name: str, lx: Lexicon | None, spelled: str | None = None, article: str = "") -> str | None:
    """Why a place the model gives names no place, or None: it is only unit words ('village', 'the district') or
    stopwords ('इन', these), it has no capital letter in a script with them (as the article writes it: `spelled`),
    the article writes it only right after an indefinite article ('Un Kwassa a chaviré'), or, in a script without
    capitals (where nothing marks a name), it holds a word of harm or of the event ('मामूली भगदड़', a minor
    stampede), as the phrases code offers there never do (`place_candidates`)."""
    units, skip = _unit_and_stop_words(lx if lx is not None else english())
    words = [w.strip(",.;:'’\"()") for w in name.casefold().split()]
    words = [w for w in words if w and w not in skip]
    if not words and any(ch.isalpha() for ch in name):
        return "only common words, not a place's name"  # 'इन' (these) of 'इन जिलों में'
    if words and all(w in units for w in words):
        return "a unit word, not a place's name"
    if words and all(w in (lx if lx is not None else english()).number_words for w in words):
        return "a number, not a place's name"  # 'आठ' (eight) of 'आठ जिलों में', eight districts
    if (lx is None or lx.spaced) and not any(ch.isupper() for ch in (spelled or name)):
        # in a script with capitals a name has one as the article writes it (`spelled`, where found): 'camp des
        # services de renseignements' and 'fruit and vegetable market' are common nouns
        return "no capital letter, not a place's name"
    if lx is not None and _only_after_indefinite(article, spelled or name, lx):
        return "written only after an indefinite article, a common noun"
    if lx is not None and words and (words[-1] in lx.not_places or all(w in lx.not_places or w in units
                                                                       for w in words)):
        # 'गहरी खाई' (a deep gorge), 'مختلف علاقوں' (various areas), 'in Lebensgefahr' (in mortal danger)
        return "a common noun, not a place's name"
    if lx is not None and not lx.spaced:
        harm, events = harm_pattern(lx.code), _event_words(lx)
        # English words in Latin letters as well ('Nepal Bus Accident:', a headline's label before its colon)
        if (harm is not None and harm.search(name)) or (events and re.search(events, name)) \
                or _ENGLISH_EVENTS.search(name):
            return "a word of harm or of the event, not a place's name"
        if words and _verb_form(words[-1], lx):
            return "a verb form, not a place's name"  # 'इस आग में झुलसने से' (from getting burnt in this fire)
    return None


def unit_places(sentences: list[Sentence], lx: Lexicon, exclude: list[str], happened: Callable[[str], bool]
                ) -> list[str]:
    """Names the article writes next to a local unit of its language ('la ciudad de Fresno', 'pueblos de San Marcos
    y Quetzaltenango', 'ضلع باجوڑ', 'the Janga neighborhood'), in sentences where something happened, in order of
    first mention; the language's stopwords, its unit words, countries and the excluded names are none."""
    patterns = _unit_patterns(lx)
    joiners = rf"|\s+(?:{_alternation(lx.list_joiners)})\s+" if lx.list_joiners else ""
    split = re.compile(rf"\s*,\s*{joiners}")
    not_names = {w.casefold() for w in (*lx.stopwords, *lx.units_before, *lx.near, *lx.units_after,
                                         *lx.region_words)}
    excluded = {fold(x) for x in exclude if x}
    found: list[str] = []
    for sentence in sentences:
        if not patterns or not happened(sentence.text):
            continue
        for pattern in patterns:
            for m in pattern.finditer(sentence.text):
                unit = sentence.text[m.start() : m.start("names")]
                if lx.spaced and not lx.nouns_capitalized and m.start() > 0 and unit[:1].isupper():
                    continue  # a unit word written with a capital inside a sentence is part of a name ('Bairro Alto')
                for name in split.split(m.group("names")):
                    name = _without_stopwords(name.strip(), lx)  # 'The Marn County sheriff': Marn
                    name = _after_possessive(name)  # 'Himachal Pradesh’s Kinnaur district': Kinnaur
                    # a name in capitals is a dateline's ('TAREL CITY -'): where the report was filed
                    if (not name or name.isupper() or name.casefold() in not_names or fold(name) in excluded
                            or is_country_name(name) or _NOT_PLACES.match(name) or name in found
                            or name.endswith(("’s", "'s"))):
                        continue
                    found.append(name)
    return found


def trimmed_name(name: str, lx: Lexicon | None) -> str:
    """A place name as the model gives it, without the postpositions it carries in a script without capitals ('के
    करोलबाग' -> 'करोलबाग', 'तारेल में' -> 'तारेल'); in a script with capitals, without unit words and a preposition
    before the name in lower case ('village in Hathras' -> 'Hathras', 'the town of Tarel' -> 'Tarel') and the unit it
    lies in after it ('Pastores del departamento de Sacatepéquez' -> 'Pastores'), else as given ('Los Angeles',
    'Ciudad de México')."""
    if lx is None or lx.spaced:
        units, skip = _unit_and_stop_words(lx if lx is not None else english())
        words = name.split()
        joins = {"in", "of", "near", *(w.casefold() for w in _region_words(lx)[1])}
        lead = 0
        while lead < len(words) and words[lead].casefold() not in joins and (
                words[lead].casefold() in skip or words[lead].casefold() in units):
            lead += 1
        if 0 < lead < len(words) - 1 and words[lead].casefold() in joins \
                and any(w.casefold() in units for w in words[:lead]) \
                and not any(w[:1].isupper() for w in words[:lead] if w.casefold() in units):
            return " ".join(words[lead + 1 :])  # not 'Ciudad de México', 'City of London': a unit word in the name
        regions = {w.casefold() for w in _region_words(lx)[0]}
        for k in range(1, len(words) - 1):
            if words[k].casefold() in joins and words[k + 1].islower() \
                    and (words[k + 1] in units or words[k + 1] in regions) and any(w[:1].isupper() for w in words[:k]):
                # 'Pastores del departamento de Sacatepéquez': the name, then the unit it lies in
                return " ".join(words[:k])
        return name
    words = _without_stopwords(name.strip(), lx).split()
    while words and words[-1].casefold() in lx.stopwords:
        words.pop()
    return " ".join(words) or name


def _after_possessive(name: str) -> str:
    """The name after a possessive's owner ("Spain's Murcia" -> 'Murcia'), or the whole name."""
    return re.split(r"(?<=\w)[’']s\s+", name)[-1]


def _without_stopwords(name: str, lx: Lexicon) -> str:
    """The name without the language's stopwords it starts with (a capitalised 'The' opening a sentence)."""
    words = name.split()
    while words and words[0].casefold() in lx.stopwords:
        words.pop(0)
    return " ".join(words)


MAX_PLACE_CANDIDATES = 24
_DATELINE = re.compile(r"\s*(?P<name>\S+(?:\s+\S+){0,2})\s*:\s")


def place_candidates(sentences: list[Sentence], lx: Lexicon, happened: Callable[[str], bool]) -> list[str]:
    """Phrases an article in a script without capitals may name a place with, for the model to choose from (it
    writes English names of its own for what it cannot read): the run of one to three name words before a locative
    ('ڈیرہ اسماعیل خان میں' offers ڈیرہ اسماعیل خان) and a dateline before a colon ('सबरीमाला :'), in the opening
    lines and in sentences where something happened. Stopwords, unit and region words, words of harm and of events,
    buildings and the lexicon's `not_places` (a bus, a convention) are no names. In order of first mention, at
    most MAX_PLACE_CANDIDATES; in a script with capitals, the capitalised names after a locative (`_named_after`);
    none in a language without locatives."""
    if not lx.locatives:
        return []
    if lx.spaced:
        return _named_after(sentences, lx, happened)
    harm = harm_pattern(lx.code)
    qualifiers = [p for kinds in (lx.qualifiers_before, lx.qualifiers_after) for ps in kinds.values() for p in ps]
    phrases = (*lx.units_before, *lx.units_after, *lx.region_words, *lx.list_joiners, *lx.locatives, *qualifiers)
    not_names = {w.casefold() for w in (*lx.stopwords, *lx.number_words, *lx.not_places,
                                         *(p for x in phrases for p in x.split()))}
    units_after = {w.casefold() for w in lx.units_after}
    events = _event_words(lx)

    def name_word(word: str) -> bool:
        return (re.fullmatch(_SCRIPT_WORD, word) is not None and word.casefold() not in not_names
                and not (harm is not None and harm.search(word)) and not (events and re.search(events, word))
                and not _ENGLISH_EVENTS.search(word) and not is_facility(word, lx)
                and not _verb_form(word, lx))

    locative = re.compile(rf"(?<!\S)(?:{_alternation(lx.locatives)})(?!\S)")
    if not lx.word_starts:  # a script that glues words on: a one-word locative joined to the name ('پشاورمیں'); not
        # a short one, the end of many words ('پھنسے', trapped, ends in 'سے')
        glued = _alternation(w for w in lx.locatives if " " not in w and len(w) >= 3)
        locative = re.compile(rf"(?<!\S)(?:{_alternation(lx.locatives)})(?!\S)|(?<=\S\S\S)(?:{glued})(?!\S)")
    found: list[str] = []
    for sentence in sentences:
        opening = sentence.index <= 2
        if not (opening or happened(sentence.text)):
            continue
        runs: list[list[str]] = []
        dateline = _DATELINE.match(sentence.text) if opening else None
        if dateline and all(name_word(w) for w in dateline.group("name").split()):
            runs.append(dateline.group("name").split())
        for m in locative.finditer(sentence.text):
            before = sentence.text[: m.start()].split()
            if before and before[-1].casefold() in units_after:
                before.pop()  # 'तारेल गांव से': the name before its unit word
            run = _name_run(before, name_word)
            if not run and before and is_facility(before[-1], lx):
                # 'जहानाबाद के सिद्धेश्वर नाथ मंदिर में': a building of a place; its owner before the possessive
                owner = next((i for i in range(len(before) - 2, max(len(before) - 6, -1), -1)
                              if before[i].casefold() in lx.place_possessives), None)
                run = _name_run(before[:owner], name_word) if owner is not None else []
            runs += [run] if run else []
        for name in (" ".join(words) for words in runs):
            if name not in found and own_name(name) is None:  # a first-level region ('बिहार') is no place
                found.append(name)
    return found[:MAX_PLACE_CANDIDATES]


def chained_places(text: str, known: list[str], candidates: list[str], lx: Lexicon) -> list[str]:
    """The candidates (`place_candidates`) the article writes as a place of a known place or region, or a known
    place as theirs: after the known one's possessive ('जहानाबाद जिले के मखदुमपुर में' offers मखदुमपुर, 'महाराष्ट्र के
    बुलढाणा से' offers बुलढाणा), or before a possessive or locative the known one follows ('ڈیرہ اسماعیل خان میں قریشی
    موڑ کے قریب' offers ڈیرہ اسماعیل خان), a unit word maybe between ('जिले'). What follows a known place's locative is
    none ('गंगा में तलाश', a search in the Ganga); nor is a name holding a country's. None in a language without
    possessives or locatives."""
    known = [k for k in dict.fromkeys(k.strip() for k in known) if k]
    if not lx.place_possessives or not lx.locatives or not known:
        return []
    unit = rf"(?:(?:{_alternation(lx.units_after)})\s+)?" if lx.units_after else ""
    of = rf"\s+{unit}(?:{_alternation(lx.place_possessives)})\s+"
    of_or_in = rf"\s+{unit}(?:{_alternation([*lx.place_possessives, *lx.locatives])})\s+"
    found: list[str] = []
    for name in candidates:
        if name in known or name in found or any(is_country_name(word) for word in name.split()):
            continue  # 'افغانستان سرحد', the Afghan border: a country's edge, not a place in the event's
        for other in known:
            place, owner = re.escape(name), re.escape(other)
            if re.search(rf"(?<!\S){owner}{of}{place}(?!\S)|(?<!\S){place}{of_or_in}{owner}(?!\S)", text):
                found.append(name)
                break
    return found


def _name_run(words: list[str], name_word: Callable[[str], bool]) -> list[str]:
    """The last one to three words of `words` that are all name words (none when the last is not)."""
    run: list[str] = []
    for word in reversed(words[-3:]):
        if not name_word(word):
            break
        run.insert(0, word)
    return run


def _named_after(sentences: list[Sentence], lx: Lexicon, happened: Callable[[str], bool]) -> list[str]:
    """The capitalised names right after a locative of a script with capitals ('à Kaboul', 'bei Schladming', 'em
    Luanda'; up to three words joined by the language's 'of' words), in the opening lines and in sentences where
    something happened or that name the event ('Der Bus war bei Schladming eine Böschung hinabgestürzt'); countries,
    their adjectives, months, weekdays, buildings, the lexicon's stopwords and `not_places` are none. In order of
    first mention, at most MAX_PLACE_CANDIDATES. A possessive's owner is not the name ("Spain's Murcia" offers
    Murcia), nor a weekday after it ('in Syria Saturday'); a line in title case ('Chaotic Texas Shooting') and a name
    holding a word of harm or of the event ('Dozens of Casualties') offer none."""
    events = _event_words(lx)
    after, calendar, not_names = _after_locative(lx)
    told = _told_of_harm(lx)
    found: list[str] = []
    for sentence in sentences:
        if not (sentence.index <= 2 or happened(sentence.text)
                or (events and re.search(events, sentence.text, re.IGNORECASE))) or _title_case(sentence.text):
            continue
        for m in after.finditer(sentence.text):
            words = _after_possessive(_without_stopwords(m.group("name"), lx)).split()
            while words and fold(words[-1]) in calendar:
                words.pop()
            place = " ".join(words)
            if (not place or place.isupper() or fold(place) in not_names or fold(place.split()[0]) in calendar
                    or is_country_name(place) or is_demonym(place) or is_facility(place, lx) or place in found
                    or told.search(place) or own_name(place) is not None):
                continue
            found.append(place)
    return found[:MAX_PLACE_CANDIDATES]


def _title_case(line: str) -> bool:
    """Whether a line is written in title case, as headlines are ('Palmyra Highlights Ongoing Threat'): every word
    of four letters or more capitalised, at least three of them."""
    long = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) >= 4]
    return len(long) >= 3 and all(w[0].isupper() for w in long)


@per_lexicon
def _told_of_harm(lx: Lexicon) -> re.Pattern[str]:
    """A word of harm or of an event, in this lexicon's language or in English ('Casualties', 'Shooting')."""
    parts = [p.pattern for p in (harm_pattern(lx.code), harm_pattern("en")) if p is not None]
    parts += [rf"(?<![^\W\d_])(?:{e})" for e in (_event_words(lx), _event_words(english())) if e]
    return re.compile("|".join(f"(?:{x})" for x in parts), re.IGNORECASE)


@per_lexicon
def _after_locative(lx: Lexicon) -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """For `_named_after`: the pattern of a capitalised name after a locative, the folded month and weekday names,
    and the folded words that are no name (stopwords, not_places, region and unit words, and the calendar's)."""
    of = _alternation(lx.region_of)
    name = rf"{_CAPITALISED}(?:\s+(?:(?i:{of})\s+)?{_CAPITALISED}){{0,2}}" if of \
        else rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}}"
    calendar = frozenset([*(fold(w) for names in (*lx.months, *lx.weekdays) for w in names), *MONTHS, *WEEKDAYS])
    words = (*lx.stopwords, *lx.not_places, *lx.region_words, *lx.units_before)
    return (re.compile(rf"(?<!\w)(?i:{_alternation(lx.locatives)})\s+(?P<name>{name})"), calendar,
            frozenset(fold(w) for w in words) | calendar)


LOCAL_UNITS_EN = "|".join(map(re.escape, english().local_units))  # 'district|county|...': built once, shared
_UNIT_WORDS = rf"(?:{LOCAL_UNITS_EN})"


def containing_region(text: str, names: list[str]) -> str | None:
    """The one name that holds the others and is held by none ('Banjar in Kullu district of Himachal Pradesh' ->
    Himachal Pradesh): the region the model listed as a place. A name the article writes with a local unit word
    ('Kullu district') is a place, never the region; None when no single name holds the rest."""
    names = list(dict.fromkeys(n.strip() for n in names if n.strip() and not is_country_name(n.strip())))

    def holds(outer: str, inner: str) -> bool:
        return bool(re.search(rf"\b{re.escape(inner)}(?:\s+{_UNIT_WORDS})?\s*(?:,|\bof\b|\bin\b)\s+"
                              rf"(?:the\s+)?{re.escape(outer)}\b", text))

    outer = [n for n in names
             if not re.search(rf"\b{re.escape(n)}\s+{_UNIT_WORDS}\b", text, re.IGNORECASE)
             and any(holds(n, other) for other in names if other != n)
             and not any(holds(other, n) for other in names if other != n)]
    return outer[0] if len(outer) == 1 else None


def _region_words(lx: Lexicon | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(region words, their 'of' words) of English and the article's language (articles mix English names in)."""
    both = [english()] + ([lx] if lx is not None and lx.code != "en" else [])
    return (tuple(w for x in both for w in x.region_words), tuple(w for x in both for w in x.region_of))


def region_name(name: str, lx: Lexicon | None) -> str:
    """The name without its region word: 'Gansu province' -> 'Gansu', 'Región de Valparaíso' -> 'Valparaíso'."""
    words, of = _region_words(lx)
    if not words:
        return name.strip()
    word = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    joined = "|".join(re.escape(w) for w in sorted(of, key=len, reverse=True))
    head = rf"^(?:the\s+)?(?:{word})\s+(?:(?:{joined})\s+)?(?=\S)" if joined else rf"^(?:{word})\s+(?=\S)"
    bare = re.sub(rf"\s+(?:{word})$", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(head, "", bare, flags=re.IGNORECASE)


def is_region(text: str, name: str, lx: Lexicon | None, called: tuple[str, ...] | None = None) -> bool:
    """The article calls `name` a first-level region: the name then a region word ('Uttar Pradesh state', 'the
    Gansu provincial government'), or a region word, maybe an 'of' word, and the name ('the province of Sindh', 'el
    departamento de San Marcos', 'Provinz Sindh'); the words are the lexicons' ([places]), or `called`, the words of
    the country's first level where the gazetteer gives them ('regione', not 'provincia', in Italy)."""
    words, of = _region_words(lx)
    words = called if called is not None else words
    base = region_name(name, lx)
    if not words or not base:
        return False
    n = re.escape(base)
    word = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    joined = "|".join(re.escape(w) for w in sorted(of, key=len, reverse=True))
    after = rf"(?<!\w){n}\s+(?:{word})(?!\w)"
    before = rf"(?<!\w)(?:{word})\s+(?:(?:{joined})\s+)?{n}(?!\w)" if joined else rf"(?<!\w)(?:{word})\s+{n}(?!\w)"
    return bool(re.search(f"{after}|{before}", text, re.IGNORECASE))


def is_namesake_town(text: str, name: str, lx: Lexicon | None) -> bool:
    """The article writes `name` as a town followed by its region of the same name ('Kaduna, Kaduna State', 'Oaxaca,
    Oaxaca'): the name is then a place as well as a region's."""
    words, _ = _region_words(lx)
    n = re.escape(name.strip())
    region_word = rf"(?:\s+(?:{_alternation(words)}))?" if words else ""
    return bool(re.search(rf"(?<!\w){n}\s*,\s*{n}{region_word}(?!\w)", text, re.IGNORECASE))
