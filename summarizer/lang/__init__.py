"""Per-language lexicons as data files, and the article's language.

Each `data/<code>.toml` holds what code needs to find candidate figures in that language: stopwords (to tell the
language), number words, vague amounts with their ACLED-style floors, qualifiers and the stems of harm words
("about harm" sentences). Code never decides a figure from these lists alone in a language without a code reader
(`code_reader = false`): it only finds candidates, and the model decides who was counted and what happened.

An article in a language without a lexicon is not silently empty: `detect_language` says so and the pipeline
records a warning; its numbers written in digits are still candidates.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

DATA = Path(__file__).resolve().parent / "data"
Outcome = Literal["killed", "injured", "abducted", "missing", "escaped", "arrested"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
QUALIFIER_KINDS = ("at_least", "more_than", "up_to", "about")


@dataclass(frozen=True)
class Lexicon:
    code: str
    name: str
    script: str
    model_reads: bool
    code_reader: bool
    stopwords: frozenset[str]
    number_engine: str  # "english", "text2num" or "table"
    number_words: dict[str, int]
    not_after: tuple[str, ...]
    vague: dict[str, int]
    qualifiers_before: dict[str, tuple[str, ...]]
    qualifiers_after: dict[str, tuple[str, ...]]
    harm: dict[str, tuple[str, ...]]
    script_markers: frozenset[str] = field(default_factory=frozenset)
    # how a sentence frames its figure ('revising an earlier toll', 'se actualizó a'): regular expressions by status
    # (`[status]`: superseded, claimed, revised, disputed, confirmed), read by `status_pattern`
    status: dict[str, tuple[str, ...]] = field(default_factory=dict)
    source_after: tuple[str, ...] = ()  # 'selon', 'según': the source follows
    # words after which a source_after word is something else ('o segundo ataque', 'il secondo attacco': the second)
    not_source_after: frozenset[str] = frozenset()
    source_before: tuple[str, ...] = ()  # 'के अनुसार', 'zufolge': the source precedes
    # those of source_before that mean 'according to' ('के अनुसार', 'کے مطابق'), not a verb of saying ('ने कहा'): a
    # paragraph that opens with one gives its later figures their source, as one opening 'According to X,' does
    according_before: tuple[str, ...] = ()
    source_verbs: tuple[str, ...] = ()  # 'dijo', 'a indiqué': after a comma the source follows, else precedes
    # verbs of saying that follow what was said, whose subject is marked by one of subject_markers ('स्वास्थ्य विभाग
    # ने 7 मौतों की पुष्टि की': the health department confirmed 7 deaths): the source is that subject
    source_last_verbs: tuple[str, ...] = ()
    subject_markers: tuple[str, ...] = ()
    source_ends: frozenset[str] = frozenset()  # words that end a source named without punctuation
    source_documents: frozenset[str] = frozenset()  # 'balance', 'bilan': a figure's document, not its source
    source_by: frozenset[str] = frozenset()  # 'por', 'par': after a document word, its issuer follows
    # the words of a passive's agent ('par', 'por', 'dalla'): 'Le bilan, communiqué par la gendarmerie, ...' names
    # the document's issuer, the source of the sentence's figures
    source_agents: frozenset[str] = frozenset()
    # 'mercredi', 'ayer', 'aux journalistes', 'mais': words before a source that are not the source
    source_skip: tuple[str, ...] = ()
    # what alone names no source ('जानकारी के मुताबिक': according to information): no speaker, read as none
    not_sources: frozenset[str] = frozenset()
    complementizers: tuple[str, ...] = ()  # 'que', 'dass': what was said follows, the source stands before the verb
    # words opening the channel a verb of saying names before what was said ('ha confirmado a través de la red social
    # que ...', 'a indiqué sur Twitter que ...'): not the source, which stands before the verb
    source_channels: tuple[str, ...] = ()
    passive_markers: tuple[str, ...] = ()  # 'se': 'se informó' (it was reported) names no one before the verb
    source_starts_after: frozenset[str] = frozenset()  # 'میں' ('in'): a source named before its verb starts after one
    source_pronouns: frozenset[str] = frozenset()
    # 'their', 'its': a document or a spokesman of theirs ('Their statement said') points back to the last speaker
    source_possessives: frozenset[str] = frozenset()
    # 'I', 'we': a speaker in the first person is the one quoted, whose name the sentence gives elsewhere ('"I can
    # confirm the killing of four people," Gezawa said'), never the source itself
    first_person: frozenset[str] = frozenset()
    # the whole of what stands before a verb of saying when its subject follows it ('Lo ha riferito un politico
    # locale', 'Así lo informó la policía')
    source_inverters: tuple[str, ...] = ()
    # words that open a relative clause ('que', 'qui', 'che'): a verb of saying after 'Name, que ..., X,' has the name
    # at the sentence's start as its subject, not the X that ends the clause
    relative_pronouns: frozenset[str] = frozenset()
    # endings a name takes in this language ('s' of the German genitive: 'Bayerns Innenminister'): a region's name
    # with one joined on is still that region's naming
    name_endings: tuple[str, ...] = ()
    # words that set two reports side by side in one sentence ('X says 2 died, while Y says 1', 'جبکہ'): each part
    # names the source of its own figures
    contrast_joiners: tuple[str, ...] = ()
    # words that open an adverbial clause after a comma ('..., where militants claimed ...', '..., donde'): a verb of
    # saying inside one speaks for that clause, so a speaker of the main clause comes first
    subordinate_openers: frozenset[str] = frozenset()
    # a subject pronoun joined after a verb of saying ('a-t-il indiqué', 'précise-t-elle'): the source is the pronoun
    # (the last source named before it)
    inverted_pronouns: tuple[str, ...] = ()
    # 'Così': a sentence that opens with one names, without a verb, who said the quotation before it
    source_openers: tuple[str, ...] = ()
    # verbs of saying that end their clause after an auxiliary ('Das hat die Polizei am Samstag mitgeteilt'): the
    # subject stands between the auxiliary and the verb
    source_final_verbs: tuple[str, ...] = ()
    source_aux: tuple[str, ...] = ()  # 'il', 'उन्होंने': the last source named before
    thousands: str = ",.\u00a0 "  # characters that group digits ("1,500", "1.500", "1 500")
    unit_modifiers: tuple[str, ...] = ()  # '5 straight days': words between a number and its unit
    not_before: tuple[str, ...] = ()  # 'March 5': words right before a number that make it a date
    not_counts: tuple[str, ...] = ()  # 'no one', 'one of': phrases in which a number word counts nobody
    # words right before a number that make it refer back to people already counted ('the five wounded troopers',
    # 'les deux victimes'): a figure given earlier, not a new one
    refers_back: tuple[str, ...] = ()
    vague_counts: tuple[str, ...] | None = None  # vague amounts read as counts (None: every vague word)
    count_nouns: tuple[str, ...] = ()  # when given, a vague count needs one within two words after it
    # a word after digits that multiplies them ('50mila', '50 mil', '3 thousand'): word -> factor
    scale_words: tuple[tuple[str, int], ...] = ()
    # a word after any number that counts it in groups ('two dozen', 'dos docenas', 'दो दर्जन'): word -> group size
    multipliers: tuple[tuple[str, int], ...] = ()
    ranges: tuple[tuple[str, str], ...] = ()  # ('between', 'and'): 'between 700 and 850 people' is one count
    verb_last: bool = False  # the verb ends the clause: a later harm verb overrules a harm noun after the number
    # number words that say 'about' themselves ('une vingtaine', 'una ventina': some twenty): their count is 'about'
    approximate: frozenset[str] = frozenset()
    # words joining two numbers without an opener ('1 to 2 pm', '1 से 2 बजे'): a unit after the second is the first's
    range_joiners: tuple[str, ...] = ()
    # words before digits written with a dot that make them an ordinal ('nach 3. Opfer', 'am 3. Tag'): no count
    ordinal_openers: tuple[str, ...] = ()
    region_words: tuple[str, ...] = ()  # 'province', 'departamento': what makes a name a first-level region
    region_of: tuple[str, ...] = ()  # 'of', 'de': 'the province of Sindh', 'el departamento de San Marcos'
    # local units next to a place's name: before it ('la ciudad de Fresno', 'ضلع باجوڑ') or after it ('the Janga
    # neighborhood', 'बुलढाणा जिले'); list_joiners join several names ('pueblos de San Marcos y Quetzaltenango')
    units_before: tuple[str, ...] = ()
    # words of nearness before a place's name ('near Tarel', 'près de Tarel'), read like units_before
    near: tuple[str, ...] = ()
    local_units: tuple[str, ...] = ()  # 'district', 'county' (English): a place's unit word below the region
    directions: tuple[str, ...] = ()  # 'eastern' (English): before a country, a part of it, not a place
    facilities: tuple[str, ...] = ()  # 'hospital', 'stadium': a name holding one is a site, not a place
    facility_heads: tuple[str, ...] = ()  # 'gebäude': a compound ending in one is a site ('Firmengebäude')
    # the calendar of a language other than English ([calendar]; English's is text/calendar.py): 12 months' and 7
    # weekdays' (Monday first) names, relative days, what may follow a day's number or join a date's parts
    months: tuple[tuple[str, ...], ...] = ()
    weekdays: tuple[tuple[str, ...], ...] = ()
    yesterday: tuple[str, ...] = ()
    today: tuple[str, ...] = ()
    day_suffixes: tuple[str, ...] = ()
    date_joiners: tuple[str, ...] = ()
    # time phrases of another period than the event's ('a decade ago', 'hace diez años'; regular expressions, every
    # language's [calendar], English's too): a figure they frame is not the event's own (text/windows.py)
    other_periods: tuple[str, ...] = ()
    other_events: tuple[str, ...] = ()  # 'in a similar explosion': another event's figures, read after other_periods
    # endings of a verb's participle that opens a clause after a comma ('..., faisant 50 morts', '..., killing 164'):
    # the clause before it frames its figures
    participle_endings: tuple[str, ...] = ()
    day_first: bool = False  # '18/11/2019' is the 18th of November
    units_after: tuple[str, ...] = ()
    list_joiners: tuple[str, ...] = ()
    # words right after a place's name in a script without capitals ('میں', 'में', 'के पास'): the words before one
    # are offered to the model as the places it may copy (extract/places.py `place_candidates`); in a script with
    # capitals, the words right before one ('à Kaboul', 'bei Schladming'): the capitalised name after one is offered
    locatives: tuple[str, ...] = ()
    # in a script without capitals, the words that make the name before them the owner of a building after them
    # ('जहानाबाद के सिद्धेश्वर नाथ मंदिर में': the place is जहानाबाद)
    place_possessives: tuple[str, ...] = ()
    # common nouns that stand before a locative and never name a place ('बस में': in the bus, 'کنونشن میں': at the
    # convention): never offered as a place
    not_places: tuple[str, ...] = ()
    # endings of verb forms that no place name has ('झुलसने', 'गिरने': the oblique infinitive, 'in getting burnt')
    not_place_endings: tuple[str, ...] = ()
    # indefinite articles: a capitalised word the article writes only right after one is a common noun ('Un Kwassa a
    # chaviré', a canoe), not a place's name; none in English, whose 'a Kabul hospital' names a place
    place_indefinites: tuple[str, ...] = ()
    # how many words after a number its harm word may come: verb-final languages put adverbs between them
    # ('7 लोग गंभीर रूप से घायल': 5 words)
    harm_words_after: int = 4
    # words that say the people counted came to no harm ('8 passengers were rescued', 'indemnes'): nearest to a
    # number in its clause, before any harm word, the number counts nobody harmed
    unharmed: tuple[str, ...] = ()
    # words of being on board ('سوار', 'a bordo', 'carrying'): a number they stand nearest counts who was carried
    aboard: tuple[str, ...] = ()
    aboard_objects: tuple[str, ...] = ()  # 'all' of 'killed all 52 passengers on board'
    among: tuple[str, ...] = ()  # 'among', 'parmi': a number right after one counts a whole some of whom were harmed
    # a passive's agent ('por', 'par'): a number right after one counts who did it ('la Policía fue atacada por dos
    # hombres'); none where the word also opens a change of a toll ('da 10 a 20', 'von 10 auf 20')
    agents: tuple[str, ...] = ()
    # things counted, not people ('attacks', 'vehicles', 'houses'): a number right before one is no figure
    things: tuple[str, ...] = ()
    # words of a definition ('defines', 'définit'): a sentence holding one counts no one of the event
    definitions: tuple[str, ...] = ()
    # indefinite articles that may count one person ('Ein Mann wurde getötet', 'un terzo disperso'): with a harm
    # word after them in their clause, the model is asked what they count (languages without a code reader)
    one_words: tuple[str, ...] = ()
    # after one of one_words, no count of its own: a toll grown by one ('ein weiteres Todesopfer'), a toll itself
    # ('un balance publicado por ...')
    another: tuple[str, ...] = ()
    # after one of one_words or a vague amount, a part of people counted elsewhere ('l'une des victimes', 'varios de
    # los muertos'); after a number, a part of the harmed whose later harm word is its own ('dos de los heridos
    # murieron')
    partitives: tuple[str, ...] = ()
    # nouns for people held that are also words of arrest ('presos', 'détenus', 'detidos'): right after a number, one
    # says who is counted, and a later harm word of its clause says what happened ('Quatro presos morrem')
    held_nouns: tuple[str, ...] = ()
    # between a harm word and a number after it, words that make the number a part of the harmed ('12 घायलों में से
    # 3 की मौत', '12 زخمیوں میں سے 3'): that harm word names the whole, not what happened to the number
    partitives_before: tuple[str, ...] = ()
    # words that open a part of the count before them ('15 ont été retrouvés dont 1 mort', 'including one dead'): a
    # harm word after the part's number is the part's, not the whole count's
    part_joiners: tuple[str, ...] = ()
    # plain words for people ('personnes', 'लोग'): between a number and its harm word they leave the harm word the
    # number's own ('au moins 11 personnes tuées', '7 लोग घायल')
    people: tuple[str, ...] = ()
    # words of 'also' that may stand between a harm word and the person it harmed, named after it ('Ferito anche
    # un carabiniere', 'Murió también un policía')
    also: tuple[str, ...] = ()
    # auxiliary verbs and adverbs that may stand between a number's noun and its harm word ('Deux personnes ont été
    # tuées', 'Un minatore risulta ancora disperso', 'sono rimasti gravemente feriti'): the harm word is still its own
    before_harm: tuple[str, ...] = ()
    # where the verb ends the clause, the word that makes a verb before it a manner of the verb after it ('جھلس کر جاں
    # بحق', burnt to death; 'झुलस कर मौत'): a harm word it follows is not the clause's outcome when a later one comes
    conjunctive: tuple[str, ...] = ()
    # words joining a count to its noun ('una ventina di dispersi', 'des dizaines de morts'): the noun after one is the
    # number's own
    count_of: frozenset[str] = frozenset()
    # the group a number's own noun names ('un carabiniere', 'deux policiers', '3 پولیس اہلکار'), for languages
    # without a code reader: (group, word starts) in the file's order; the nearest word within two words after the
    # number wins
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # words of 'other' beside a number ('outros 13', 'cinq autres'): a number so written without a group's word of
    # its own counts more of the group named by the count before it in its sentence
    others: tuple[str, ...] = ()
    clause_joiners: tuple[str, ...] = ()  # 'and', 'while', 'जबकि': a number's clause ends before one
    natural_hazards: tuple[str, ...] = ()  # 'earthquake', 'sismo': what makes a harm nobody meant a disaster
    # rains and the like ('heavy rains', 'chuvas', 'बारिश'): a natural hazard in a lead that names no mishap; beside
    # a mishap ('a wall collapsed in the rains') they may be its cause or the event, and the model's choice of
    # accident or disaster stands
    weather: tuple[str, ...] = ()
    # words that start like an event word and name no such event ('stormed' is no storm, 'protestant' no protest)
    not_event_words: tuple[str, ...] = ()
    mishaps: tuple[str, ...] = ()  # 'accident', 'stampede', 'हादसा': a lead naming one, no attack: harm nobody meant
    attacks: tuple[str, ...] = ()  # 'attack', 'gunmen', 'bomb': a lead naming one is harm done on purpose
    # attack words an accident may be told with too ('explosives' at a fireworks factory): a generated text holding one
    # tells no attack the article lacks (`extract.event_type.attack_told`)
    also_accidents: tuple[str, ...] = ()
    protests: tuple[str, ...] = ()  # 'protesters', 'manifestation': a lead naming one tells of a protest
    riots: tuple[str, ...] = ()  # 'riot', 'émeute': a lead naming one tells of a riot
    explosions: tuple[str, ...] = ()  # 'blast', 'دھماک': with no `fighting` word, a lead of a bombing
    fighting: tuple[str, ...] = ()  # 'clash', 'ambush', 'gunmen': armed people fighting
    # the code reader's words ([reader] of a language with code_reader): regex fragments, in the file's order
    reader_groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    reader_outcomes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    speech_verbs: tuple[str, ...] = ()
    subject_ends: frozenset[str] = frozenset()  # words after a sentence's opening subject: its verb ('found', 'has')
    determiners: tuple[str, ...] = ()  # 'the reported deaths': a verb of saying after one is no verb
    not_verbs: tuple[str, ...] = ()  # 'early reports', 'initial reports': a verb of saying that is a noun there
    no_speakers: tuple[str, ...] = ()  # 'no one': a statement by nobody was not made
    negations: tuple[str, ...] = ()  # 'not', 'yet to': a negated statement verb states nothing
    nouns_capitalized: bool = False  # German: a source ends at a word in small letters after a noun
    speaker_ends: frozenset[str] = frozenset()  # 'already', 'adding': a speaker ends before one
    speaker_circumstances: tuple[str, ...] = ()  # 'on a local radio station': a speaker ends before one
    # one person counted without a numeral ('the gunman died', 'killed the attacker'): the words that open the
    # noun phrase, and nouns that are never one person ('*men': any word ending so)
    singular_determiners: tuple[str, ...] = ()
    # an actor's kind by the words of its name ('police official Ibad Khan'): (kind, regular expressions) in the
    # order they are tried
    actor_kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()
    not_singular: tuple[str, ...] = ()
    # words that hold a harm word and name no harm ('تلاش', a search, holds 'لاش', a body)
    not_harm: tuple[str, ...] = ()

    @property
    def spaced(self) -> bool:
        """Latin-script words are matched at word starts; other scripts by substring (marks break \\b)."""
        return self.script == "Latin"

    @property
    def word_starts(self) -> bool:
        """Whether harm words are matched at word starts: in a script whose words stand apart (Latin, Devanagari:
        'हमारे', our, holds 'मारे', killed), not in Urdu's, which glues words on ('40افراد')."""
        return self.script in ("Latin", "Devanagari")

    def fingerprint_source(self) -> bytes:
        return (DATA / f"{self.code}.toml").read_bytes()


# lists that are not spellings of words: what tells one language from another, and pairs read by position
_NOT_SPELLINGS = frozenset({"variants", "script_markers", "stopwords", "ranges"})


def _spellings(word: str, variants: dict[str, list[str]]) -> list[str]:
    """The word, then its other spellings: for each entry of `variants` (what is written -> its other writings), every
    occurrence replaced at once, over the spellings found so far ('شہید' -> 'شھید', 'شهید')."""
    out = [word]
    for written, others in variants.items():
        out += [w.replace(written, other) for w in out if written in w for other in others]
    return list(dict.fromkeys(out))


def with_variants(value: Any, variants: dict[str, list[str]]) -> Any:
    """A lexicon's data with every word also in its other spellings (`[variants]`: Urdu web text writes 'ھ' or
    Arabic 'ه' for 'ہ', Hindi drops the nukta of 'ज़'): word lists gain them after the words as written, and words
    that map to a number ('[numbers.words]') map under each spelling."""
    if not variants:
        return value
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in _NOT_SPELLINGS:
                out[key] = item
            elif isinstance(item, int) and not isinstance(item, bool):
                out.update((spelled, item) for spelled in _spellings(key, variants))
            else:
                out[key] = with_variants(item, variants)
        return out
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(dict.fromkeys(spelled for item in value for spelled in _spellings(item, variants)))
    if isinstance(value, list):
        return [with_variants(item, variants) for item in value]
    return value


def _from_toml(data: dict[str, Any]) -> Lexicon:
    data = with_variants(data, data.get("variants", {}))
    numbers = data.get("numbers", {})
    calendar = data.get("calendar", {})
    return Lexicon(
        code=data["code"], name=data["name"], script=data.get("script", "Latin"),
        model_reads=bool(data.get("model_reads", False)), code_reader=bool(data.get("code_reader", False)),
        stopwords=frozenset(w.casefold() for w in data.get("stopwords", [])),
        number_engine=numbers.get("engine", "table"),
        number_words={k.casefold(): int(v) for k, v in numbers.get("words", {}).items()},
        not_after=tuple(w.casefold() for w in numbers.get("not_after", [])),
        vague={k.casefold(): int(v) for k, v in numbers.get("vague", {}).items()},
        qualifiers_before={k: tuple(v) for k, v in data.get("qualifiers", {}).items()},
        qualifiers_after={k: tuple(v) for k, v in data.get("qualifiers_after", {}).items()},
        harm={k: tuple(v) for k, v in data.get("harm", {}).items()},
        unharmed=tuple(data.get("unharmed", {}).get("words", [])),
        aboard=tuple(data.get("unharmed", {}).get("aboard", [])),
        aboard_objects=tuple(w.casefold() for w in data.get("unharmed", {}).get("aboard_objects", [])),
        among=tuple(w.casefold() for w in data.get("unharmed", {}).get("among", [])),
        agents=tuple(w.casefold() for w in data.get("unharmed", {}).get("agents", [])),
        things=tuple(numbers.get("things", [])),
        definitions=tuple(numbers.get("definitions", [])),
        one_words=tuple(numbers.get("one_words", [])),
        another=tuple(w.casefold() for w in numbers.get("another", [])),
        partitives=tuple(w.casefold() for w in numbers.get("partitives", [])),
        held_nouns=tuple(w.casefold() for w in numbers.get("held_nouns", [])),
        partitives_before=tuple(w.casefold() for w in numbers.get("partitives_before", [])),
        part_joiners=tuple(w.casefold() for w in numbers.get("part_joiners", [])),
        people=tuple(w.casefold() for w in numbers.get("people", [])),
        also=tuple(w.casefold() for w in numbers.get("also", [])),
        groups=tuple((k, tuple(v)) for k, v in data.get("groups", {}).items()),
        before_harm=tuple(w.casefold() for w in numbers.get("before_harm", [])),
        conjunctive=tuple(numbers.get("conjunctive", [])),
        count_of=frozenset(w.casefold() for w in numbers.get("count_of", [])),
        others=tuple(w.casefold() for w in numbers.get("others", [])),
        clause_joiners=tuple(numbers.get("clause_joiners", [])),
        status={k: tuple(v) for k, v in data.get("status", {}).items()},
        script_markers=frozenset(data.get("script_markers", [])),
        source_after=tuple(data.get("attribution", {}).get("source_after", [])),
        not_source_after=frozenset(w.casefold() for w in data.get("attribution", {}).get("not_source_after", [])),
        source_before=tuple(data.get("attribution", {}).get("source_before", [])),
        source_last_verbs=tuple(data.get("attribution", {}).get("source_last_verbs", [])),
        subject_markers=tuple(data.get("attribution", {}).get("subject_markers", [])),
        according_before=tuple(w.casefold() for w in data.get("attribution", {}).get("according_before", [])),
        source_verbs=tuple(data.get("attribution", {}).get("source_verbs", [])),
        source_ends=frozenset(w.casefold() for w in data.get("attribution", {}).get("source_ends", [])),
        source_documents=frozenset(w.casefold() for w in data.get("attribution", {}).get("source_documents", [])),
        source_by=frozenset(w.casefold() for w in data.get("attribution", {}).get("source_by", [])),
        source_agents=frozenset(w.casefold() for w in data.get("attribution", {}).get("source_agents", [])),
        source_skip=tuple(w.casefold() for w in data.get("attribution", {}).get("source_skip", [])),
        not_sources=frozenset(w.casefold() for w in data.get("attribution", {}).get("not_sources", [])),
        not_harm=tuple(w.casefold() for w in data.get("not_harm", {}).get("words", [])),
        source_starts_after=frozenset(w.casefold() for w in data.get("attribution", {}).get("source_starts_after", [])),
        source_pronouns=frozenset(w.casefold() for w in data.get("attribution", {}).get("source_pronouns", [])),
        source_possessives=frozenset(w.casefold() for w in data.get("attribution", {}).get("source_possessives", [])),
        first_person=frozenset(w.casefold() for w in data.get("attribution", {}).get("first_person", [])),
        source_inverters=tuple(w.casefold() for w in data.get("attribution", {}).get("source_inverters", [])),
        relative_pronouns=frozenset(w.casefold() for w in data.get("attribution", {}).get("relative_pronouns", [])),
        contrast_joiners=tuple(data.get("attribution", {}).get("contrast_joiners", [])),
        subordinate_openers=frozenset(w.casefold() for w in data.get("attribution", {}).get("subordinate_openers", [])),
        source_openers=tuple(w.casefold() for w in data.get("attribution", {}).get("source_openers", [])),
        inverted_pronouns=tuple(w.casefold() for w in data.get("attribution", {}).get("inverted_pronouns", [])),
        source_final_verbs=tuple(w.casefold() for w in data.get("attribution", {}).get("source_final_verbs", [])),
        source_aux=tuple(w.casefold() for w in data.get("attribution", {}).get("source_aux", [])),
        complementizers=tuple(w.casefold() for w in data.get("attribution", {}).get("complementizers", [])),
        source_channels=tuple(w.casefold() for w in data.get("attribution", {}).get("source_channels", [])),
        passive_markers=tuple(w.casefold() for w in data.get("attribution", {}).get("passive_markers", [])),
        thousands=numbers.get("thousands", ",.\u00a0 "),
        unit_modifiers=tuple(w.casefold() for w in numbers.get("unit_modifiers", [])),
        not_before=tuple(w.casefold() for w in numbers.get("not_before", [])),
        not_counts=tuple(w.casefold() for w in numbers.get("not_counts", [])),
        refers_back=tuple(w.casefold() for w in numbers.get("refers_back", [])),
        vague_counts=(tuple(w.casefold() for w in numbers["vague_counts"]) if "vague_counts" in numbers else None),
        count_nouns=tuple(w.casefold() for w in numbers.get("count_nouns", [])),
        scale_words=tuple((str(w).casefold(), int(v)) for w, v in numbers.get("scales", {}).items()),
        multipliers=tuple((str(w).casefold(), int(v)) for w, v in numbers.get("multipliers", {}).items()),
        ranges=tuple((str(opener).casefold(), str(joiner).casefold()) for opener, joiner in numbers.get("ranges", [])),
        approximate=frozenset(w.casefold() for w in numbers.get("approximate", [])),
        range_joiners=tuple(w.casefold() for w in numbers.get("range_joiners", [])),
        ordinal_openers=tuple(w.casefold() for w in numbers.get("ordinal_openers", [])),
        region_words=tuple(w.casefold() for w in data.get("places", {}).get("region_words", [])),
        region_of=tuple(w.casefold() for w in data.get("places", {}).get("region_of", [])),
        units_before=tuple(w.casefold() for w in data.get("places", {}).get("units_before", [])),
        near=tuple(w.casefold() for w in data.get("places", {}).get("near", [])),
        local_units=tuple(w.casefold() for w in data.get("places", {}).get("local_units", [])),
        directions=tuple(w.casefold() for w in data.get("places", {}).get("directions", [])),
        facilities=tuple(w.casefold() for w in data.get("places", {}).get("facilities", [])),
        facility_heads=tuple(w.casefold() for w in data.get("places", {}).get("facility_heads", [])),
        months=tuple(tuple(w.casefold() for w in forms) for forms in calendar.get("months", [])),
        weekdays=tuple(tuple(w.casefold() for w in forms) for forms in calendar.get("weekdays", [])),
        yesterday=tuple(w.casefold() for w in calendar.get("yesterday", [])),
        today=tuple(w.casefold() for w in calendar.get("today", [])),
        day_suffixes=tuple(calendar.get("day_suffixes", [])),
        date_joiners=tuple(w.casefold() for w in calendar.get("joiners", [])),
        other_periods=tuple(calendar.get("other_periods", [])),
        other_events=tuple(calendar.get("other_events", [])),
        participle_endings=tuple(calendar.get("participle_endings", [])),
        day_first=calendar.get("numeric") == "day_first",
        units_after=tuple(w.casefold() for w in data.get("places", {}).get("units_after", [])),
        name_endings=tuple(data.get("places", {}).get("name_endings", [])),
        list_joiners=tuple(w.casefold() for w in data.get("places", {}).get("list_joiners", [])),
        locatives=tuple(w.casefold() for w in data.get("places", {}).get("locatives", [])),
        place_possessives=tuple(w.casefold() for w in data.get("places", {}).get("possessives", [])),
        not_places=tuple(w.casefold() for w in data.get("places", {}).get("not_places", [])),
        not_place_endings=tuple(data.get("places", {}).get("not_place_endings", [])),
        place_indefinites=tuple(w.casefold() for w in data.get("places", {}).get("indefinites", [])),
        harm_words_after=int(numbers.get("harm_words_after", 4)),
        verb_last=bool(numbers.get("verb_last", False)),
        natural_hazards=tuple(w.casefold() for w in data.get("events", {}).get("natural_hazards", [])),
        weather=tuple(w.casefold() for w in data.get("events", {}).get("weather", [])),
        not_event_words=tuple(w.casefold() for w in data.get("events", {}).get("not_event_words", [])),
        mishaps=tuple(w.casefold() for w in data.get("events", {}).get("mishaps", [])),
        attacks=tuple(w.casefold() for w in data.get("events", {}).get("attacks", [])),
        also_accidents=tuple(w.casefold() for w in data.get("events", {}).get("also_accidents", [])),
        protests=tuple(w.casefold() for w in data.get("events", {}).get("protests", [])),
        riots=tuple(w.casefold() for w in data.get("events", {}).get("riots", [])),
        explosions=tuple(w.casefold() for w in data.get("events", {}).get("explosions", [])),
        fighting=tuple(w.casefold() for w in data.get("events", {}).get("fighting", [])),
        actor_kinds=tuple((k, tuple(v)) for k, v in data.get("actors", {}).items()),
        reader_groups=tuple((k, tuple(v)) for k, v in data.get("reader", {}).get("groups", {}).items()),
        reader_outcomes=tuple((k, tuple(v)) for k, v in data.get("reader", {}).get("outcomes", {}).items()),
        speech_verbs=tuple(data.get("reader", {}).get("speech_verbs", [])),
        subject_ends=frozenset(data.get("reader", {}).get("subject_ends", [])),
        determiners=tuple(w.casefold() for w in data.get("reader", {}).get("determiners", [])),
        not_verbs=tuple(w.casefold() for w in data.get("reader", {}).get("not_verbs", [])),
        no_speakers=tuple(w.casefold() for w in data.get("reader", {}).get("no_speakers", [])),
        nouns_capitalized=bool(data.get("attribution", {}).get("nouns_capitalized", False)),
        negations=tuple(w.casefold() for w in data.get("reader", {}).get("negations", [])
                        or data.get("attribution", {}).get("negations", [])),
        speaker_ends=frozenset(w.casefold() for w in data.get("reader", {}).get("speaker_ends", [])),
        speaker_circumstances=tuple(w.casefold() for w in data.get("reader", {}).get("speaker_circumstances", [])),
        singular_determiners=tuple(w.casefold() for w in data.get("reader", {}).get("singular_determiners", [])),
        not_singular=tuple(w.casefold() for w in data.get("reader", {}).get("not_singular", [])),
    )


_T = TypeVar("_T")


def per_lexicon(build: Callable[[Lexicon], _T]) -> Callable[[Lexicon], _T]:
    """What `build` makes of a lexicon (its patterns), built once per lexicon (a lexicon holds dicts, so it is not
    hashable: keyed by its code)."""
    built: dict[str, _T] = {}

    def get(lx: Lexicon) -> _T:
        if lx.code not in built:
            built[lx.code] = build(lx)
        return built[lx.code]

    return get


@lru_cache(maxsize=1)
def lexicons() -> dict[str, Lexicon]:
    """Every lexicon shipped in `data/`, by ISO 639-1 code."""
    out: dict[str, Lexicon] = {}
    for path in sorted(DATA.glob("*.toml")):
        with path.open("rb") as handle:
            lexicon = _from_toml(tomllib.load(handle))
        out[lexicon.code] = lexicon
    return out


@lru_cache(maxsize=1)
def fallback_lexicon() -> Lexicon:
    """For a language without a lexicon: digits only, no words, nothing to filter on."""
    return Lexicon(code="und", name="unknown", script="", model_reads=False, code_reader=False,
                   stopwords=frozenset(), number_engine="table", number_words={}, not_after=(), vague={},
                   qualifiers_before={}, qualifiers_after={}, harm={})


def english() -> Lexicon:
    return lexicons()["en"]


def vague_floors() -> dict[str, int]:
    """Every vague amount of every language with its floor ('dozens' 12, 'decenas' 12, 'कई' 10)."""
    return {word: floor for lx in lexicons().values() for word, floor in lx.vague.items()}


def lexicon(code: str) -> Lexicon | None:
    return lexicons().get(code)


def lexicons_hash() -> bytes:
    """The bytes of every lexicon and gazetteer file: a change in a word list must not be served from the result
    cache."""
    return b"".join(path.read_bytes() for path in sorted([*DATA.glob("*.toml"), *DATA.glob("gazetteer/*.toml")]))


# --- which language -----------------------------------------------------------------------------------------------

_SCRIPTS: list[tuple[str, str]] = [
    ("Devanagari", r"[\u0900-\u097F]"),
    ("Arabic", r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"),
    ("Bengali", r"[\u0980-\u09FF]"),
    ("Cyrillic", r"[\u0400-\u04FF]"),
    ("Han", r"[\u4E00-\u9FFF\u3400-\u4DBF]"),
    ("Hangul", r"[\uAC00-\uD7AF]"),
    ("Kana", r"[\u3040-\u30FF]"),
    ("Thai", r"[\u0E00-\u0E7F]"),
    ("Hebrew", r"[\u0590-\u05FF]"),
    ("Greek", r"[\u0370-\u03FF]"),
    ("Latin", r"[A-Za-z\u00C0-\u024F]"),
]
_SCRIPT_RE = [(name, re.compile(pattern)) for name, pattern in _SCRIPTS]
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Language:
    """The article's language as far as code can tell: a code, and whether a lexicon and the model cover it."""

    code: str  # ISO 639-1, or "und" when it cannot be told
    script: str
    lexicon: Lexicon | None

    @property
    def supported(self) -> bool:
        return self.lexicon is not None and self.lexicon.model_reads

    @property
    def name(self) -> str:
        return self.lexicon.name if self.lexicon else (f"unknown ({self.script} script)" if self.code == "und"
                                                       else self.code)


def dominant_script(text: str) -> str:
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPT_RE}
    best = max(counts, key=lambda name: counts[name])
    return best if counts[best] else "Latin"


def detect_language(text: str) -> Language:
    """The language of `text`: the script first, then the lexicon whose stopwords occur most often."""
    script = dominant_script(text)
    candidates = [lx for lx in lexicons().values() if lx.script == script]
    if script == "Arabic":
        urdu = [lx for lx in candidates if lx.script_markers]
        marked = [lx for lx in urdu if sum(text.count(m) for m in lx.script_markers) >= 3]
        if marked:
            return Language(marked[0].code, script, marked[0])
    words = [w.casefold() for w in _WORD_RE.findall(text)] if script == "Latin" else text.split()
    if not words or not candidates:
        return Language("und", script, None)
    scores = {lx.code: sum(1 for w in words if w in lx.stopwords) for lx in candidates}
    best = max(scores, key=lambda code: scores[code])
    # at least 3 % of the words must be the language's stopwords (real prose has 20-40 %)
    if scores[best] < max(3, 0.03 * len(words)):
        return Language("und", script, None)
    return Language(best, script, lexicons()[best])


# --- harm words ---------------------------------------------------------------------------------------------------

@cache
def harm_pattern(code: str) -> re.Pattern[str] | None:
    """Any harm stem of the language (word-start match for spaced scripts, substring otherwise)."""
    lx = lexicon(code)
    if lx is None:
        return None
    stems = sorted({s for words in lx.harm.values() for s in words}, key=len, reverse=True)
    if not stems:
        return None
    body = "|".join((re.escape(s[:-1]) + r"(?![^\W\d_])" if s.endswith("$") else _phrase_body(s, lx)) + _unless(s, lx)
                    for s in stems)
    return _word_start(body, lx.word_starts)


@per_lexicon
def _day_words(lx: Lexicon) -> str:
    """The lexicon's words for today and yesterday, as alternatives of a pattern ('' when it has none)."""
    return "|".join(re.escape(w) for w in sorted((*lx.today, *lx.yesterday), key=len, reverse=True))


def _phrase_body(stem: str, lx: Lexicon) -> str:
    """The pattern of a harm stem: a phrase of several words may hold a word for today or yesterday after its first
    word ('perdieron hoy la vida', 'ha perso ieri la vita')."""
    first, space, rest = stem.partition(" ")
    days = _day_words(lx)
    if not space or not days:
        return re.escape(stem)
    return rf"{re.escape(first)}(?:\s+(?:{days}))?\s+{re.escape(rest)}"


@cache
def _gapped_phrase(code: str, stem: str) -> re.Pattern[str]:
    """A folded harm phrase of a lexicon with a word for today or yesterday after its first word (`_phrase_body`)."""
    lx = lexicon(code)
    return re.compile(_phrase_body(stem, lx) if lx is not None else re.escape(stem))


def _find_stem(folded: str, stem: str, lx: Lexicon) -> int:
    """Where a folded harm stem first stands in a folded text, a phrase also with a word for today or yesterday after
    its first word ('perdieron hoy la vida'); -1 when it does not."""
    at = folded.find(stem)
    if at >= 0 or " " not in stem or not (lx.today or lx.yesterday):
        return at
    found = _gapped_phrase(lx.code, stem).search(folded)
    return found.start() if found else -1


def _unless(stem: str, lx: Lexicon) -> str:
    """What must not stand around a harm stem for it to name harm: each of the lexicon's `not_harm` words that holds
    it ('لاش' in 'تلاش'), as a lookahead after the stem holding a lookbehind to the word's start."""
    word = stem.rstrip("$").casefold()
    out = ""
    for other in lx.not_harm:
        at = other.find(word)
        if at >= 0:
            out += f"(?!(?<={re.escape(other[: at + len(word)])}){re.escape(other[at + len(word) :])})"
    return out


def _word_start(body: str, spaced: bool) -> re.Pattern[str]:
    """`body` matched at a word's start in a spaced script (no letter or mark before it), anywhere in one without
    spaces between words."""
    return re.compile(rf"(?<![^\W\d_]){_NO_MARK}(?:{body})" if spaced else f"(?:{body})", re.IGNORECASE)


_NO_MARK = r"(?<![\u0300-\u036f\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963])"  # combining marks


def inside_word(text: str, at: int) -> bool:
    """Whether position `at` of `text` is inside a word: a letter or a combining mark (a vowel sign) stands before."""
    return at > 0 and (text[at - 1].isalpha() or unicodedata.category(text[at - 1]).startswith("M"))


def harm_word_at(text: str, at: int, word: str, lx: Lexicon) -> bool:
    """Whether the harm word `word` found at `at` of `text` (casefolded) names harm: at a word's start where the script
    tells one, and not inside one of the lexicon's `not_harm` words."""
    if lx.word_starts and inside_word(text, at):
        return False
    for other in lx.not_harm:
        inner = other.find(word)
        if 0 <= inner <= at and text[at - inner : at - inner + len(other)] == other:
            return False
    return True


@cache
def status_pattern(code: str, status: str) -> re.Pattern[str] | None:
    """The language's words that frame a figure as `status` (word-start match for spaced scripts); None if none."""
    lx = lexicon(code)
    words = lx.status.get(status, ()) if lx is not None else ()
    if not words:
        return None
    return _word_start("|".join(f"(?:{w})" for w in words), lx is not None and lx.spaced)


@lru_cache(maxsize=1)
def any_harm_pattern() -> re.Pattern[str]:
    """Harm stems of every lexicon: a sentence quoting another language still counts as about harm."""
    parts = [p.pattern for code in lexicons() if (p := harm_pattern(code)) is not None]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def is_about_harm(sentence: str) -> bool:
    return bool(any_harm_pattern().search(sentence))


# --- generated text stays in one script ---------------------------------------------------------------------------

_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")


def _allowed(ch: str, writing: str) -> bool:
    if not ch.isalpha() or _LATIN.match(ch):
        return True
    if writing == "English":
        return False
    target = next((lx.script for lx in lexicons().values() if lx.name == writing), "Latin")
    pattern = dict(_SCRIPT_RE).get(target)
    return bool(pattern and pattern.match(ch))


def stray_script(generated: str, writing: str, article: str = "") -> list[str]:
    """Runs of letters in `generated` from a script the text should not use ('security人员' -> ['人员'])."""
    runs: list[str] = []
    current = ""
    for ch in generated + " ":
        if ch.isalpha() and not _allowed(ch, writing):
            current += ch
        elif current:
            runs.append(current)
            current = ""
    return runs


def strip_stray_script(generated: str, writing: str, article: str = "") -> str:
    """`generated` without letters of a foreign script (what a re-ask did not fix is removed, not shown)."""
    cleaned = "".join(ch for ch in generated if _allowed(ch, writing))
    return re.sub(r"\s{2,}", " ", cleaned).strip()


def fold_in_place(text: str) -> str:
    """`text` case-folded letter by letter, keeping its length, so that positions found in it are the text's ('Straße'
    folds to 'straße', not 'strasse'; 'İ' to 'i̇' would add a mark)."""
    return "".join(ch.casefold() if len(ch.casefold()) == 1 else ch.lower() if len(ch.lower()) == 1 else ch
                   for ch in text)


# --- natural hazards -----------------------------------------------------------------------------------------------

def _event_word(text: str, lx: Lexicon | None, words: Callable[[Lexicon], tuple[str, ...]]) -> str | None:
    """The first of a lexicon's event words that `text` holds, in English or the article's language (a word start
    in a spaced script, not one of the lexicon's `not_event_words`: 'stormed' is no storm; an English word in another
    language's article a whole word, a loanword: 'bomb' is not the start of 'Bomberos'), or None."""
    lowered = text.casefold()
    own = [lx] if lx is not None and lx.code != "en" else []
    for x in [english(), *own]:
        whole = bool(own) and x.code == "en"
        for entry in words(x):
            word, tail = entry.removeprefix(COMPOUND_TAIL), entry.startswith(COMPOUND_TAIL)
            for hit in re.finditer(re.escape(word), lowered):
                if x.spaced and hit.start() > 0 and lowered[hit.start() - 1].isalpha() and not tail:
                    continue  # '*unglück' may end a compound: 'Busunglück'
                if tail and hit.start() > 0 and lowered[hit.start() - 1].isalpha() \
                        and not _ends_word(lowered, hit.end()):
                    continue
                if whole and hit.end() < len(lowered) and lowered[hit.end()].isalpha():
                    continue
                if x.spaced and _whole_word(lowered, hit.start()) in x.not_event_words:
                    continue
                return word
    return None


def _whole_word(lowered: str, start: int) -> str:
    """The word of `lowered` that starts at `start` (letters and inner hyphens)."""
    match = re.match(r"\w+(?:-\w+)*", lowered[start:])
    return match.group(0) if match else ""


def names_natural_hazard(text: str, lx: Lexicon | None) -> bool:
    """Whether `text` names a natural hazard ('earthquake', 'sismo', 'भूकंप') in English or the article's language
    (word starts in a spaced script), or weather ('heavy rains', 'chuvas') and no mishap: rains beside a collapse
    name no hazard of their own (`names_weather`)."""
    if _event_word(text, lx, lambda x: x.natural_hazards) is not None:
        return True
    return names_weather(text, lx) and _event_word(text, lx, lambda x: x.mishaps) is None


def names_weather(text: str, lx: Lexicon | None) -> bool:
    """Whether `text` names rains or the like ('heavy rains', 'lluvias', 'बारिश'), in English or the article's
    language: with a mishap named too, they may be its cause or the event itself."""
    return _event_word(text, lx, lambda x: x.weather) is not None


@per_lexicon
def _definition_pattern(lx: Lexicon) -> re.Pattern[str] | None:
    if not lx.definitions:
        return None
    words = "|".join(re.escape(w) for w in sorted(lx.definitions, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)" if lx.spaced else words, re.IGNORECASE)


def defines(text: str, lx: Lexicon | None) -> bool:
    """Whether `text` is a definition ('The archive defines a mass shooting as one with at least four dead'), by
    the words of English and the article's language: its numbers count no one of the event."""
    return any((p := _definition_pattern(x)) is not None and p.search(text) for x in (english(), lx) if x)


def tells_of_harm(text: str, lx: Lexicon | None) -> bool:
    """Whether `text` tells of something that happened: a harm word, a mishap, an attack, an explosion ('ڈی آئی خان
    دھماکے کی مذمت') or a natural hazard, in English or the article's language."""
    return is_about_harm(text) or any(mishap_or_attack(text, lx)) or names_natural_hazard(text, lx) \
        or _event_word(text, lx, lambda x: x.explosions) is not None


def protest_or_riot(text: str, lx: Lexicon | None) -> Literal["protest", "riot"] | None:
    """'riot' when `text` names a riot ('rioters', 'émeutes'), else 'protest' when it names a protest ('protesters',
    'manifestation'), in English or the article's language; None when it names neither."""
    if _event_word(text, lx, lambda x: x.riots) is not None:
        return "riot"
    return "protest" if _event_word(text, lx, lambda x: x.protests) is not None else None


def names_explosion(text: str, lx: Lexicon | None) -> bool:
    """Whether `text` names an explosion, a bomb, shelling, a strike or a mine ('blast', 'bomba', 'دھماکا'), in
    English or the article's language."""
    return _event_word(text, lx, lambda x: x.explosions) is not None


def explosion_without_fighting(text: str, lx: Lexicon | None) -> bool:
    """Whether `text` names an explosion ('blast', 'suicide bomber', 'دھماکا') and no fighting ('clash', 'ambush',
    'gunmen'), in English or the article's language."""
    return names_explosion(text, lx) and _event_word(text, lx, lambda x: x.fighting) is None


def mishap_or_attack(text: str, lx: Lexicon | None) -> tuple[str | None, str | None]:
    """The word for a mishap ('accident', 'stampede', 'हादसा') and the word for an attack ('gunmen', 'bombing')
    that `text` names, each None when it names none."""
    return _event_word(text, lx, lambda x: x.mishaps), _event_word(text, lx, lambda x: x.attacks)


# --- the harm words of a sentence --------------------------------------------------------------------------------

def outcomes_named(text: str, lx: Lexicon | None) -> set[Outcome]:
    """The outcomes that the harm words of `text` name, by the lexicon of its language ('20 श्रद्धालु घायल हो गये
    जिनमें से दो की हालत गंभीर है' -> {injured}); empty without a lexicon."""
    if lx is None:
        return set()
    lowered = text.casefold()
    named: set[Outcome] = set()
    for outcome, stems in lx.harm.items():
        if outcome not in OUTCOMES:
            continue
        for stem in stems:
            word = stem.rstrip("$").casefold()
            for hit in _gapped_phrase(lx.code, word).finditer(lowered):  # 'perdieron hoy la vida' too
                start, end = hit.start(), hit.end()
                if not harm_word_at(lowered, start, word, lx):
                    continue
                if stem.endswith("$") and end < len(lowered) and lowered[end].isalpha():
                    continue
                named.add(outcome)
                break
    return named


# --- the harm word next to a number -------------------------------------------------------------------------------

@per_lexicon
def _clause_end(lx: Lexicon) -> re.Pattern[str]:
    """Where a number's clause ends: punctuation, the end of a sentence or line ('... in salvo.\n\nUn minatore
    risulta disperso': the rescued are another sentence's), or one of the language's clause joiners between spaces.
    Arabic script's comma and semicolon end a clause as their Latin twins do ('دھماکہ،73 شھید،100 سے زائد زخمی'). A
    hyphen inside a word ('um serra-leonês morreram') ends none."""
    joiners = "|".join(re.escape(w) for w in sorted(lx.clause_joiners, key=len, reverse=True))
    return re.compile(r"[,;:()\[\]—–\n،؛]|(?<!\w)-|-(?!\w)|[.!?।۔](?=\s|$)"
                      + (rf"|\s(?:{joiners})\s" if joiners else ""), re.IGNORECASE)


def _clause_after(text: str, end: int, lx: Lexicon) -> list[str]:
    """The words after a number (ending at `end`) up to the end of its clause, within 80 characters. A joiner between
    two nouns of people ('79 policiers et gendarmes blessés') joins the number's noun, not two clauses."""
    after = text[end : end + 80]
    stop = _clause_end(lx).search(after)
    while stop is not None and stop.group(0).strip().casefold() in lx.clause_joiners \
            and (_joins_nouns(after[: stop.start()].split(), after[stop.end() :].split(), lx)
                 or _inside_harm_phrase(after, stop.start(), stop.end(), lx)):
        stop = _clause_end(lx).search(after, stop.end())
    return after[: stop.start() if stop else len(after)].split()


def _inside_harm_phrase(text: str, start: int, end: int, lx: Lexicon) -> bool:
    """Whether `text[start:end]` (a joiner) lies inside one of the lexicon's harm phrases there ('two protesters were
    shot and killed': one outcome, not two clauses)."""
    folded = fold_in_place(text)
    for phrase in _harm_phrases(lx):
        at = folded.find(phrase)
        while 0 <= at < start:
            if at + len(phrase) >= end:
                return True
            at = folded.find(phrase, at + 1)
    return False


@per_lexicon
def _harm_phrases(lx: Lexicon) -> tuple[str, ...]:
    """The lexicon's harm words of more than one word, folded ('shot and killed')."""
    folded = (stem.rstrip("$").casefold() for stems in lx.harm.values() for stem in stems)
    return tuple(dict.fromkeys(p for p in folded if " " in p))


def _joins_nouns(before: list[str], following: list[str], lx: Lexicon) -> bool:
    """Whether a joiner stands between a number's own noun of people and another one ('policiers' and 'gendarmes')."""
    return len(before) == 1 and bool(following) and all(
        _people_word(w.casefold().strip(",.;:"), lx) for w in (before[0], following[0]))


def outcome_near(text: str, start: int, end: int, lx: Lexicon | None, *, words_after: int | None = None,
                 words_before: int = 3) -> Outcome | None:
    """The outcome of the harm word nearest to a number within its clause ('7 लोग घायल' -> injured), from the
    lexicon of the article's language; None when no harm word is that close (`words_after`: the lexicon's
    `harm_words_after` unless given; a phrase of several words must start within them)."""
    if lx is None:
        return None
    # where the verb ends the clause, a harm word after the number is its own ('3 लोगों की मौत चार लोगों के लापता': the
    # four are missing); one before only counts when none comes after
    found = _nearest(text, start, end, lx, {o: w for o, w in lx.harm.items() if o in OUTCOMES}, words_after,
                     words_before, prefer_after=lx.verb_last)
    if found is not None:
        reach = lx.harm_words_after if words_after is None else words_after
        skip = 0 if lx.verb_last else _partitive_words(text, end, lx)
        if lx.verb_last or skip or _held_noun_after(text, end, lx):
            # where the verb ends the clause, it may stand past the reach of a harm word ('چار زخمی اسپتال میں زخموں
            # کی تاب نہ لاتے ہوئے دم توڑ گئے': four of the injured died of their wounds in hospital)
            closing = CLOSING_VERB_WORDS if lx.verb_last else reach + skip
            found = _closing_verb(text, end, lx, found, max(closing, reach + skip), skip) or found
    return next((o for o in OUTCOMES if o == found), None)


CLOSING_VERB_WORDS = 15  # words of a number's clause that may hold its closing verb, where the verb comes last


def _partitive_words(text: str, end: int, lx: Lexicon) -> int:
    """How many words of the lexicon's `partitives` follow a number (ending at `end`): 2 for 'Three of the wounded',
    1 for 'tres dei feriti'; 0 when none does."""
    after = text[end : end + 40].lstrip().casefold()
    for p in sorted(lx.partitives, key=len, reverse=True):
        if after.startswith(p) and not after[len(p) : len(p) + 1].isalpha():
            return len(p.split())
    return 0


def _held_noun_after(text: str, end: int, lx: Lexicon) -> bool:
    """Whether the word right after a number (ending at `end`) is one of the lexicon's `held_nouns` ('Quatro presos
    morrem': four prisoners die)."""
    following = text[end : end + 30].split()[:1]
    return bool(following) and following[0].casefold().strip(",.;:") in lx.held_nouns


def _closing_verb(text: str, end: int, lx: Lexicon, first: str, reach: int, skip: int = 0) -> str | None:
    """The outcome of a later harm word of the number's clause when the word right after the number, or after a
    partitive (`skip` words), is a harm noun of another outcome: in a language whose verb comes last ('ایک زخمی دم توڑ
    گیا', 'एक घायल ने दम तोड़ दिया': one of the injured died), in any language for a part of the harmed ('Three of the
    wounded died later', 'dos de los heridos murieron') and for people held ('Quatro presos morrem'); None otherwise,
    or when another number stands between."""
    # a word for the toll itself names no harm of the number's ('tres mil 712 detenidos es el saldo')
    words = [w for w in _clause_after(text, end, lx)[skip:reach] if w.casefold().strip(",.;:") not in lx.another]
    if not words or first not in outcomes_named(words[0], lx):
        return None
    for i in range(1, len(words)):
        if any(ch.isdigit() for ch in words[i]):
            return None
        later = outcomes_named(" ".join(words[i:]), lx) - {first}
        if later and outcomes_named(words[i], lx) | outcomes_named(" ".join(words[i : i + 2]), lx):
            return next(iter(sorted(later)))
    return None


TOGETHER_WORDS = 4  # the words after a number within which a harm word joined to another one counts both kinds


def counts_harm_together(text: str, end: int, lx: Lexicon | None) -> bool:
    """Whether the number ending at `end` counts the harmed of two kinds together: its first harm word, within a few
    words and with no other count before it, joined by a list joiner to a harm word of another outcome ('More than 20
    people killed and wounded', '«dix morts et blessés»', 'tres muertos y heridos'), in a script with capitals."""
    if lx is None or not lx.spaced:
        return False
    words = [w.casefold().strip(",.;:!?«»\"“”()") for w in text[end : end + 120].split()[: TOGETHER_WORDS + 2]]
    for i, word in enumerate(words[:TOGETHER_WORDS]):
        if any(ch.isdigit() for ch in word):
            return False
        first = outcomes_named(word, lx)
        if first:
            if i + 2 >= len(words) or words[i + 1] not in lx.list_joiners \
                    or " ".join(words[i : i + 3]) in _harm_phrases(lx):
                return False  # 'shot and killed': one harm, named by a phrase of the lexicon
            later = outcomes_named(words[i + 2], lx)
            return bool(later) and not later & first
    return False


def own_harm(text: str, start: int, end: int, lx: Lexicon | None) -> Outcome | None:
    """The outcome the number's own noun names: the word right after it ('12 muertos', '10 زخمیوں'), or the word
    after a plain word for people or a group's word, with auxiliary verbs and adverbs between ('au moins 11 personnes
    tuées', '7 लोग घायल', 'Deux personnes ont été tuées', 'Un minatore risulta ancora disperso'), or after the
    auxiliaries right after a number without a noun ('unas diez resultaron heridas'), or after the
    language's word joining a count to its noun ('una ventina di dispersi'); for a number with such a noun, the harm
    word right before it ('sarebbero morte almeno tre persone'). None when none is a harm word, or when the harm word
    has a count of people as its object ('Cinco soldados mataron a tres militantes')."""
    if lx is None:
        return None
    following = [w.casefold().strip(",.;:") for w in text[end : end + 80].split()[:6]]
    of = 1 if following and following[0] in lx.count_of else 0  # 'una ventina di dispersi', 'decenas de muertos'
    named = len(following) > of and _people_word(following[of], lx)
    # a noun of two words for people ('ایک پولیس اہلکار شہید', '3 police officers killed')
    reach = 1 + of + int(named) + int(named and len(following) > of + 1 and _people_word(following[of + 1], lx))
    # a number without a noun takes its harm word after auxiliaries too ('unas diez resultaron heridas')
    bare = not named and not of and bool(following) and following[0] in lx.before_harm
    if named or bare:
        while reach <= len(following) and following[reach - 1] in lx.before_harm:
            reach += 1
    found = outcome_near(text, start, end, lx, words_after=reach, words_before=0)
    if found is not None and (named or bare) and _harms_others(text, end, reach, lx):
        return None  # 'Cinco soldados mataron a tres militantes': the five did the harm
    if found is None and named and not (lx.verb_last and outcomes_named(" ".join(_clause_after(text, end, lx)), lx)):
        # where the verb ends the clause, one before is another clause's when the number's has its own after it ('3
        # लोगों की मौत चार लोगों के लापता'), and an adjective of the noun otherwise ('गंभीर रूप से घायल दो लोगों को')
        found = _harm_right_before(text, start, lx)
    return found or _apposed_harm(text, end, lx)


def harm_after_item(text: str, start: int, end: int, lx: Lexicon, max_words: int) -> Outcome | None:
    """The outcome of the harm word that ends the last item of a list of counted nouns, read after the item's number
    (`start` to `end`): within its clause, after one to `max_words` words, auxiliaries among them ('... e um
    serra-leonês morreram', 'y dos soldados resultaron heridos'); None when none is that close, when the item has no
    noun before it ('y 26 resultaron lesionadas': its own clause), or when the harm word has a count of people as its
    object ('... e dois jovens mataram três pessoas': they did the harm)."""
    words = [w.casefold().strip(",.;:") for w in _clause_after(text, end, lx)]
    if not words or outcomes_named(words[0], lx) or words[0] in lx.before_harm:
        return None  # the number's own harm word ('dois mortos', '26 resultaron lesionadas'), not the list's
    found = outcome_near(text, start, end, lx, words_after=max_words + 1, words_before=0)
    return None if found is None or _harms_others(text, end, max_words + 1, lx) else found


def _apposed_harm(text: str, end: int, lx: Lexicon) -> Outcome | None:
    """The outcome of a harm word set off by commas right after a number, or after its plain noun or word of 'other'
    ('cinq autres, blessées, sont prises en charge', 'tres personas, heridas, fueron trasladadas'): one word naming
    one outcome; None otherwise."""
    m = re.match(r"(?:\s+(?P<noun>[^\W\d_]+))?\s*,\s*(?P<harm>[^\W\d_]+)\s*,", text[end : end + 60])
    if m is None or (m.group("noun") and not (_people_word(m.group("noun").casefold(), lx)
                                                 or m.group("noun").casefold() in lx.others)):
        return None
    named = outcomes_named(m.group("harm"), lx)
    return next(iter(named)) if len(named) == 1 else None


def _harms_others(text: str, end: int, reach: int, lx: Lexicon) -> bool:
    """Whether the harm word within `reach` words after a number (ending at `end`) has a count of people as its object
    in the clause ('mataron a tres militantes', 'hanno ucciso due carabinieri'): a number, maybe after one short word,
    then a noun that is no thing and no unit ('en 2 ataques', '2 horas')."""
    words = [w.casefold().strip(",.;:") for w in _clause_after(text, end, lx)]
    things = {w.casefold() for w in lx.things}
    at = next((i for i, w in enumerate(words[:reach]) if outcomes_named(w, lx)), None)
    if at is None:
        return False
    for skip in (1, 2):
        count, noun = at + skip, at + skip + 1
        if noun < len(words) and _a_count(words[count], lx) \
                and words[noun] not in things and words[noun] not in lx.not_after:
            return skip == 1 or len(words[at + 1]) <= 2
    return False


def text2num_value(phrase: str, code: str) -> int | None:
    """The number a phrase writes out in words, read by text2num ('vingt et un' -> 21), or None."""
    try:
        from text_to_num import text2num
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        value = text2num(phrase.casefold(), code)
    except (ValueError, TypeError):
        return None
    return int(value) if isinstance(value, int) else None


def _a_count(word: str, lx: Lexicon) -> bool:
    """Whether one word is a count: digits, or a number word of the language above one ('tres', 'due')."""
    if word.isdigit() or word in lx.number_words:
        return True
    return lx.number_engine == "text2num" and (text2num_value(word, lx.code) or 0) > 1


def _harm_right_before(text: str, start: int, lx: Lexicon) -> Outcome | None:
    """The outcome of the harm word right before a number (and its qualifier) in its clause, the verb of an inverted
    subject or of its object ('sarebbero morte almeno tre persone', 'murieron tres personas'); None otherwise."""
    before = text[max(0, start - 60) : start]
    stops = list(_clause_end(lx).finditer(before))
    words = before[stops[-1].end() if stops else 0 :].split()
    if not words:
        return None
    named = outcomes_named(words[-1], lx)
    return next(iter(named)) if len(named) == 1 else None


def counts_others(text: str, start: int, end: int, lx: Lexicon | None) -> bool:
    """Whether a word of 'other' stands right before or right after the number ('outros 13', 'cinq autres')."""
    if lx is None or not lx.others:
        return False
    before = text[max(0, start - 30) : start].split()[-1:]
    after = text[end : end + 30].split()[:1]
    return any(w.casefold().strip(",.;:") in lx.others for w in (*before, *after))


def _starts_with_group(word: str, lx: Lexicon) -> bool:
    """Whether a word opens with one of the lexicon's group words ('carabiniere', 'policiers')."""
    return any(word.startswith(stem.casefold().split()[0]) for _, stems in lx.groups for stem in stems)


def _people_word(word: str, lx: Lexicon) -> bool:
    """Whether a folded word is a plain word for people or opens with a group's word ('personnes', 'policiers')."""
    return word in lx.people or _starts_with_group(word, lx)


def own_group(text: str, start: int, end: int, lx: Lexicon | None) -> str | None:
    """The group the number's own noun names, in the two words after it ('un carabiniere' -> police, 'quatro
    militares' -> soldiers, '3 پولیس اہلکار' -> police); None when neither word is one of the lexicon's `groups`."""
    if lx is None or not lx.groups:
        return None
    return _nearest(text, start, end, lx, dict(lx.groups), 2, 0)


# groups one article may call by each other's names ('पुलिस के जवान', 'security personnel' for soldiers)
FORCES = frozenset({"police", "soldiers", "security_forces"})


def names_group(text: str, group: str, lx: Lexicon | None) -> bool | None:
    """Whether the text names `group` by one of the lexicon's words for it, or for a group of its kin (police, soldiers
    and security forces are kin), at a word's start where the script tells one ('soldats' holds 'soldat'); None when
    the lexicon has no words for the group."""
    if lx is None or not dict(lx.groups).get(group):
        return None
    return _group_words(lx.code, group).search(text) is not None


@cache
def _group_words(code: str, group: str) -> re.Pattern[str]:
    """The words of a group and of its kin in a lexicon, matched at a word's start where the script tells one."""
    lx = lexicon(code)
    groups = dict(lx.groups) if lx is not None else {}
    kin = FORCES if group in FORCES else {group}
    words = sorted({w for g in kin for w in groups.get(g, ())}, key=len, reverse=True)
    return _word_start("|".join(re.escape(w) for w in words), lx is not None and lx.word_starts)


def unharmed_near(text: str, start: int, end: int, lx: Lexicon | None) -> bool:
    """Whether a word saying that the people a number counts came to no harm ('8 यात्रियों को बचा लिया गया',
    'rescued alive') is nearer the number in its clause than any harm word."""
    if lx is None or not lx.unharmed:
        return False
    return _nearer_than_harm(text, start, end, lx, lx.unharmed)


def _nearer_than_harm(text: str, start: int, end: int, lx: Lexicon, words: tuple[str, ...]) -> bool:
    """Whether one of `words` is nearer the number in its clause than any harm word (a harm word wins a tie)."""
    table: dict[str, tuple[str, ...]] = {o: w for o, w in lx.harm.items() if o in OUTCOMES}
    table[""] = words
    return _nearest(text, start, end, lx, table, None, 3) == ""


def after_agent(text: str, start: int, end: int, lx: Lexicon | None) -> bool:
    """Whether a number (its qualifier starting at `start`, ending at `end`) stands right after the agent of a
    passive, one of the lexicon's `agents` ('fue atacada por dos hombres', 'attaqué par les deux individus'): it
    counts who did it; not when a harm word follows within two words ('a busca por um homem desaparecido': 'por' is
    'for', and the man is missing)."""
    if lx is None or not lx.agents:
        return False
    before = " " + " ".join(text[max(0, start - 30) : start].casefold().split())
    return any(before.endswith(" " + agent) for agent in lx.agents) \
        and outcome_near(text, start, end, lx, words_after=2, words_before=0) is None


def among_whole(text: str, start: int, end: int, lx: Lexicon | None) -> bool:
    """Whether a number (its qualifier starting at `start`) counts a whole some of whom were harmed: it stands right
    after one of the lexicon's `among` words, a determiner between at most ('multiple injuries among its more than
    200 passengers', 'parmi les 151 passagers'), and no harm word follows it within two words ('among the 12 dead
    were three children' counts the dead)."""
    if lx is None or not lx.among:
        return False
    before = text[max(0, start - 40) : start].casefold().split()
    if not before:
        return False
    # the phrase right before the number, or before one word more ('among its', 'parmi les', 'entre los')
    ends = [" ".join(before[len(before) - n - skip : len(before) - skip]) for n in (1, 2) for skip in (0, 1)
            if n + skip <= len(before)
            and (not skip or before[-1] in lx.stopwords or before[-1] in lx.source_possessives)]
    return any(e in lx.among for e in ends) \
        and outcome_near(text, start, end, lx, words_after=2, words_before=0) is None


def _harm_verb_before(text: str, start: int, lx: Lexicon) -> bool:
    """Whether the word right before a number (its qualifier starting at `start`), or before one of the lexicon's
    `aboard_objects` there, names harm: the number is that verb's object ('a tué 28', 'mató a 12', 'killed all 52').
    Not in a language whose verb ends its clause."""
    if lx.verb_last:
        return False
    before = text[max(0, start - 60) : start]
    stops = list(_clause_end(lx).finditer(before))
    words = before[stops[-1].end() if stops else 0 :].casefold().split()  # in the number's clause
    for marker in ("", *lx.aboard_objects):
        between = marker.split()
        if len(words) > len(between) and words[len(words) - len(between) :] == between \
                and outcomes_named(words[-len(between) - 1], lx):
            return True
    return False


def aboard_near(text: str, start: int, end: int, lx: Lexicon | None) -> bool:
    """Whether a number counts the people on board ('جس میں 40 افراد سوار تھے', 'a ferry carrying some 60-70
    people'): a word of being aboard is nearer it in its clause than any harm word, and no harm word follows it in
    its clause before another number ('all 40 people on board were killed' counts the dead; 'سوار 34 میں سے 33 افراد
    ہلاک' does not)."""
    if lx is None or not lx.aboard:
        return False
    if not _nearer_than_harm(text, start, end, lx, lx.aboard):
        return False
    if _harm_verb_before(text, start, lx):
        return False  # 'a tué 28 occupants', 'killed all 52 passengers on board': the harm word is the number's verb
    words: list[str] = []
    for word in _clause_after(text, end, lx):
        if any(ch.isdigit() for ch in word) or word.casefold().strip(",.;:") in lx.number_words:
            break
        words.append(word)
    return not outcomes_named(" ".join(words), lx)


# an entry of a word list that opens with it may also end a compound word ('*Insassen': 'Businsassen', 'die
# Zuginsassen'), where the language writes compounds as one word
COMPOUND_TAIL = "*"


def _manner_of_later(folded: str, end: int, lx: Lexicon, table: dict[str, tuple[str, ...]]) -> bool:
    """Whether the harm word ending at `end` of a clause's folded words is followed by the language's conjunctive
    word (`conjunctive`) and then by another word of `table` ('جھلس کر جاں بحق', 'झुलस कर मौत')."""
    if not lx.conjunctive:
        return False
    rest = re.match(r"\S*\s+(\S+)\s+(.*)", folded[end:])
    if rest is None or rest.group(1) not in lx.conjunctive:
        return False
    later = rest.group(2)
    return any(_find_stem(later, stem.rstrip("$").removeprefix(COMPOUND_TAIL).casefold(), lx) >= 0
               for stems in table.values() for stem in stems)


def _ends_word(text: str, at: int) -> bool:
    """Whether position `at` of `text` ends a word: no letter or mark follows."""
    return at >= len(text) or not (text[at].isalpha() or unicodedata.category(text[at]).startswith("M"))


def _nearest(text: str, start: int, end: int, lx: Lexicon, table: dict[str, tuple[str, ...]],
             words_after: int | None, words_before: int, *, prefer_after: bool = False) -> str | None:
    """The key of `table` whose word is nearest to the number between `start` and `end` within its clause
    (`prefer_after`: a word before the number only when none comes after it)."""
    words_after = lx.harm_words_after if words_after is None else words_after
    clause = _clause_after(text, end, lx)
    after = " ".join(clause)
    reach = len(" ".join(clause[:words_after]))  # a harm phrase must start within `words_after` words
    before_text = text[max(0, start - 60) : start]
    stops = list(_clause_end(lx).finditer(before_text))
    before = " ".join(before_text[stops[-1].end() if stops else 0 :].split()[-words_before:] if words_before else [])
    # '12 घायलों में से 3 की मौत': a harm word before a partitive names the whole; the number's own harm word after
    # it overrules that, and without one the whole's outcome stands
    whole = max((at + len(p) for p in lx.partitives_before if (at := before.casefold().rfind(p)) >= 0), default=-1)
    best: tuple[int, str] | None = None
    for outcome, stems in table.items():
        for stem in stems:
            word, tail = stem.rstrip("$").removeprefix(COMPOUND_TAIL), stem.startswith(COMPOUND_TAIL)
            for side, chunk, weight in (("after", after, 0), ("before", before, 1)):
                folded, sought = fold_in_place(chunk), word.casefold()
                at = _find_stem(folded, sought, lx)
                if at < 0 or (side == "after" and at >= reach) or not (
                        harm_word_at(folded, at, sought, lx) or (tail and _ends_word(folded, at + len(sought)))):
                    continue
                if side == "after" and _manner_of_later(folded, at + len(sought), lx, table):
                    continue  # 'جھلس کر جاں بحق': burnt, then dead; the later word is the outcome
                # nearer wins; at the same place the longer word ('shot dead' over 'shot')
                distance = (at if side == "after" else len(chunk) - at) * 200 + weight * 100 - len(word)
                distance += 100_000 if side == "before" and at < whole else 0
                distance += 50_000 if side == "before" and prefer_after else 0
                if best is None or distance < best[0]:
                    best = (distance, outcome)
    return best[1] if best else None
