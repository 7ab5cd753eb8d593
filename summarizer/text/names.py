"""Normalising names and classifying sources: spellings of one place, aliases of one actor, kinds of source."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from summarizer.contract.event import FigureStatus, SourceKind
from summarizer.lang import status_pattern

# Every fuzzy-match threshold of the package, on one scale (rapidfuzz's 0..100), with what it decides.
SAME_QUOTE = 90.0  # grounding: a model's quote and the article text found for it
SAME_PLACE = 88.0  # consolidation: two spellings of one place (fuzz.ratio of folded names)
SAME_ACTOR = 92.0  # consolidation: two names of one actor (token-sorted or token-set ratio)
SAME_STATEMENT = 80.0  # consolidation: two outlets' wording of one statement or consequence (token-set ratio)
SAME_NAME_SCORED = 85.0  # scoring: a predicted name accepted for a gold name
PART_OF_NAME = 90.0  # scoring: one name's words all inside the other's, weaker than equality

_VOWELS = frozenset("aeiouy")
_ARTICLES = ("the", "a", "an")


def fold(name: str | None, *, drop_article: bool = True) -> str:
    """The one folding of names and short texts that every comparison uses (pipeline, consolidation, scoring).

    Case-folded, accents removed, a stated acronym ('Long Name (LN)') and a possessive 's dropped, punctuation
    made a space, single-spaced, a leading article dropped (unless `drop_article` is False: 'a day
    before' is a time, not a name). Letters of every script are kept (with their vowel
    signs), so names in Devanagari or Arabic script compare too.
    """
    if not name:
        return ""
    text = re.sub(r"\s*\([A-Z]{2,8}\)", "", name)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"['’‘`]s\b", "", plain)
    plain = re.sub(r"['’‘`]", "", plain)
    kept = "".join(ch if ch.isalnum() or unicodedata.category(ch).startswith("M") else " " for ch in plain)
    words = kept.split()
    if drop_article and words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def skeleton(name: str) -> str:
    """Consonant skeleton of a folded name: first letter kept, later vowels and spaces dropped, doubles collapsed.
    Transliteration variants (Peshawer / Peshawar, Nushki / Noshki) share it."""
    folded = fold(name).replace(" ", "")
    if not folded:
        return ""
    out = [folded[0]]
    for ch in folded[1:]:
        if ch in _VOWELS or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


def same_place(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    return len(fa) >= 4 and len(fb) >= 4 and fa[0] == fb[0] and skeleton(a) == skeleton(b)


def acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in {"of", "the", "and", "for", "de"}]
    return "".join(w[0].upper() for w in words) if len(words) >= 2 else ""


def acronyms_in_text(text: str) -> dict[str, str]:
    """'Long Name (LN)' pairs stated in the article: acronym -> long name."""
    pairs: dict[str, str] = {}
    for m in re.finditer(r"((?:[A-Z][\w'’-]+\s+){1,6}[A-Z][\w'’-]+)\s+\(([A-Z]{2,8})\)", text):
        words = m.group(1).split()
        letters = m.group(2)
        for k in range(len(words)):
            if acronym(" ".join(words[k:])) == letters:
                pairs[letters] = " ".join(words[k:])
                break
    return pairs


def same_actor(a: str, b: str, known: dict[str, str]) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    sa = re.sub(r"^(?:the|a|an)\s+", "", a.strip(), flags=re.IGNORECASE)
    sb = re.sub(r"^(?:the|a|an)\s+", "", b.strip(), flags=re.IGNORECASE)
    if (sa.isupper() and acronym(re.sub(r"\s*\(.*?\)", "", sb)) == sa) or (
            sb.isupper() and acronym(re.sub(r"\s*\(.*?\)", "", sa)) == sb):
        return True
    paren = re.findall(r"\(([A-Z]{2,8})\)", a) + re.findall(r"\(([A-Z]{2,8})\)", b)
    if any(x in (sa, sb) for x in paren):
        return True
    if acronym(a) and acronym(a) == acronym(b) and len(acronym(a)) >= 3 and fa.split()[-1] == fb.split()[-1]:
        return True
    for abbreviation, full in known.items():
        names = {fold(abbreviation), fold(full)}
        if fa in names and fb in names:
            return True
    # "Sarfraz Bugti" / "Sarfaraz Bugti" / "Bugti": same surname, compatible given names
    wa, wb = fa.split(), fb.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short[-1]) >= 4 and short[-1] == long_[-1] and all(
            any(skeleton(w) == skeleton(x) for x in long_) for w in short):
        return True
    if len(wa) >= 2 and len(wb) >= 2 and wa[-2:] == wb[-2:] and len(" ".join(wa[-2:])) >= 8:
        return True  # 'banned group Northern Front' / 'Northern Front'

    return len(wa) >= 1 and len(wb) >= 1 and wa[-1] == wb[-1] and len(wa[-1]) >= 4 and (
        len(wa) == 1 or len(wb) == 1 or skeleton(wa[0]) == skeleton(wb[0]))


_SOURCE_RULES: list[tuple[str, SourceKind]] = [
    (r"\b(?:hospital|doctor|medic|health (?:official|department|worker)|rescue|ambulance|morgue)", "medical"),
    (r"\b(?:police|officer|constable|inspector|superintendent|counter[- ]?terrorism department|ctd)\b", "police"),
    (r"\b(?:army|military|troops|armed forces|ispr|media wing|general|brigadier|colonel|soldiers?|"
     r"frontier corps|paramilitary)\b", "military"),
    (r"\b(?:minister|ministry|government|governor|officials?|authorit\w*|administration|spokes\w+ for the "
     r"government|mayor|president|prime minister|chief minister|cabinet|state)\b",
     "government"),
    (r"\b(?:media|reuters|television|tv|broadcaster|newspaper|outlets?|reports?|agency|journalist|correspondent)\b",
     "media"),
]


def source_kind(source: str | None, perpetrators: list[str], known: dict[str, str]) -> SourceKind:
    if not source or not source.strip():
        return "unknown"
    if is_country(source):
        return "government"
    if any(same_actor(source, p, known) or fold(p) in fold(source) for p in perpetrators if p):
        return "perpetrator"
    if perpetrators and any(re.fullmatch(r"(?:the\s+)?(?:group|militants|rebels|insurgents|separatists|outfit)",
                                         part.strip(), re.IGNORECASE) for part in source.split(",")):
        return "perpetrator"  # 'the group claimed ...' after a group has claimed the attack
    lowered = source.lower()
    for pattern, kind in _SOURCE_RULES:
        if re.search(pattern, lowered):
            return kind
    return "other"


# an aside set off by commas that holds no number ('Un autre habitant, confirmant l’attaque, a évoqué ...'): what it
# confirms is not the figure
_ASIDE = re.compile(r",[^,\d]{1,80},")


def figure_status(kind: SourceKind, sentence: str, just_before: str = "", language: str = "en") -> FigureStatus:
    """Status of a figure from who gave it and how its sentence frames it, by the words of the article's language
    and of English (`[status]` in the lexicons): a superseded figure ('an earlier toll of five') is a report of its
    own, then claimed, revised, disputed and confirmed in that order."""
    def says(status: str, text: str) -> bool:
        return any(p is not None and p.search(text) for p in {status_pattern(c, status) for c in (language, "en")})

    if says("superseded", just_before):
        return "reported"
    if kind == "perpetrator" or says("claimed", sentence):
        return "claimed"
    for status in ("revised", "disputed", "confirmed"):
        if says(status, _ASIDE.sub(",", sentence) if status == "confirmed" else sentence):
            return status
    return "reported"


# Countries (one name a line), and capitals, used to tell a state speaking ("Kenya said", "Kabul refutes") from
# other names, and a country from a place.
_COUNTRY_LINES = """
afghanistan|albania|algeria|angola|argentina|armenia|australia|austria|azerbaijan|bahrain|bangladesh|belarus|belgium
benin|bolivia|bosnia|brazil|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|chad|chile|china|colombia|congo
croatia|cuba|cyprus|czechia|denmark|djibouti|ecuador|egypt|el salvador|eritrea|estonia|ethiopia|finland|france|gabon
georgia|germany|ghana|greece|guatemala|guinea|haiti|honduras|hungary|india|indonesia|iran|iraq|ireland|israel|italy
jordan|japan|kazakhstan|kenya|korea|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|liberia|libya|lithuania|madagascar
malawi|malaysia|mali|mauritania|mexico|moldova|mongolia|montenegro|morocco|mozambique|myanmar|namibia|nepal
netherlands|nicaragua|niger|nigeria|north korea|norway|oman|pakistan|palestine|panama|paraguay|peru|philippines
poland|portugal|qatar|romania|russia|rwanda|saudi arabia|senegal|serbia|sierra leone|somalia|south africa
south korea|south sudan|spain|sri lanka|sudan|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo
tunisia|turkey|turkmenistan|uganda|ukraine|united arab emirates|united kingdom|united states|us|usa|uk|uruguay
uzbekistan|venezuela|vietnam|yemen|zambia|zimbabwe|costa rica|dominican republic|new zealand|ivory coast|libya
andorra|antigua and barbuda|bahamas|barbados|belize|bhutan|botswana|brunei|cabo verde|cape verde
central african republic|comoros|democratic republic of the congo|dr congo|drc|republic of the congo
rdc|rd congo|republique democratique du congo|repubblica democratica del congo|republica democratica do congo
demokratische republik kongo
cote d'ivoire|dominica|east timor|timor-leste|equatorial guinea|eswatini|swaziland|fiji|gambia|grenada
guinea-bissau|guyana|iceland|jamaica|kiribati|lesotho|liechtenstein|luxembourg|maldives|malta|marshall islands
mauritius|micronesia|monaco|nauru|north macedonia|macedonia|palau|papua new guinea|saint kitts and nevis
saint lucia|saint vincent and the grenadines|samoa|san marino|sao tome and principe|seychelles|singapore
slovakia|slovenia|solomon islands|suriname|tonga|trinidad and tobago|tuvalu|vanuatu|vatican|czech republic
bosnia and herzegovina|britain|great britain|palestinian territories|burma|united states of america
"""
_CAPITAL_LINES = """
kabul|new delhi|islamabad|tehran|beijing|moscow|washington|kyiv|ankara|cairo|riyadh|baghdad|damascus|beirut
jerusalem|nairobi|addis ababa|abuja|khartoum|mogadishu|dhaka|kathmandu|colombo|naypyidaw|bangkok|manila|jakarta
"""
COUNTRY_NAMES = frozenset(fold(n) for n in _COUNTRY_LINES.replace("\n", "|").split("|") if n.strip())
CAPITALS = frozenset(n.strip() for n in _CAPITAL_LINES.replace("\n", "|").split("|") if n.strip())
COUNTRIES = COUNTRY_NAMES | CAPITALS


def is_country(name: str) -> bool:
    """A country or a capital standing for its state ('Kabul refutes')."""
    return fold(name) in COUNTRIES


# Short forms -> the country's English name, as the summary writes it
COUNTRY_ALIASES = {"us": "United States", "usa": "United States", "u s": "United States", "u s a": "United States",
                   "united states of america": "United States", "america": "United States",
                   "uk": "United Kingdom", "great britain": "United Kingdom", "britain": "United Kingdom",
                   "uae": "United Arab Emirates", "czech republic": "Czechia",
                   "drc": "Democratic Republic of the Congo", "dr congo": "Democratic Republic of the Congo",
                   "rdc": "Democratic Republic of the Congo", "rd congo": "Democratic Republic of the Congo",
                   "congo kinshasa": "Democratic Republic of the Congo",
                   "democratic republic of congo": "Democratic Republic of the Congo",
                   "republique democratique du congo": "Democratic Republic of the Congo",
                   "repubblica democratica del congo": "Democratic Republic of the Congo",
                   "republica democratica do congo": "Democratic Republic of the Congo",
                   "demokratische republik kongo": "Democratic Republic of the Congo",
                   "cote d ivoire": "Ivory Coast", "burma": "Myanmar", "turkiye": "Turkey"}


@lru_cache(maxsize=1)
def _countries_in_other_languages() -> dict[str, str]:
    """Countries' names in every language the package has a lexicon for ('Deutschland', 'پاکستان', 'Estados
    Unidos') -> the English name the summary writes, from the Unicode CLDR's territory names (babel). A territory whose
    English name is none of `COUNTRY_NAMES` (a continent, 'Congo - Kinshasa') is left out."""
    from babel import Locale

    from summarizer.lang import lexicons

    english = Locale("en").territories
    table: dict[str, str] = {}
    for code in sorted(lexicons()):
        for key, name in Locale.parse(code).territories.items():
            own = COUNTRY_ALIASES.get(fold(english.get(key, "")), english.get(key, ""))
            if key.isalpha() and fold(own) in COUNTRY_NAMES:
                table.setdefault(fold(name), own)
    return table


def country_names_folded(country: str) -> list[str]:
    """Every folded name of `country` (its English name) in the languages of the lexicons ('deutschland')."""
    english = fold(canonical_country(country))
    return [name for name, own in _countries_in_other_languages().items() if fold(own) == english]


def canonical_country(name: str) -> str:
    """The country's English name for a short form ('USA' -> 'United States') or a name in another language
    ('Deutschland' -> 'Germany'); any other name as given."""
    folded = fold(name)
    return COUNTRY_ALIASES.get(folded) or _countries_in_other_languages().get(folded) or name


def is_country_name(name: str) -> bool:
    """A country (not a capital), in English or another language: never a place of the event's `where.places`."""
    folded = fold(name)
    return folded in COUNTRY_NAMES or folded in _countries_in_other_languages()


_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "ean")


@lru_cache(maxsize=1)
def _demonym_pattern() -> re.Pattern[str]:
    stems = sorted({stem for c in COUNTRY_NAMES if " " not in c and len(c) > 3
                    for stem in (c.rstrip("aeiou"), c.rstrip("aeiouy")) if stem}, key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, stems))})(?:{'|'.join(_DEMONYM_ENDINGS)})$")


# Countries' adjectives that are not the country's name with an ending ('French' for France, 'Congolese'), one line
# of them by region of the world.
_DEMONYM_LINES = """
french|dutch|british|english|scottish|welsh|irish|swiss|greek|danish|norwegian|finnish|polish|cypriot|portuguese
spanish|german|belgian|swedish|icelandic|czech|slovak|montenegrin|kosovar|luxembourgish
american|honduran|salvadoran|salvadorean|nicaraguan|costa rican|panamanian|peruvian|argentine|puerto rican
afghan|saudi|emirati|lebanese|kazakh|uzbek|tajik|kyrgyz|turkmen|sri lankan|thai|lao|laotian|filipino|filipina
congolese|malagasy|ivorian|nigerien|burkinabe|burkinabè|togolese|ghanaian|mozambican|batswana|motswana|basotho
sierra leonean|comorian|mauritian|seychellois|cape verdean|cabo verdean|bissau-guinean
papuan|samoan|kiwi
"""
_DEMONYMS = frozenset(fold(n) for n in _DEMONYM_LINES.replace("\n", "|").split("|") if n.strip())


def is_demonym(name: str) -> bool:
    """A country's adjective ('Syrian', 'Pakistani', 'Chinese', 'French'): never a place ('the Syrian city of
    Palmyra', 'the French city of Nice')."""
    folded = fold(name)
    return folded in _DEMONYMS or (folded not in COUNTRY_NAMES and bool(_demonym_pattern().match(folded)))
