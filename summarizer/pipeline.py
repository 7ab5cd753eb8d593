"""The pipeline: checked text -> focused model passes -> grounding (one re-ask) -> normalising -> rollups.

Passes share one prefix (system prompt, then the numbered article), so an embedded model processes the article
once and each later pass costs only its own instructions and answer.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar, cast, get_args

from summarizer.backends.base import Backend
from summarizer.contract.event import (
    ACCIDENTAL_TYPES,
    SCHEMA_VERSION,
    Actor,
    ArticleMeta,
    Casualty,
    Consequence,
    DroppedItem,
    EventSummary,
    EventType,
    Evidence,
    Group,
    Incident,
    Outcome,
    PassRecord,
    Place,
    Provenance,
    Scope,
    Statement,
    When,
    Where,
    stated_bounds,
    stated_count,
)
from summarizer.errors import ArticleTooLongError
from summarizer.extract.actors import build_actors
from summarizer.extract.attribution import (
    attribution,
    closes_quote,
    lexicon_attribution,
    named_after_quote,
    named_subject,
    open_quotations,
    part_attribution,
    points_back,
    resumes_quote,
    says_it_back,
    usable_speaker,
)
from summarizer.extract.consequences import detect_consequences
from summarizer.extract.event_type import attack_told, settle_event_type
from summarizer.extract.figures import (
    Reading,
    adds_up,
    bare_count,
    counted_mention,
    indefinite_ones,
    is_partitive,
    own_verb_joined,
    read_description,
    read_figure,
    reading_value,
    realigned,
    refers_back,
    singular_counts,
)
from summarizer.extract.gapped import continues_list, list_outcome, opens_list
from summarizer.extract.places import (
    EVENT_WORDS,
    LOCAL_UNITS_EN,
    chained_places,
    containing_region,
    find_places,
    is_facility,
    is_namesake_town,
    is_region,
    not_a_name,
    place_candidates,
    region_name,
    trimmed_name,
    unit_places,
)
from summarizer.extract.regions import (
    covers,
    first_level_words,
    gazetteer_name,
    known_regions,
    listed_with_regions,
    other_country_named,
    own_name,
    region_country,
    region_in_lead,
    region_spellings,
    regions_named,
)
from summarizer.extract.rollups import compute_rollups
from summarizer.extract.statements import read_statements
from summarizer.extract.tolls_told import unsupported_tolls
from summarizer.files.cache import ResultCache, cache_key
from summarizer.files.inputs import article_id, check_text
from summarizer.lang import (
    FORCES,
    Language,
    Lexicon,
    aboard_near,
    after_agent,
    among_whole,
    counts_harm_together,
    counts_others,
    defines,
    detect_language,
    english,
    fallback_lexicon,
    is_about_harm,
    lexicons_hash,
    mishap_or_attack,
    names_explosion,
    names_group,
    names_natural_hazard,
    outcome_near,
    outcomes_named,
    own_group,
    own_harm,
    per_lexicon,
    stray_script,
    strip_stray_script,
    tells_of_harm,
    unharmed_near,
)
from summarizer.llm import prompts
from summarizer.llm.client import Fault, article_scope, call_model, mend
from summarizer.llm.passes import (
    MAX_FIGURES_PER_PASS,
    SUMMARY_CHARS,
    OverviewAnswer,
    PassModel,
    StatementAnswer,
    described_form,
    token_budget,
)
from summarizer.text.calendar import WEEKDAY_PATTERN_TITLE
from summarizer.text.dates import Header, first_weekday, ground_date, read_header, resolve_day
from summarizer.text.grounding import locate, span
from summarizer.text.names import (
    acronyms_in_text,
    canonical_country,
    figure_status,
    fold,
    is_country_name,
    is_demonym,
    same_actor,
    same_place,
    source_kind,
)
from summarizer.text.parse import (
    NumberMention,
    Sentence,
    breakdown_flags,
    counts_things,
    ends_sentence,
    ends_statement,
    find_numbers,
    is_dateline,
    may_count_one,
    paragraph_span,
    split_sentences,
    stated_values,
)
from summarizer.text.transliterate import (
    countries_named,
    locate_transliterated,
    locate_variant,
    names_country,
    similar_countries,
)
from summarizer.text.unnamed import is_group_name, unnamed_days, unnamed_names
from summarizer.text.windows import LEAD_SENTENCES, other_period, window_near

A = TypeVar("A", bound=PassModel)

_WEEKDAY = re.compile(rf"\b{WEEKDAY_PATTERN_TITLE}\b")  # 'Friday', written with its capital
_ON_WEEKDAY = re.compile(rf"\b(?:on\s+)?{WEEKDAY_PATTERN_TITLE}\b")
MAX_COUNT_QUESTIONS = 6  # sentences about harm without a number asked about per article
MAX_COUNTED = 20  # a count read without a numeral above this is a misreading
# the figures prompt's examples of a description: an answer that copies one for a number of another value is re-asked
FIGURE_EXAMPLES = ("26 people killed", "3 police officers injured", "20 migrants missing", "2 suspects arrested",
                   "40 soldiers killed", "12 prisoners escaped")
DATE_LINE_WORDS = 8  # a line this short holding the date the model took is the page's date line, not the story
GENERIC_GROUP: Group = "people"  # the group of a count that names nobody more precisely
RESERVED_TOKENS = 1800  # pass instructions + the longest answer, on top of the article
_STATEMENT_LABELS: dict[str, str] = {
    "claim_of_responsibility": "a claim of responsibility",
    "accusation": "an accusation",
    "denial": "a denial",
    "condemnation": "a condemnation",
    "other": "a statement",
}


# Bumped by hand when extraction changes in a way the hashes below cannot see (e.g. a changed library's behaviour).
EXTRACTOR_VERSION = "2"
# The layers that read an article (everything else presents, stores or scores summaries): an edit here is never
# served from the result cache; an edit elsewhere keeps it.
_EXTRACTION = ("pipeline.py", "contract/event.py", "lang/", "text/", "extract/", "llm/", "backends/")


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Extractor version, the extraction layers' code and the lexicons: a change in how text is read is a new key."""
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if not name.startswith(_EXTRACTION):
            continue
        digest.update(name.encode())
        digest.update(path.read_bytes())
    digest.update(lexicons_hash())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def schema_hash() -> str:
    blob = json.dumps(EventSummary.model_json_schema(), sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


@dataclass
class Candidate:
    """A count found by code: the number mention, who was counted and what happened to them.

    `sure` when code read group and outcome unambiguously; otherwise the model decides them (and the source, `by`).
    """

    mention: NumberMention
    group: Group | None
    outcome: Outcome | None
    sure: bool = False
    by: str | None = None
    borrowed: bool = False  # code's group is one named earlier in the sentence, not the number's own noun

    @property
    def sentence(self) -> int:
        return self.mention.sentence.index


@dataclass
class _Run:
    text: str
    sentences: list[Sentence]
    header: Header
    prefix: list[dict[str, Any]]
    records: list[PassRecord] = field(default_factory=list)
    dropped: list[DroppedItem] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    language: Language = field(default_factory=lambda: detect_language(""))
    warnings: list[str] = field(default_factory=list)
    parts: dict[str, set[int]] = field(default_factory=dict)  # per outcome, the numbers of breakdowns left out

    def sentence_at(self, position: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= position < s.end:
                return s
        return None

    def sentence(self, index: int) -> Sentence | None:
        return self.sentences[index - 1] if 1 <= index <= len(self.sentences) else None

    @cached_property
    def place_candidates(self) -> list[str]:
        """The phrases code offers as the article's places (`places.place_candidates`), read once per article."""
        lx = self.language.lexicon
        return place_candidates(self.sentences, lx, lambda t: tells_of_harm(t, lx)) if lx is not None else []

    @cached_property
    def stated_values(self) -> set[int]:
        """Every number the article states (counts, and every run of digits)."""
        return stated_values(self.text)

    @cached_property
    def told_values(self) -> set[int]:
        """The numbers a headline or summary may tell: every number the article states, and 1 where an indefinite
        article may count one ('एक व्यक्ति की मौत', 'Ein Mann wurde getötet': 'one person died' invents nothing)."""
        return self.stated_values | ({1} if may_count_one(self.text) else set())

    def drop(self, kind: str, reason: str, content: str) -> None:
        self.dropped.append(DroppedItem(kind=kind, reason=reason, content=content[:300]))

    @cached_property
    def said_by(self) -> dict[int, str | None]:
        """The speaker code reads in each sentence, read once per article ('he said' is the last named speaker);
        fills `speakers` in order."""
        lx = self.language.lexicon
        out: dict[int, str | None] = {}
        inside = open_quotations([s.text for s in self.sentences])  # a quotation left open before each sentence
        opener: int | None = None  # the sentence that opened the quotation open now
        person: str | None = None  # a name a sentence opened with since the last speaker ('he said' may mean it)
        for sentence, continued in zip(self.sentences, inside, strict=True):
            if lx is not None and not lx.code_reader:
                who = lexicon_attribution(sentence.text, lx)
                if who is not None and who.casefold() in lx.source_pronouns:  # 'उन्होंने बताया': said before
                    who = self.speakers[-1] if self.speakers else None
            else:
                who = attribution(sentence, self.speakers, person)
                if who is not None or not continued:
                    person = None if who is not None else named_subject(sentence.text) or person
            before = self.sentence(sentence.index - 1)
            if who is None and continued and opener is not None:
                who = out.get(opener)  # a later sentence of a quotation: its opener's speaker
            elif who is None and before is not None and resumes_quote(before.text, sentence.text):
                who = out.get(before.index)  # a quotation right after the same speaker's
            elif who is not None and (
                    (continued and named_after_quote(sentence.text, who))
                    or (before is not None and lx is not None and closes_quote(before.text)
                        and points_back(sentence.text, lx))):
                # '“Thirty people died. Many more are hurt,” the governor said.', '“...”. Così il sindaco.': the
                # speaker named after a quotation gave its earlier sentences too
                for earlier in range(sentence.index - 1, 0, -1):
                    out[earlier] = out.get(earlier) or who
                    if not inside[earlier - 1]:
                        break
            if who is not None:
                self.speakers.append(who)
            if not continued:
                opener = sentence.index
            out[sentence.index] = who
        return out

    def speaker_before(self, index: int) -> str | None:
        """The last speaker code read in the sentences before sentence `index` (`said_by`): whom a pronoun speaker
        there ('he said', 'उन्होंने बताया', 'a-t-il indiqué') means; None when no one spoke before it."""
        return next((who for i, who in sorted(self.said_by.items(), reverse=True) if i < index and who), None)


class Summarizer:
    """Summarize articles with one backend. Never prints, never exits: errors are SummarizerError subclasses."""

    def __init__(self, backend: Backend, *, cache: ResultCache | None = None, reask: bool = True,
                 summary_language: str = "en") -> None:
        """`summary_language`: "en" writes headline and summary in English; "article" keeps the article's language
        (when the model reads it). Quotes, names and evidence always stay as written."""
        self.backend = backend
        self.cache = cache
        self.reask = reask
        self.summary_language = summary_language

    @property
    def fingerprint(self) -> str:
        parts = [prompts.prompts_hash(), SCHEMA_VERSION, schema_hash(), code_hash(), self.backend.info.fingerprint(),
                 f"reask={self.reask}", f"summary_language={self.summary_language}"]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]

    def summarize_cached(self, text: str, *, name: str | None = None) -> tuple[EventSummary, bool]:
        """(summary, came_from_cache). An unchanged article, prompt, schema and model is not sent again."""
        text = check_text(text, name or "<text>")
        key = cache_key(text, self.fingerprint)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                return hit, True
        with article_scope(name):  # the per-article deadline; input errors name the article
            summary = self._summarize(text)
        if self.cache is not None:
            self.cache.put(key, summary)
        return summary, False

    def summarize(self, text: str, *, name: str | None = None) -> EventSummary:
        return self.summarize_cached(text, name=name)[0]

    # -- passes ---------------------------------------------------------------------------------------------

    def _ask(self, run: _Run, name: str, model: type[A], max_tokens: int,
             problems_of: Callable[[A], list[str]], **variables: Any) -> A:
        """One pass. `problems_of` is its grounding check, run as the form's validator: an answer holding items the
        article does not support is re-asked once by instructor (see `llm.client.call_model`)."""
        messages = _pass_messages(run, name, **variables)
        answer, record, _ = call_model(self.backend, name, messages, model, max_tokens=max_tokens,
                                       check=problems_of if self.reask else None)
        run.records.append(record)
        return answer

    def _overview(self, run: _Run, writing: str) -> OverviewAnswer:
        """The overview pass. An answer whose event type is at fault (a type that contradicts on_purpose, harm
        nobody meant in an article that opens with an attack) is re-asked whole by instructor, as every pass is:
        the type is judged with the headline and summary written beside it (asked alone, the small model turned a
        mine explosion into remote violence). Any other field at fault (an invented place, a region that is not in
        the article, a number the headline invents) is asked again alone (`llm.client.mend`), so the headline and
        summary are written again only when they are at fault."""
        messages = _pass_messages(run, "overview", language=writing)
        faults: list[Fault] = []  # the faults of the answer last checked: the one returned
        whole = False

        def typed_wrong(answer: OverviewAnswer) -> list[str]:
            nonlocal faults, whole
            faults = self._overview_problems(run, answer, writing)
            if not any(field in _JUDGED_WHOLE for field, _ in faults):
                return []
            whole = True
            return list(dict.fromkeys(problem for _, problem in faults))

        answer, record, raw = call_model(self.backend, "overview", messages, OverviewAnswer, max_tokens=400,
                                         check=typed_wrong if self.reask else None)
        run.records.append(record)
        if not self.reask:
            return answer
        if whole:
            faults = []  # re-asked whole already: what is still wrong is dropped, not asked a third time
        choices: tuple[str, ...] = ()
        lx = run.language.lexicon
        if lx is not None and lx.locatives:
            # a script without capitals: the model writes English names of its own ('Kabul') for places it cannot
            # read, so its places are asked again as a choice among the phrases code finds before a locative; in
            # one with capitals, a model that gives no place the article writes ('à Kaboul'; a building, 'Teatre
            # nightclub'; a name with the event in it) chooses among the names after a locative
            grounded = [p for p in answer.places if _kept_place(run, p)]
            if not lx.spaced or not grounded:  # with capitals, a model that gave a place may name others freely
                choices = tuple(dict.fromkeys([*grounded, *run.place_candidates]))
            if choices and not grounded and all(field != "places" for field, _ in faults):
                faults.append(("places", "no place is given as the article writes it"))
        if faults:
            first = answer
            answer = mend(self.backend, "overview", messages, answer, raw, faults, record, max_tokens=400,
                          choices=(("places", choices),) if choices else ())
            if any(field == "places" for field, _ in faults):
                # the places the first answer got right stay: asked again for the wrong ones, the model dropped
                # right ones too (dev 200: 'Champerico' lost while 'Mexico' was mended)
                kept = [p for p in first.places if _kept_place(run, p)]
                answer = answer.model_copy(update={"places": list(dict.fromkeys([*kept, *answer.places]))})
        return answer

    def _summarize(self, text: str) -> EventSummary:
        sentences = split_sentences(text)
        language = detect_language(text)
        header = read_header(text, lx=language.lexicon)
        system = prompts.render("system")
        article_block = prompts.render("article", sentences=sentences)
        self._check_length(system + article_block)
        prefix = [{"role": "system", "content": system}, {"role": "user", "content": article_block}]
        run = _Run(text, sentences, header, prefix, language=language)
        if not run.language.supported:
            run.warnings.append(
                f"language not read: {run.language.name}; only numbers written in digits were considered, and "
                "the model may misread them")

        writing = run.language.name if self.summary_language == "article" and run.language.supported else "English"
        overview = self._overview(run, writing)
        overview = overview.model_copy(update={
            "headline": strip_stray_script(overview.headline, writing, text),
            "summary": strip_stray_script(finished(overview.summary), writing, text)})
        where = self._where(run, overview)
        known = acronyms_in_text(text)
        statements = self._statements(run, known)
        claimants = [s.actor for s in statements if s.kind == "claim_of_responsibility"]
        claimants += [name for short, long in known.items() for c in list(claimants)
                      if fold(long) in fold(c) or re.search(rf"\b{re.escape(short)}\b", c) for name in (short, long)]
        candidates = self._candidates(run)
        self._decide(run, candidates)
        candidates = sorted([*candidates, *self._counted(run, candidates)], key=lambda c: c.mention.start)
        casualties = self._casualties(run, candidates, where, claimants, known)
        actors = build_actors(run.text, statements, casualties, where, known, run.speakers, run.language.lexicon)
        statements = [s.model_copy(update={"actor": _canonical(s.actor, actors, known)}) for s in statements]
        consequences = detect_consequences(run.text, run.sentences, where)
        incidents = self._incidents(run, where, casualties, consequences)
        rollups = compute_rollups(casualties)
        when = self._when(run, overview)
        event_type = _event_type(run, overview.event_type)
        # code's own headline and summary, where the model's are dropped, tell the settled type
        overview = overview.model_copy(update={"event_type": event_type})
        headline, summary = self._texts(run, overview, where, casualties, rollups, writing)

        records = run.records
        provenance = Provenance(
            backend=self.backend.info.name, model=self.backend.info.model, prompt_hash=prompts.prompts_hash(),
            schema_hash=schema_hash(), prompt_tokens=sum(r.prompt_tokens for r in records),
            completion_tokens=sum(r.completion_tokens for r in records),
            latency_s=round(sum(r.latency_s for r in records), 3), retries=sum(r.retries for r in records),
            passes=records, dropped=run.dropped, warnings=run.warnings,
        )
        return EventSummary(
            article=ArticleMeta(id=article_id(text), title=header.title, outlet=header.outlet,
                                dateline=header.dateline, published=header.published, chars=len(text),
                                language=run.language.code),
            headline=headline, summary=summary, event_type=event_type, when=when, where=where,
            actors=actors, casualties=casualties, incidents=incidents, statements=statements,
            consequences=consequences, rollups=rollups, provenance=provenance,
        )

    def _check_length(self, prompt: str) -> None:
        limit = self.backend.info.context_tokens
        if limit is None:
            return
        tokens = self.backend.count_tokens(prompt)
        if tokens + RESERVED_TOKENS > limit:
            raise ArticleTooLongError(
                f"article is too long for {self.backend.info.name}: about {tokens} tokens, the limit is "
                f"{limit - RESERVED_TOKENS} (context {limit}); split it or use a larger-context backend",
                tokens=tokens, limit=limit - RESERVED_TOKENS)

    # -- problems (what the re-ask is told) -----------------------------------------------------------------

    def _overview_problems(self, run: _Run, answer: OverviewAnswer, writing: str) -> list[Fault]:
        """(field, what is wrong with it) for every field of the overview answer the article does not support."""
        problems: list[Fault] = [("places", problem) for p in answer.places if (problem := _place_problem(run, p))]
        if answer.country.strip() and not self._country_ok(answer.country):
            problems.append(("country", f'country "{answer.country}" is not a country: give the country\'s English '
                                        'name, or "" if the article does not tell'))
        if any(_region_part_missing(run.text, part) for part in _region_parts(answer.region)):
            problems.append(("region", f'region "{answer.region}" does not appear in the article'))
        accidental = answer.event_type in ACCIDENTAL_TYPES
        mishap, attack = mishap_or_attack(_lead(run), run.language.lexicon)
        if accidental and attack is not None and mishap is None and not names_natural_hazard(_lead(run),
                                                                                            run.language.lexicon):
            problems += [(f, f'event_type "{answer.event_type}" is harm nobody meant, but the article opens with an '
                             f'attack ("{attack}") and no accident: harm done on purpose is one of the other types')
                         for f in ("on_purpose", "event_type")]
        if answer.event_type == "explosion_remote_violence" and not names_explosion(_lead(run), run.language.lexicon) \
                and _event_type(run, answer.event_type) == answer.event_type:
            # 'Ocho personas murieron a tiros ... en un autobús' typed as remote violence: nothing exploded (a lead
            # naming a mishap or a hazard settles the type without asking)
            problems.append(("event_type", 'event_type "explosion_remote_violence" is for bombs, blasts, shelling, air '
                                           'or drone strikes and mines, and the article opens with none of them: '
                                           'choose the type of what it tells'))
        if answer.event_type != "other" and accidental != (answer.on_purpose == "no"):
            problems += [(f, f'event_type "{answer.event_type}" does not fit on_purpose "{answer.on_purpose}": harm '
                             'nobody meant is "accident" or "disaster", harm done on purpose is one of the others')
                         for f in ("on_purpose", "event_type")]
        for label, value in (("headline", answer.headline), ("summary", finished(answer.summary))):
            stray = stray_script(value, writing, run.text)
            if stray:
                problems.append((label, f"the {label} must be in {writing} only; it contains {', '.join(stray[:5])}"))
            made_up = _invented(value, run.told_values)
            if made_up:  # 'on March 3rd', 'since the 19th century': a date or number the article never gives
                numbers = ", ".join(map(str, made_up[:5]))
                problems.append((label, f"the {label} has numbers the article does not state: {numbers}; use only "
                                        "the article's numbers and dates"))
            elsewhere = _unnamed_regions(value, run.text, answer.region)
            if elsewhere:  # 'Mumbai, Maharashtra' for a boat that capsized in Varanasi
                problems.append((label, f"the {label} names {', '.join(elsewhere)}, which the article does not "
                                        "name; use only the article's places"))
            strangers = unnamed_names(value, run.text, answer.country)
            if strangers:  # '9 Afghans Killed in Bombing of Hospital' over an Urdu report of a coach crash
                problems.append((label, f"the {label} names {', '.join(strangers)}, which the article does not "
                                        "name; tell only who and what the article tells"))
            days = unnamed_days(value, run.text, run.language.lexicon, run.header.published)
            if days:  # 'The accident happened on Tuesday.' over an article that names no day
                problems.append((label, f"the {label} names {', '.join(days)}, a day the article does not give; leave "
                                        "out what the article does not tell"))
            attack = attack_told(value, _lead(run), run.language.lexicon, _event_type(run, answer.event_type))
            if attack:  # '26 People Killed in Mumbai Massacre' over a Hindi report of a bus fire
                problems.append((label, f'the {label} tells of an attack ("{attack}"), but the article tells of harm '
                                        "nobody meant and no attack; tell what the article tells"))
        other = _other_language([answer.headline, finished(answer.summary)], writing)
        if other:  # 'Tragödie in Burgrain: 44 Menschen verletzt' over a German article: same script, other language
            problems += [(label, f"the {label} must be in {writing}; it is written in {other.name}: translate it into "
                                 f"{writing}, keeping names as written") for label in ("headline", "summary")]
        own = _translated_from(run, writing)
        if not other and own is not None:
            # the article's own headline, too short for its language to be told: copied, it is in that language
            problems += [(label, f"the {label} must be in {writing}; it copies the article's words in {own.name}: "
                                 f"translate it into {writing}, keeping names as written")
                         for label, value in (("headline", answer.headline), ("summary", finished(answer.summary)))
                         if _copied(run.text, value, own)]
        return problems

    @staticmethod
    def _country_ok(country: str) -> bool:
        """A country's name ('Cundinamarca' is a department of Colombia; the article may name only its cities)."""
        return is_country_name(canonical_country(country))

    # -- assembling -----------------------------------------------------------------------------------------

    def _candidates(self, run: _Run) -> list[Candidate]:
        """Every count in a sentence about harm: number and qualifier by code; group and outcome by code where it
        is sure (a language with a code reader), otherwise left for the model (`_decide`)."""
        lx = run.language.lexicon
        mentions = find_numbers(run.text, run.sentences, lx or fallback_lexicon())
        flags = breakdown_flags(run.text, mentions) if lx is not None and lx.code_reader else [False] * len(mentions)
        out: list[Candidate] = []
        seen_lines: set[str] = set()
        previous: Candidate | None = None
        for mention, breakdown in zip(mentions, flags, strict=True):
            if breakdown:
                run.drop("figure", "part of a breakdown of a figure already given", mention.raw_text)
                part = outcome_near(run.text, mention.raw_start, mention.end, lx) if lx is not None else None
                if part is not None and mention.value is not None:  # a summary may tell it ('61 wounded by gunfire')
                    run.parts.setdefault(part, set()).add(mention.value)
                continue
            if run.language.lexicon is not None and not is_about_harm(mention.sentence.text):
                continue
            if defines(mention.sentence.text, lx):  # 'The archive defines a mass shooting as ... four dead'
                run.drop("figure", "a definition, not a count of this event", mention.raw_text)
                continue
            if lx is not None and mention.value is None and is_partitive(run.text, mention.end, lx):
                run.drop("figure", "a part of people counted elsewhere", mention.raw_text)  # 'varios de los muertos'
                continue
            if counts_harm_together(run.text, mention.end, lx):  # 'More than 20 people killed and wounded'
                run.drop("figure", "counts the harmed of two kinds together", mention.raw_text)
                continue
            if lx is not None and (thing := counts_things(run.text, mention, lx)) is not None:
                run.drop("figure", f"counts {thing}, not people", mention.raw_text)  # 'Two attacks last week ...'
                continue
            line = mention.sentence.text
            if line in seen_lines and all(c.sentence != mention.sentence.index for c in out):
                continue  # a repeated headline line
            seen_lines.add(line)
            if lx is None or not lx.code_reader:
                out.append(Candidate(mention, None, None, sure=False))
                continue
            reading = read_figure(run.text, mention)
            group, outcome = reading.group, reading.outcome
            if group is not None and outcome is None and previous is not None \
                    and previous.mention.sentence is mention.sentence \
                    and re.fullmatch(r"[^.;:]{0,40}?(?:,|\band\b|as well as)[^.;:]{0,30}",
                                     run.text[previous.mention.end : mention.raw_start]) \
                    and not re.search(r"\b(?:said|told|according)\b", run.text[previous.mention.end : mention.end]) \
                    and not own_verb_joined(run.text, previous.mention.end, mention.raw_start):
                outcome = previous.outcome  # '10 police ... as well as 11 civilians': the list shares its verb
            candidate = Candidate(mention, group, outcome, sure=reading.sure and group is not None
                                  and outcome is not None, borrowed=reading.borrowed)
            out.append(candidate)
            if candidate.group is not None and candidate.outcome is not None:
                previous = candidate
        if lx is not None:
            out += self._one_person(run, mentions, lx)
        return sorted(out, key=lambda c: c.mention.start)

    @staticmethod
    def _one_person(run: _Run, mentions: list[NumberMention], lx: Lexicon) -> list[Candidate]:
        """One person counted without a numeral: where code reads it plainly, in a language with a code reader
        ('The gunman ... died'); elsewhere an indefinite article before a harm word, for the model to read ('Ein Mann
        wurde getötet'), outside definitions."""
        out: list[Candidate] = []
        seen: set[str] = set()
        for sentence in run.sentences:
            if sentence.text in seen or not is_about_harm(sentence.text):
                continue
            seen.add(sentence.text)
            numbers = [m for m in mentions if m.sentence is sentence]
            if lx.code_reader:
                out += [Candidate(mention, reading.group, reading.outcome, sure=True)
                        for mention, reading in singular_counts(run.text, sentence, numbers)]
            elif not defines(sentence.text, lx):
                out += [Candidate(m, None, None, sure=False) for m in indefinite_ones(run.text, sentence, numbers, lx)]
        return out

    def _decide(self, run: _Run, candidates: list[Candidate]) -> None:
        """The model decides group, outcome and source of every candidate code is not sure of, and the source of
        every figure code is sure of whose sentence names none (the speaker is often in the sentence before or
        after: 'X said on Friday.' then the figures)."""
        sourced = _figure_sources(run, {c.sentence for c in candidates})
        lx = run.language.lexicon
        aboard = {id(c) for c in candidates if not c.sure and aboard_near(run.text, c.mention.raw_start,
                                                                            c.mention.end, lx)}
        doers = {id(c) for c in candidates if not c.sure and after_agent(run.text, c.mention.raw_start, c.mention.end,
                                                                         lx)}
        wholes = {id(c) for c in candidates if among_whole(run.text, c.mention.raw_start, c.mention.end, lx)}
        unharmed = aboard | doers | wholes | {id(c) for c in candidates if not c.sure and unharmed_near(
            run.text, c.mention.raw_start, c.mention.end, lx)}
        for cand in (c for c in candidates if id(c) in unharmed):  # '8 passengers were rescued', 'indemnes'
            cand.group = cand.outcome = None
            run.drop("figure", "counts the people on board or gathered, not people harmed" if id(cand) in aboard
                     else "counts a whole, some of whom were harmed ('among its 200 passengers')" if id(cand) in wholes
                     else "counts who did it ('atacada por dos hombres')" if id(cand) in doers
                     else "the words beside it say they came to no harm", cand.mention.raw_text)
        asked = [c for c in candidates if id(c) not in unharmed and (not c.sure or sourced.get(c.sentence) is None)]
        unread: list[tuple[Candidate, str, str | None]] = []  # what the model's answer and code's words leave unread
        opening, closing = _number_marks(run.text)
        for first in range(0, len(asked), MAX_FIGURES_PER_PASS):
            batch = asked[first : first + MAX_FIGURES_PER_PASS]
            answers = self._describe(run, "figures", "F", len(batch), values=[c.mention.value for c in batch],
                                     examples=FIGURE_EXAMPLES, opening=opening, closing=closing,
                                     candidates=[_snippet(run.text, c.mention) for c in batch])
            stated_by = [_stated(d) for d, _, _ in answers]  # the number each answer states
            order = realigned([c.mention.value for c in batch], stated_by,
                              [d.casefold() in ("", "none") for d, _, _ in answers])
            none = ("none", read_description("none"), None, None)
            moved = [(*answers[j], stated_by[j]) if j is not None else none for j in order]
            for cand, (description, reading, by, stated) in zip(batch, moved, strict=True):
                if cand.sure:  # code read group and outcome; only the source was asked
                    cand.by = by
                    continue
                m = cand.mention
                near = outcome_near(run.text, m.raw_start, m.end, lx)  # a harm word next to it (and its qualifier)
                if reading.outcome is None and cand.borrowed and near is not None and cand.outcome == near:
                    # '25 people were killed and 35 have been severely injured': an answer that reads no harm
                    # ("none", or no description at all) does not overrule the harm word beside a number without a
                    # noun of its own; they count as the group code borrowed from before it ('Thirty gunmen were
                    # killed in Harnai, while 11 were killed in Panjgur'), else as people. A number with its own
                    # noun is the model's to judge ('Five soldiers killed 3 militants': 5 is "none").
                    cand.group, cand.by = cand.group or GENERIC_GROUP, by
                    continue
                # '1' alone, or the number as the article writes it ('Elf'): a count, nothing of the harm
                numeral = _NUMERAL_ONLY.fullmatch(description.strip()) is not None
                if not numeral and description.strip().casefold() == m.raw_text.casefold():
                    numeral, stated = True, m.value
                if stated is not None and m.value is not None and stated != m.value:
                    together = [c.mention.value for c in candidates if c is not cand and c.mention.value
                                and c.mention.sentence is m.sentence]
                    if reading.outcome is not None and adds_up(stated, m.value, together):
                        # the model added up counts that share its verb ('Two soldiers and one interpreter were
                        # killed' -> '3 people killed'): what happened is its answer; who, code's reading or people
                        reading = Reading(cand.group or GENERIC_GROUP, reading.outcome, None)
                    elif stated in run.stated_values or reading.outcome is None \
                            or reading.outcome not in outcomes_named(m.sentence.text, lx):
                        # the model described another number: keep only what code can tell. A number the article
                        # never states is a misread count ('4 people killed' for 'Au moins quatorze personnes, dont
                        # un supplétif ..., ont été tuées'): what happened, where the sentence's words name it, stays
                        own = near or outcome_near(run.text, m.raw_start, m.end, lx, words_after=BARE_REACH,
                                                   words_before=0)
                        reading = Reading(GENERIC_GROUP, own, None) if own else Reading(None, None, None)
                    else:
                        # ... and where the number's own clause names one, it is that ('3 police officers injured',
                        # the prompt's example, for 'Au moins 10 soldats nigérians ont été tués et neuf autres
                        # blessés'); who is code's reading, not the misread answer's
                        own = outcome_near(run.text, m.raw_start, m.end, lx, words_after=BARE_REACH,
                                           words_before=0)
                        reading = Reading(cand.group or GENERIC_GROUP, own or reading.outcome, None)
                group = reading.group if reading.group is not None or description.casefold() == "none" else None
                # the article's own words copied back where the description is not English: code has no reader
                # for them; in English the reader has read them already ('Resulting in Dozens of Casualties')
                echoed = (lx is None or not lx.code_reader) and len(description.split()) > 1 \
                    and locate(run.text, description) is not None
                if group is None and description.casefold() != "none" and near is not None \
                        and (stated is not None or echoed
                             or (lx is not None and not lx.code_reader
                                 and _NUMBER_IN.search(description) is None
                                 and outcomes_named(description, english()) == {near})):
                    # '48 people', or the article's own words copied ('tre i colleghi deceduti'), with its harm word
                    # beside the number in the article; or, in another language, English words without a number that
                    # name the same harm ('decades of people missing' for 'decine i dispersi')
                    group = GENERIC_GROUP
                elif group is None and reading.outcome is None \
                        and (own := own_harm(run.text, m.raw_start, m.raw_end, lx)) is not None:
                    # '10 زخمیوں', '20 muertos', '11 personnes tuées': the number's own noun names the harm; so does a
                    # harm word set off by commas after it ('cinq autres, blessées, sont prises en charge')
                    group, near = GENERIC_GROUP, near or own
                outcome = near or reading.outcome
                who = None
                if group is None and outcome is None and stated == m.value:
                    # '4 people', or the number alone ('1' for 'At least one person has been killed'): who it counts,
                    # and nothing of what happened
                    who = cand.group or GENERIC_GROUP if numeral else bare_count(description)
                    if who is None and (lx is None or not lx.code_reader) and _noun_in(m.sentence, description):
                        who = GENERIC_GROUP  # '5 policiais militares': who, in the article's own words
                if who is not None:
                    # '4 people' for 'Quatre jeunes hommes ont été tués': who, and not what happened; a harm word
                    # after the number in its clause tells that ('four officials told Reuters' has none)
                    later = (outcome_near(run.text, m.raw_start, m.end, lx, words_after=BARE_REACH, words_before=0)
                             or _harm_after_noun(run, m.sentence, description))
                    group, outcome = (who, later) if later is not None else (None, None)
                named = outcomes_named(m.sentence.text, lx) if near is None and outcome is not None else set()
                if len(named) == 1 and outcome not in named:
                    # the sentence names one outcome and the answer another ('20 pilgrims were injured, two of them
                    # seriously': 2 is not killed): the sentence's words stand
                    outcome = next(iter(named))
                if group is None or outcome is None:
                    cand.group = cand.outcome = None
                    unread.append((cand, description, by))
                    continue
                if group != GENERIC_GROUP and lx is not None and not lx.code_reader \
                        and names_group(_without_sources(m, (by, sourced.get(cand.sentence))), group,
                                        lx) is False:
                    # '40 soldiers killed' for 'جاں بحق افراد کی تعداد 40', a sentence naming no soldier (nor police:
                    # its source is not counted): the group is the model's guess, not the article's; the number's own
                    # noun says who, else people
                    group = GENERIC_GROUP
                if group != GENERIC_GROUP and lx is not None and not lx.code_reader \
                        and _plain_people(run.text, m, lx) and own_group(run.text, m.raw_start, m.raw_end, lx) is None:
                    # 'dejó dos personas muertas y tres heridos, entre ellos dos policías': the two dead are people;
                    # the police the sentence names are another number's
                    group = GENERIC_GROUP
                if group == GENERIC_GROUP and lx is not None and not lx.code_reader:
                    group = _group_named(run.text, cand, candidates, lx) or group
                if group == GENERIC_GROUP and cand.borrowed and cand.group is not None and outcome == cand.outcome:
                    # 'Thirty gunmen were killed in Harnai, while 11 were killed in Panjgur', 'troops suffered six
                    # dead': a number without a noun of its own, that the model reads as plain people and as code
                    # does otherwise, counts the group named before it
                    group = cand.group
                cand.group, cand.outcome, cand.by = group, outcome, by
        verb_last = lx is not None and lx.verb_last
        for cand, description, by in sorted(unread, key=lambda u: u[0].mention.start, reverse=verb_last):
            sibling = _list_sibling(run, cand, candidates)
            if sibling is not None:  # '34 personnel were injured in Lahore, 48 in Attock': one harm word for all
                cand.group, cand.outcome, cand.by = sibling.group, sibling.outcome, by or sibling.by
                continue
            m = cand.mention
            shared = list_outcome(run.text, (m.sentence.start, m.sentence.end),
                                  [(c.mention.raw_start, c.mention.raw_end) for c in candidates
                                   if c.mention.sentence is m.sentence], m.raw_start, m.raw_end, lx)
            if shared is not None and lx is not None:  # 'três senegaleses, dois bissau-guineenses e um serra-leonês
                # morreram': the list's verb, and who the item's own words say
                cand.group = _group_named(run.text, cand, candidates, lx) or GENERIC_GROUP
                cand.outcome, cand.by = shared, by
                continue
            run.drop("figure", f"the model read it as not counting people harmed ({description!r})",
                     cand.mention.raw_text)
        for cand in candidates:
            if cand.outcome is not None and _outcome_of_another_clause(run, cand, candidates):
                cand.group = cand.outcome = None
                run.drop("figure", "a count without a number whose sentence gives what happened to a number in "
                                   "another clause" if cand.mention.value is None else "what happened is told of "
                                   "another number of the sentence, the object of its harm word", cand.mention.raw_text)
            elif cand.outcome is not None and _outcome_of_its_part(run, cand, candidates):
                cand.group = cand.outcome = None
                run.drop("figure", "what happened is told of a part of it, not of the whole count ('15 ont été "
                                   "retrouvés dont 1 mort')", cand.mention.raw_text)

    def _counted(self, run: _Run, candidates: list[Candidate]) -> list[Candidate]:
        """People counted without a numeral ('the gunman was also killed'): the model counts, in the sentences about
        harm that hold no number."""
        numbered = {c.mention.sentence.index for c in candidates}
        seen: set[str] = set()
        questions: list[Sentence] = []
        for sentence in run.sentences:
            if sentence.index in numbered or sentence.text in seen or not is_about_harm(sentence.text) \
                    or len(sentence.text) < 20:
                continue
            seen.add(sentence.text)
            questions.append(sentence)
        questions = questions[:MAX_COUNT_QUESTIONS]
        if not questions:
            return []
        answers = self._describe(run, "counts", "N", len(questions),
                                 sentences=[{"index": q.index, "text": _clip(q.text, 260)} for q in questions])
        found: list[Candidate] = []
        lx = run.language.lexicon
        for sentence, (description, reading, by) in zip(questions, answers, strict=True):
            value = reading_value(description)
            if reading.group is None and reading.outcome is None and value \
                    and len(named := outcomes_named(sentence.text, lx)) == 1:
                # 'one adult' for 'una adulta mayor, única habitante de la casa, perdió la vida': who, and not what
                # happened, which the sentence names once
                reading = Reading(GENERIC_GROUP, next(iter(named)), description.split()[-1])
            if reading.group is None or reading.outcome is None or not value or value > MAX_COUNTED:
                continue
            # the noun of the count: the group's word, else the answer's words between its number and its outcome
            # ('1 man killed' for 'A man was killed ...')
            noun = reading.group_text or " ".join(description.split()[1:-1])
            mention = counted_mention(run.text, sentence, value, noun)
            # a count that repeats a headline's figure is kept ('A man was killed ..., police said' under 'One Killed
            # as Gunfire Erupts'): the body's report is the one kept over the headline's (_drop_headline_repeats)
            if mention is None or any(c.outcome == reading.outcome and c.mention.value == value
                                      and not _is_heading(run, c.mention.sentence.text) for c in candidates):
                run.drop("figure", f"a count without a numeral that the sentence does not name or that repeats a "
                                   f"figure ({description!r})", sentence.text)
                continue
            found.append(Candidate(mention, reading.group, reading.outcome, sure=True, by=by))
        return found

    def _describe(self, run: _Run, name: str, prefix: str, count: int, *, values: list[int | None] | None = None,
                  examples: tuple[str, ...] = (), **variables: Any) -> list[tuple[str, Reading, str | None]]:
        """One described-form pass: per question (description, its reading, the grounded source or None). An answer
        that is one of the instructions' `examples` for a number of another value (`values`: each question's
        number) is re-asked with the others: the model copied the example ('3 police officers injured' for 'Au
        moins quatorze')."""
        form = described_form(count, prefix)
        echoes = {e.casefold() for e in examples}

        def problems(answer: PassModel) -> list[str]:
            found = [f'{prefix}{k} by "{by}" does not appear in the article' for k in range(1, count + 1)
                     if (by := _source_given(getattr(answer, f"{prefix}{k}_by"))) and locate(run.text, by) is None]
            for k in range(1, count + 1):
                description = str(getattr(answer, f"{prefix}{k}")).strip()
                if description.casefold() in echoes and values is not None and _stated(description) != values[k - 1]:
                    found.append(f'{prefix}{k} "{description}" is an example of the instructions, not what the '
                                 f'number shown in {prefix}{k} counts')
            return found

        answer = self._ask(run, name, form, token_budget(form), problems, examples=examples, **variables)
        out: list[tuple[str, Reading, str | None]] = []
        for k in range(1, count + 1):
            description = str(getattr(answer, f"{prefix}{k}")).strip()
            by = _source_given(getattr(answer, f"{prefix}{k}_by"))
            found = locate(run.text, by) if by else None
            if by and found is None:
                run.drop("source", "not found in the article", by)
            elif found is not None and is_dateline(run.text, found.quote):
                run.drop("source", "the article's dateline, not a source", by)
                found = None
            out.append((description, read_description(description), found.quote if found is not None else None))
        return out

    def _where(self, run: _Run, overview: OverviewAnswer) -> Where:
        country = canonical_country(overview.country.strip()) or None
        region = overview.region.strip() or None
        lx = run.language.lexicon
        extra: list[str] = []
        if country and not self._country_ok(country):
            run.drop("country", "not a country's name", country)
            known = gazetteer_name(country, None)
            if known is not None or (region is None and is_region(run.text, country, lx)):
                # 'Cundinamarca' given as the country: a region (the gazetteer's, or the article calls it one);
                # what the model gave as the region is then a place
                extra += [region] if region and known is not None else []
                region = known or country
            country = None
        if country and not names_country(run.text, country) and (other := other_country_named(run.text, country)):
            # the model's country, which the article does not name, and none of whose regions it names, while it names
            # another's ('اسلام آباد' for a crash the model placed in Afghanistan)
            run.drop("country", f"the article names none of its regions, and names {other}'s", country)
            country = other
        elif country and not names_country(run.text, country) and run.sentences \
                and len(lead := countries_named(run.sentences[0].text)) == 1 and similar_countries(country, lead[0]):
            # the model's country, which the article does not name, while its first sentence names one country of a
            # name like it ('l'armée nigérienne' is Niger's army, not Nigeria's)
            run.drop("country", f"the article does not name it, and its first sentence names {lead[0]}", country)
            country = lead[0]
        if region:  # 'Kullu district, Himachal Pradesh': the district is a place, the state the region
            parts = _region_parts(region)
            if any(_region_part_missing(run.text, part) for part in parts):
                run.drop("region", "not found in the article", region)
                parts = []
            local = [part for part in parts if _LOCAL_UNIT.search(part)]
            extra += [_LOCAL_UNIT.sub("", part).strip() for part in local]
            rest = [part for part in parts if part not in local]
            region = self._checked_region(run, rest[-1], country) if rest else None
            if rest and region is None and _told_as_place(run, rest[-1]):
                extra.append(rest[-1])  # 'the French city of Nice' given as the region: no region, a place
        # a name the model gives as both region and place is a place (a city is not a first-level region)
        # 'Kullu district, Himachal Pradesh' as one place is two names, each found (or not) in the article alone
        given = [trimmed_name(part, lx) for name in overview.places for part in _region_parts(name)]
        listed = {_bare(name) for name in overview.places if name.strip()}
        exclude = [x for x in (country, region) if x]
        found = unit_places(run.sentences, lx, exclude, lambda t: tells_of_harm(t, lx)) if lx is not None else []
        names = [*given, *extra, *find_places(run.sentences, exclude), *found]
        if lx is not None and not lx.spaced:  # 'जहानाबाद जिले के मखदुमपुर में': the model gave one of the two
            written = [run.text[s:e] for r in known_regions(region or "") for s, e in region_spellings(run.text, r)]
            names += chained_places(run.text, [*names, *written], run.place_candidates, lx)
        for name in [n for n in names if is_demonym(n)]:
            run.drop("place", "a country's adjective, not a place", name)
            names.remove(name)
        held: str | None = None
        if region is None:  # a place the article calls a state or province, or a region's own name, is the region
            region = next((own_name(n) or region_name(n, lx) for n in names
                           if n.strip() and (_called_region(run, n, country) or own_name(n))
                           and _written(run.text, n)), None)
        if region is None:  # else the region the article names first (the gazetteer's)
            region = self._named_region(run, country)
        if region is None:  # else the one place that holds the others ('Kullu district of Himachal Pradesh')
            region = held = containing_region(run.text, names)
        places: list[Place] = []
        for name in names:
            name = name.strip()
            if not name or (country and _bare(name) == _bare(country)):
                continue
            town = is_namesake_town(run.text, name, lx)  # 'Kaduna, Kaduna State': a place and the region's name
            if region and _bare(name) == _bare(region) and not town and (
                    _bare(name) not in listed or _called_region(run, name, country) or held is not None):
                continue
            if (is_country_name(name) or is_country_name(_DIRECTION.sub("", name))
                    or ((_called_region(run, name, country) or own_name(name)) and not town)
                    or (not town and listed_with_regions(run.text, name, country, lx.list_joiners if lx else ()))):
                run.drop("place", "a country, a part of it or a first-level region, not a place", name)
                continue
            if region and _bare(region).startswith(_bare(name) + " "):
                run.drop("place", "the start of the region's name, not a place", name)  # 'Agusan' of 'Agusan del Sur'
                continue
            if is_facility(name, lx):
                run.drop("place", "a building or site, not a place", name)  # 'San Francisco Doctor’s Hospital'
                continue
            if is_group_name(name):
                run.drop("place", "an armed group's name, not a place", name)  # 'liés à Al Qaïda'
                continue
            evidence, name, normalized = _found_place(run.text, name)
            if evidence is None:
                run.drop("place", "not found in the article", name)
                continue
            spelled = evidence.quote
            if (short := trimmed_name(spelled, lx)) != spelled and (named := locate(run.text, short)) is not None:
                evidence, spelled = named, named.quote  # 'Village in Hathras' found as 'village in Hathras': Hathras
            if (why := not_a_name(name, lx, spelled, run.text) or not_a_name(spelled, lx)) is not None:
                run.drop("place", why, name)  # 'village' beside 'Baniadih'; 'मामूली भगदड़' (a minor stampede)
                continue
            match = next((p for p in places if same_place(p.name, spelled) or _bare(p.name) == _bare(spelled)), None)
            if match is None:
                normalized = normalized or (spelled.title() if spelled.isupper() else spelled)
                places.append(Place(name=spelled, normalized=normalized, spellings=[spelled], evidence=evidence))
            elif spelled not in match.spellings:
                match.spellings.append(spelled)
        if region and not _called_region(run, region, country) and (
                (any(_bare(region) == _bare(p.name) for p in places) and not known_regions(region))
                or (country and re.search(rf"\b{re.escape(_bare(country))}\b", _bare(region)))
                or (is_country_name(region) and not known_regions(region))):  # 'Côte d'Ivoire' beside 'Ivory Coast'
            # a city given as the region as well as a place, the country itself or a part of it ('northern Iraq'); a
            # region a city shares its name with is both ('Murcia')
            run.drop("region", "a place or the country, not a first-level region", region)
            region = self._named_region(run, country)  # 'Burgrain' given as the region; the article names Bayern
        home = region_country(None, region) if region else None
        if home and home != country and country and names_country(run.text, country) \
                and not {r.name for r in known_regions(region or "")} & {r.name for _, r in regions_named(run.text)}:
            # 'the Delta city of Toukh' in an article naming Egypt: the name of Nigeria's Delta State, which the
            # article does not name as a region, does not move the event to Nigeria
            run.drop("region", f"a region of {home}, which the article does not name, while it names {country}",
                     region or "")
            region, home = None, None
        if home and home != country:  # the region the article names is in one country ('Khyber Pakhtunkhwa')
            if country:
                run.drop("country", f"the article's region {region} is in {home}", country)
            country = home
        # other spellings of the same places elsewhere in the text (Noshki / Nushki)
        words = set(re.findall(r"\b[A-Z][a-z]{3,}\b", run.text))
        for place in places:
            for word in sorted(words):
                if word not in place.spellings and same_place(word, place.name) and " " not in place.name:
                    place.spellings.append(word)
        return Where(country=country, country_named=names_country(run.text, country) if country else None,
                     region=region, places=places)

    @staticmethod
    def _named_region(run: _Run, country: str | None) -> str | None:
        """The gazetteer's region the article names first (`region_in_lead`), when the model's region is no region."""
        lead = run.sentences[min(LEAD_SENTENCES, len(run.sentences)) - 1].end if run.sentences else 0
        lx = run.language.lexicon

        def about_harm(position: int) -> bool:  # 'the chief minister of Khyber Pakhtunkhwa condemned the blast'
            sentence = run.sentence_at(position)
            return sentence is not None and tells_of_harm(sentence.text, lx)

        unnamed = country is not None and not names_country(run.text, country)  # the model inferred it
        named = region_in_lead(run.text, lead, country, about_harm if unnamed else None)
        return named.name if named else None

    @staticmethod
    def _checked_region(run: _Run, region: str, country: str | None) -> str | None:
        """The model's region under the gazetteer's English name ('Bayern' -> 'Bavaria'); None when the gazetteer lists
        every region of the country and this is none of them nor called one by the article ('Beirut' for Syria)."""
        lx = run.language.lexicon
        bare = region_name(region, lx)  # 'Tabasco province' -> 'Tabasco'
        known = gazetteer_name(bare, country)
        if known is not None:
            return known
        if country and covers(country) and not _called_region(run, region, country):
            run.drop("region", f"none of the first-level regions of {country}", region)
            return None
        return bare or region

    def _statements(self, run: _Run, known: dict[str, str]) -> list[Statement]:
        """Statements are read by code; the model is asked only for a speaker the grammar does not give."""
        out: list[Statement] = []
        for sentence in run.sentences:
            previous = run.sentence(sentence.index - 1)
            for reading in read_statements(sentence.text):
                who = reading.by
                if who is None:
                    def problems(a: StatementAnswer, s: Sentence = sentence,
                                 p: Sentence | None = previous) -> list[str]:
                        return _author_problems(run.text, a.by, s, p)

                    answer = self._ask(run, "statement", StatementAnswer, token_budget(StatementAnswer), problems,
                                       sentence=sentence.index, context=_clip(sentence.text),
                                       label=_STATEMENT_LABELS[reading.kind],
                                       previous=_clip(previous.text) if previous else "")
                    who = answer.by.strip()
                    about = reading.about or answer.about.strip() or None
                else:
                    about = reading.about
                grounded = _author_in(run.text, who, sentence, previous)
                if grounded is None:
                    run.drop("statement", "its author is not named in or before the sentence",
                             f"{reading.kind} by {who}")
                    continue
                if about and locate(run.text, about) is None:
                    about = None
                if any(s.kind == reading.kind and same_actor(s.actor, grounded, known) for s in out):
                    continue
                out.append(Statement(kind=reading.kind, actor=grounded, target=about, text=sentence.text[:300],
                                     evidence=span(run.text, sentence.start, sentence.end)))
        return out

    def _casualties(self, run: _Run, candidates: list[Candidate], where: Where, claimants: list[str],
                    known: dict[str, str]) -> list[Casualty]:
        sources = _figure_sources(run, {c.sentence for c in candidates})
        lx = run.language.lexicon
        chosen: list[Casualty] = []
        back: set[int] = set()  # ids of the figures whose number refers back to people already counted
        for cand in candidates:
            if cand.group is None or cand.outcome is None:
                continue
            m = cand.mention
            source = sources.get(cand.sentence)
            if lx is not None and (own := part_attribution(m.sentence.text, m.start - m.sentence.start, lx)):
                # '... جبکہ اے آر وائے کے مطابق ایک شہری': the part of the sentence holding the figure; a pronoun there
                # ('उन्होंने बताया कि ... जबकि ...') is the speaker before, as for a whole sentence (`said_by`)
                source = run.speaker_before(cand.sentence) if own.casefold() in lx.source_pronouns else own
            if cand.by and (source is None or not usable_speaker(source, run.language.lexicon)) \
                    and cand.by.casefold() not in (lx or english()).source_pronouns:
                source = cand.by  # not the model's 'उन्हों' (they): whom a pronoun means, code read (`said_by`)
            elif source is not None and not usable_speaker(source, run.language.lexicon):
                source = None
            kind = source_kind(source, claimants, known)
            value, qualifier = m.value, m.qualifier
            low, high = stated_bounds(value, qualifier, m.vague_floor)
            chosen.append(Casualty(
                id="", group=cand.group, outcome=cand.outcome, value=value, low=low, high=high,
                qualifier=qualifier,
                raw_text=m.raw_text, scope=self._scope(run, m, where),
                window=window_near(run.text, m.sentence, m.start, lx), reported_by=source, source_kind=kind,
                status=figure_status(kind, m.sentence.text, run.text[max(0, m.raw_start - 40) : m.raw_start],
                                     run.language.code),
                evidence=span(run.text, m.sentence.start, m.sentence.end),
            ))
            if lx is not None and refers_back(run.text, m, lx):
                back.add(id(chosen[-1]))
        kept = self._dedupe(run, self._drop_headline_repeats(run, chosen), back)
        for i, c in enumerate(kept, 1):
            c.id = f"c{i}"
        return kept

    def _dedupe(self, run: _Run, items: list[Casualty], back: set[int]) -> list[Casualty]:
        """The same figure from the same source said twice (headline and body) is one report, also when one of the two
        counts them only as people ('douze civils' in the lead, '12 morts' in the body), and so is a figure that
        refers back to people already counted ('The five wounded troopers were taken to hospital', `back`: ids of
        such figures) whoever says it."""

        def richness(c: Casualty) -> int:
            return (c.reported_by is not None) * 4 + (c.qualifier != "exact") * 2 + (c.window is not None)

        lx = run.language.lexicon
        stop = frozenset(fold(w, drop_article=False) for w in lx.stopwords) if lx is not None else frozenset[str]()
        kept: list[Casualty] = []
        for c in items:
            if id(c) in back and any(k.outcome == c.outcome and k.value == c.value and _same_people(k.group, c.group)
                                     for k in kept):
                run.drop("figure", "refers back to people already counted", c.raw_text)
                continue
            twin = next((k for k in kept if k.value is not None and k.value == c.value and k.outcome == c.outcome
                         and _same_people(k.group, c.group) and (k.reported_by is None or c.reported_by is None
                                                                 or _same_source(k.reported_by, c.reported_by, stop))
                         and (k.window is None or c.window is None or fold(k.window) == fold(c.window))), None)
            if twin is None:
                kept.append(c)
                continue
            run.drop("figure", "repeats a figure already listed", c.raw_text)
            if richness(c) > richness(twin):
                kept[kept.index(twin)] = c
        return sorted(kept, key=lambda c: c.evidence.start)

    def _drop_headline_repeats(self, run: _Run, items: list[Casualty]) -> list[Casualty]:
        """A figure in a headline or sub-heading (a line without a full stop) that the body states again."""
        def is_heading(c: Casualty) -> bool:
            return _is_heading(run, c.evidence.quote)

        kept: list[Casualty] = []
        for c in items:
            # a headline names the counted in its own short words ('Seven children among 13 killed' over 'Seven
            # minors died'; '5 dead and suspect killed' over 'Five people were shot and killed'): the body's
            # figure of the same outcome and value is the one reported
            # ('Several injured in stabbing attack' over 'four people were injured'): a vague count too
            if is_heading(c) and any(o is not c and not is_heading(o) and _same_people(o.group, c.group)
                                     and o.outcome == c.outcome and (o.value == c.value or c.value is None)
                                     for o in items):
                run.drop("figure", "a headline repeating a figure from the body", c.raw_text)
                continue
            kept.append(c)
        return kept

    def _scope(self, run: _Run, m: NumberMention, where: Where) -> str:
        best: tuple[int, str] | None = None
        sentence = m.sentence
        chunk = _without_speaker(run.text[sentence.start : sentence.end], run.said_by.get(sentence.index))
        clause_end = m.end + (re.search(r"[,;:]|$", run.text[m.end : sentence.end]).start())  # type: ignore[union-attr]
        for place in where.places:
            for spelling in place.spellings:
                for hit in re.finditer(rf"\b{re.escape(spelling)}\b", chunk):
                    position = sentence.start + hit.start()
                    distance = abs(position - m.start)
                    if m.end <= position < clause_end:
                        distance -= 1000  # 'while 11 were killed in Panjgur': the clause's own place wins
                    if best is None or distance < best[0]:
                        best = (distance, place.name)
        site = _SITE.search(chunk)
        named = best[1] if best else None
        if site is None:
            return str(Scope.at(named))
        if named is not None and re.search(rf"\b{re.escape(named)}\s+{re.escape(site.group('noun'))}", chunk):
            return str(Scope.at(named, site.group("noun"), joined=True))  # 'Mastung jail'
        return str(Scope.at(named, site.group(0)))  # 'Gwadar (a camp)'; 'a district jail', not placed


    def _incidents(self, run: _Run, where: Where, casualties: list[Casualty],
                   consequences: list[Consequence]) -> list[Incident]:
        incidents: list[Incident] = []
        names = [p.name for p in where.places]
        for place in where.places:
            linked = [c for c in casualties if Scope.read(c.scope, names).place == place.name]
            pattern = re.compile("|".join(rf"\b{re.escape(s)}\b" for s in place.spellings))
            dateline = run.header.dateline or ""
            sentence = next((s for s in run.sentences
                             if pattern.search(_without_speaker(s.text, run.said_by.get(s.index)))
                             and EVENT_WORDS.search(s.text)
                             and _places_in(s.text, where) < 3 and not (dateline and s.text.startswith(dateline)
                                                                       and place.name in dateline)), None)
            if sentence is None and linked:
                sentence = run.sentence_at(linked[0].evidence.start)
            if sentence is None:
                continue
            incidents.append(Incident(id=f"i{len(incidents) + 1}", place=place.name, description=sentence.text[:300],
                                      casualty_ids=[c.id for c in linked],
                                      evidence=span(run.text, sentence.start, sentence.end)))
        if _happenings(incidents, where) < 2:
            return []  # one happening told of at one place (or at places its own sentences join) is the event itself
        return incidents

    def _when(self, run: _Run, overview: OverviewAnswer) -> When:
        words = overview.date_words.strip()
        evidence: Evidence | None = locate(run.text, words) if words else None
        if words and evidence is None:  # 'November 17, 2019' for 'dimanche 17 novembre': the article's own words
            found = ground_date(words, run.text, run.language.lexicon)
            if found is None:
                run.drop("date", "not found in the article", words)
                words = ""
            else:
                evidence = span(run.text, *found)
                words = evidence.quote
        if not words:
            m = _ON_WEEKDAY.search(run.text)
            if m:
                words, evidence = m.group(0), span(run.text, m.start(), m.end())
        if not words:
            return When()
        day, basis = resolve_day(words, run.header.published, run.language.lexicon)
        weekday = _event_weekday(run, evidence) if day is not None and day == run.header.published else None
        if weekday is not None:  # 'Posted: Saturday, May 14, 2011' then '... opened fire on protesters Friday'
            words, evidence = weekday.quote, weekday
            day, basis = resolve_day(words, run.header.published, run.language.lexicon)
        return When(start=day, end=day, precision="day" if day else "unknown", text=words,
                    basis=basis,
                    evidence=evidence)

    def _texts(self, run: _Run, overview: OverviewAnswer, where: Where, casualties: list[Casualty],
               rollups: list[Any], writing: str) -> tuple[str, str]:
        article_numbers = run.told_values
        # code's own texts tell only figures read from the article ('1 person killed' for 'um pescador morreu')
        own_headline, own_summary = _fallback_headline(overview, where), _fallback_summary(overview, where, casualties)

        def invented(text: str) -> list[int]:
            return _invented(text, article_numbers)

        headline = overview.headline.strip()
        summary = overview.summary.strip()
        other = _other_language([headline, summary], writing) if writing == FALLBACK_LANGUAGE else None
        if other is not None:  # still in the article's language when asked again: code's own words, in English
            if not _more_english(headline, other):  # 'Five People Die, 11 Injured in ...' over a Portuguese summary
                run.drop("headline", f"written in {other.name}, not {writing}", headline)
                headline = own_headline
            if not _more_english(summary, other):
                run.drop("summary", f"written in {other.name}, not {writing}", summary)
                summary = own_summary
        own = _translated_from(run, writing)
        if own is not None:
            # too short for its language to be told, a text copied from the article is in the article's language
            # ('Duisburger Loveparade: Mindestens zehn Tote bei Massenpanik', the article's own headline)
            if _copied(run.text, headline, own):
                run.drop("headline", f"the article's own words in {own.name}, not {writing}", headline)
                headline = own_headline
            if _copied(run.text, summary, own):
                run.drop("summary", f"the article's own words in {own.name}, not {writing}", summary)
                summary = own_summary
        if not headline or (headline != own_headline and invented(headline)):
            if headline:
                run.drop("headline", f"numbers not in the article: {invented(headline)}", headline)
            headline = (run.header.title if own is None else None) or own_headline
        if not summary or (summary != own_summary and invented(summary)):
            if summary:
                run.drop("summary", f"numbers not in the article: {invented(summary)}", summary)
            summary = own_summary
        heard = _own_regions_blanked(run.text, where.country)  # the article the sound check listens to
        for label, text in (("headline", headline), ("summary", summary)):
            elsewhere = [*_unnamed_regions(text, run.text, where.region),
                         *unnamed_names(text, run.text, where.country, heard)]
            attack = attack_told(text, _lead(run), run.language.lexicon, overview.event_type)
            if elsewhere or attack:  # still there when asked again: code's own words
                run.drop(label, f"names {', '.join(elsewhere)}, which the article does not name" if elsewhere
                         else f'tells of an attack ("{attack}") where the article tells of harm nobody meant', text)
                if label == "headline":
                    headline = own_headline
                else:
                    summary = own_summary
        if writing == FALLBACK_LANGUAGE and casualties:
            # a toll no figure read from the article holds ('40 People Killed' for the 40 on board of a bus; '10
            # Dead, 5 Injured' for 5 killed and 10 injured): code's own words, which tell only figures read. Only
            # beside figures: an article whose figures code could not read keeps the model's words. Not asked again:
            # asked so in s92, the model shortened its summaries and kept the tolls (dev 116, 229, 255).
            for label, text in (("headline", headline), ("summary", summary)):
                told_tolls = unsupported_tolls(text, casualties, run.language.lexicon, run.parts)
                if told_tolls:
                    run.drop(label, f"tells {', '.join(told_tolls)}, which no figure read from the article holds",
                             text)
                    if label == "headline":
                        headline = f"{own_headline}: {_figure_in_english(casualties[0], source=False)}"
                    else:
                        summary = own_summary
        told = split_sentences(summary)
        invented_day = [s for s in told if unnamed_days(s.text, run.text, run.language.lexicon, run.header.published)]
        if invented_day:  # still there when asked again: the sentences that tell it go, or the whole summary
            run.drop("summary", "names a day the article does not give", " ".join(s.text for s in invented_day))
            summary = " ".join(s.text.strip() for s in told if s not in invented_day) or own_summary
        if unnamed_days(headline, run.text, run.language.lexicon, run.header.published):
            run.drop("headline", "names a day the article does not give", headline)
            headline = own_headline
        disputed = [r for r in rollups if r.disputed]
        notes = []
        for r in disputed:
            values = sorted({c.value for c in casualties if c.id in r.casualty_ids and c.value is not None})
            if values and not all(str(v) in summary for v in values):
                label = f"{r.group.replace('_', ' ')} {r.outcome}"
                notes.append(f"{label}: " + " vs ".join(str(v) for v in values))
        if notes:
            summary = summary.rstrip() + " Reported figures differ (" + "; ".join(notes) + ")."
        return headline, summary


def _own_regions_blanked(text: str, country: str | None) -> str:
    """`text` with the names of `country`'s regions it names blanked out: in a report from 'مغربی بنگال' (West Bengal,
    India), 'بنگال' sounds like the start of 'Bangladesh' but names no other country."""
    spans = [span for _, region in regions_named(text) if country and fold(region.country) == fold(country)
             for span in region_spellings(text, region)]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


FALLBACK_LANGUAGE = "English"  # the language of the headline and summary code writes when the model's will not do

def _translated_from(run: _Run, writing: str) -> Lexicon | None:
    """The article's language when its headline and summary are to be in English and it is written in another: its own
    words, copied, are not what was asked for; None otherwise."""
    own = run.language.lexicon
    return own if writing == FALLBACK_LANGUAGE and own is not None and own.name != writing else None


COPIED_WORDS = 4  # a generated text of this many words or more found word for word in the article is a copy


COPIED_PASSAGE = 8  # a run of this many words of a generated text found word for word in the article is a copy too


def _copied(article: str, text: str, lx: Lexicon) -> bool:
    """Whether a generated text is the article's own words in the article's language (at least one of its stopwords
    and no fewer than English ones: 'Eight killed near Tarel' over a Spanish body is an English line of the article),
    case and spacing aside: the whole text, or a passage of COPIED_PASSAGE words in it ('The Zentralkomitee reported
    that Dutzende weitere seien in Omdurman nahe der Hauptstadt Khartum verletzt worden')."""
    words = text.split()
    flat = " ".join(article.split()).casefold()

    def in_its_language(run: list[str]) -> bool:
        return _stopwords_in(run, lx) >= max(1, _stopwords_in(run, english()))

    if len(words) >= COPIED_WORDS and " ".join(words).casefold() in flat:
        return in_its_language(words)
    return any(" ".join(words[i : i + COPIED_PASSAGE]).casefold().strip(".,;:") in flat
               and in_its_language(words[i : i + COPIED_PASSAGE]) for i in range(len(words) - COPIED_PASSAGE + 1))


def _other_language(texts: list[str], writing: str) -> Lexicon | None:
    """The language other than `writing` that generated texts are written in, told by its stopwords as an article's
    language is (a German headline and summary of a German article asked for in English); None when they are in
    `writing` or too short to tell."""
    found = detect_language(" ".join(t for t in texts if t))
    return found.lexicon if found.lexicon is not None and found.lexicon.name != writing else None


def _more_english(text: str, other: Lexicon) -> bool:
    """Whether a generated text holds more English stopwords and words of harm than `other` language's: the English
    one of a headline and summary that together read as another language ('Five People Die, 11 Injured in Mozambique
    Accident' over a Portuguese summary; 'Autobahnbrücke in Genua eingestürzt: 35 Tote' is German)."""
    def score(lx: Lexicon) -> int:
        return _stopwords_in(text.split(), lx) + len(outcomes_named(text, lx))

    return score(english()) > score(other)


def _stopwords_in(words: list[str], lx: Lexicon) -> int:
    """How many of generated words are the lexicon's stopwords, case and punctuation aside."""
    return sum(w.casefold().strip(".,:;!?\"'“”«»()") in lx.stopwords for w in words)


_SITE = re.compile(r"\b(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+)?(?P<noun>jail|prison|camp|police station|market|mosque|"
                   r"church|school|hospital|checkpoint|base|headquarters|compound)\b")


_LOCAL_UNIT = re.compile(rf"\s+(?:{LOCAL_UNITS_EN})$", re.IGNORECASE)


def finished(summary: str, cap: int = SUMMARY_CHARS) -> str:
    """`summary` without the sentence the grammar cut off at the length cap ('... the deaths of approximately 10
    police and security,': 3 of 72 eval summaries), when a finished sentence comes before it."""
    summary = summary.strip()
    if len(summary) < cap - 1:
        return summary
    sentences = split_sentences(summary)
    if len(sentences) < 2 or sentences[-1].text.rstrip().endswith(_SENTENCE_ENDS):
        return summary
    return summary[:sentences[-2].end].rstrip()


_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "»", "।", "۔")


_FULL_HOUR = re.compile(r"\b([01]?\d|2[0-3])[:.]00\b")  # '18:00', '6.00': an hour, its minutes unwritten in the article


def _invented(text: str, article_numbers: set[int]) -> list[int]:
    """Numbers of generated text the article does not state: counts in words or digits, and every run of digits
    ('March 3rd', '19th century', '2023': an ordinal or a year is made up as easily as a toll). A full hour's minutes
    ('around 18:00' for 'por volta das 18 h') are no number of their own."""
    text = _FULL_HOUR.sub(r"\1", text)
    found = {m.value for m in find_numbers(text, split_sentences(text)) if m.value is not None}
    found |= {int(d.replace(",", "")) for d in re.findall(r"\d+(?:,\d{3})+|\d+", text)}
    return sorted(n for n in found if n not in article_numbers)


_NUMERAL_ONLY = re.compile(r"\d[\d,]*")


_NUMBER_IN = re.compile(r"\d")


def _stated(description: str) -> int | None:
    """The number a model's description states ('4 soldiers killed', or '1' alone)."""
    numeral = _NUMERAL_ONLY.fullmatch(description.strip())
    return int(re.sub(r"\D", "", numeral.group(0))) if numeral else reading_value(description)


BARE_REACH = 8  # words after a number its harm word may come when the model said only who it counts
NOUN_REACH = 2  # words after the noun of such an answer its harm word may come ('gunmen killed', 'civilians were hurt')

_JUDGED_WHOLE = ("event_type", "on_purpose")  # overview fields at fault that re-ask the whole answer


# what the model writes for a source the article does not name instead of "" ('none', 'unknown', 'S3': the label of
# the sentence it read): no source, and nothing to ask again
_NO_SOURCE = re.compile(r"(?:none|unknown|unattributed|unspecified|not\s+(?:stated|specified|given|mentioned|named|"
                        r"reported)|n/?a|-+|S\d+(?:\s*(?:,|and|&)\s*S\d+)*)\.?", re.IGNORECASE)


def _source_given(by: object) -> str:
    """The source the model wrote, '' for none."""
    written = str(by).strip().strip("\"'")
    return "" if _NO_SOURCE.fullmatch(written) else written


def _called_region(run: _Run, name: str, country: str | None) -> bool:
    """The article calls `name` a first-level region of `country`: by its gazetteer's words for them where it gives
    them ('regione', not 'provincia', in Italy), else by any region word of the lexicons."""
    return is_region(run.text, name, run.language.lexicon, first_level_words(country))


def _place_problem(run: _Run, place: str) -> str | None:
    if not place.strip() or _locate_place(run.text, place) is not None:
        return None
    return f'place "{place}" does not appear in the article'


_OWN_NOUN = re.compile(r"(?:\s*\S+){1,3}")  # the words after a number its own noun is in ('due Vigili del Fuoco')


def _without_sources(m: NumberMention, sources: Iterable[str | None]) -> str:
    """The number's sentence without its sources where they stand apart from the number ('..., पुलिस ने बताया'); a
    source that is the number's own noun stays ('due Vigili del Fuoco deceduti', said by the Vigili del Fuoco)."""
    text = m.sentence.text
    noun = _OWN_NOUN.match(text, m.end - m.sentence.start)
    own = (m.raw_start - m.sentence.start, noun.end() if noun else m.end - m.sentence.start)
    for source in (s for s in sources if s):
        for found in reversed([f for f in re.finditer(re.escape(source), text)
                               if f.end() <= own[0] or f.start() >= own[1]]):
            text = text[: found.start()] + " " + text[found.end() :]
    return text


def _found_place(text: str, name: str) -> tuple[Evidence | None, str, str | None]:
    """Where the article writes a place the model gives, the name kept and the model's English name where the article
    spells it otherwise: as given; spelled by sound in another script ('Nagpur' for नागपुर); without an English unit
    word ('Nawab Shah district' for 'distretto di Nawab Shah': 'Nawab Shah'); spelled one letter apart ('Baghdad' for
    'Bagdad'). No evidence when the article does not write it."""
    if (found := locate(text, name)) is not None:
        return found, name, None
    if (found := locate_transliterated(text, name)) is not None:
        return found, name, name
    bare = _UNIT_TAIL_AS_WRITTEN.sub("", name)
    if bare != name and (found := locate(text, bare)) is not None:
        return found, bare, None
    return locate_variant(text, name), name, name


def _locate_place(text: str, name: str) -> Evidence | None:
    """Where the article writes a place the model gives (`_found_place`), or None."""
    return _found_place(text, name)[0]


def _told_as_place(run: _Run, name: str) -> bool:
    """Whether the article writes a name in a sentence that tells of harm, and not as the start of a longer name
    ('Greater Manchester Police'): a name the model gave as the region that is none may be the event's place ('in
    the French city of Nice'), not one named only in passing ('said in a telephone interview from Libreville')."""
    lx = run.language.lexicon
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)(?!\s+[A-Z])")
    return any(pattern.search(s.text) and tells_of_harm(s.text, lx) for s in run.sentences)


def _kept_place(run: _Run, place: str) -> bool:
    """Whether a place the model gives stays a place (`_where` drops the rest): found in the article, and one of its
    parts a name that is no building or site, no country, its adjective or first-level region, no armed group of the
    group table and no words of harm ('Bihar Jehanabad Stampede', 'Firmengebäude', 'Teatre nightclub', 'Al Qaïda'
    are none). A model that gives no such place chooses among the phrases code finds instead."""
    if not place.strip() or _place_problem(run, place) is not None:
        return False
    lx = run.language.lexicon
    for part in _region_parts(place):
        name = trimmed_name(part, lx).strip()
        evidence = _locate_place(run.text, name) if name else None
        if evidence is None or is_facility(name, lx) or is_demonym(name) or is_country_name(name) \
                or is_group_name(name):
            continue
        if (is_region(run.text, name, lx) or own_name(name)) and not is_namesake_town(run.text, name, lx):
            continue
        if not_a_name(name, lx, evidence.quote, run.text) is None and not_a_name(evidence.quote, lx) is None:
            return True
    return False


def _group_named(text: str, cand: Candidate, candidates: list[Candidate], lx: Lexicon) -> Group | None:
    """The group the article's own words give a number the model counts as plain people, in a language without a
    code reader: its own noun ('Ferito anche un carabiniere' -> police), or, for a number written with a word of
    'other' and no group's word ('mataram quatro militares ... e feriram outros 13'), the group of the count right
    before it in its sentence."""
    m = cand.mention
    noun = own_group(text, m.raw_start, m.raw_end, lx)
    if noun is None and counts_others(text, m.raw_start, m.end, lx):
        before = [c.mention for c in candidates if c.mention.sentence is m.sentence and c.mention.end <= m.raw_start]
        if before:
            last = max(before, key=lambda b: b.end)
            noun = own_group(text, last.raw_start, last.raw_end, lx)
    return cast(Group, noun) if noun in get_args(Group) else None


def _plain_people(text: str, m: NumberMention, lx: Lexicon) -> bool:
    """Whether a number's own noun is a plain word for people ('dos personas muertas'), not a group's word."""
    following = text[m.end : m.end + 40].split()[:1]
    return bool(following) and following[0].casefold().strip(",.;:") in lx.people


_CLAUSE_BREAK = re.compile(r"[,;،؛]")


def _list_sibling(run: _Run, cand: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """The count of the same sentence whose harm word a number of a list shares (`extract.gapped`): the read count
    before it ('34 personnel were injured in Lahore, 48 in Attock'), or where the verb ends the clause the one after
    it ('لاہور میں 34، اٹک میں 48، ... متعدد اہلکار زخمی ہوئے'); None when it is no such item."""
    lx, m = run.language.lexicon, cand.mention
    read = [c for c in candidates if c is not cand and c.mention.sentence is m.sentence
            and c.group is not None and c.outcome is not None]
    if lx is not None and lx.verb_last:
        after = min((c for c in read if c.mention.raw_start >= m.end), key=lambda c: c.mention.raw_start, default=None)
        return after if after is not None and opens_list(run.text, m.raw_start, m.end, after.mention.raw_start,
                                                         lx) else None
    before = max((c for c in read if c.mention.end <= m.raw_start), key=lambda c: c.mention.end, default=None)
    return before if before is not None and continues_list(run.text, before.mention.end, m.raw_start, m.end,
                                                           lx) else None


def _outcome_of_another_clause(run: _Run, cand: Candidate, candidates: list[Candidate]) -> bool:
    """Whether a count without a number ('thousands', 'ہزاروں') is given an outcome that no word of its own clause
    names, and that a number in another clause of the sentence has by its own harm word ('opened fire on thousands of
    protesters Friday, killing at least six people', 'ہزاروں لوگ موجود تھے، دھماکوں میں73 افراد شھید'): the
    sentence's harm is the number's, not the vague count's. A list that shares its verb has no clause break between
    its counts ('dozens of militants and 12 soldiers were killed'); 'Des dizaines de civils ont été tués, et 12 soldats
    ont péri' names the harm in the vague count's own clause. A number too, where the other number is the object of
    the harm word ('Environ 300 hommes armés ont attaqué un village, ... ils ont tué dix personnes': the 300 did the
    killing)."""
    lx, m = run.language.lexicon, cand.mention
    if cand.outcome is None:
        return False
    sentence = m.sentence
    before = [b.end() for b in _CLAUSE_BREAK.finditer(run.text, sentence.start, m.raw_start)]
    after = _CLAUSE_BREAK.search(run.text, m.end, sentence.end)
    clause = run.text[before[-1] if before else sentence.start : after.start() if after else sentence.end]
    if cand.outcome in outcomes_named(clause, lx):
        return False
    for other in candidates:
        o = other.mention
        if other is cand or o.sentence is not sentence or o.value is None or other.outcome != cand.outcome:
            continue
        between = run.text[min(m.end, o.end) : max(m.raw_start, o.raw_start)]
        # for a number, only a harm word right before the other number, whose object it is ('ont tué dix personnes')
        near = outcome_near(run.text, o.raw_start, o.end, lx) if m.value is None \
            else outcome_near(run.text, o.raw_start, o.end, lx, words_after=0)
        if _CLAUSE_BREAK.search(between) and near == other.outcome and (m.value is None or o.start > m.end):
            return True
    return False


@per_lexicon
def _part_joiner(lx: Lexicon) -> re.Pattern[str]:
    """The lexicon's part joiners as whole words ('dont', 'di cui', 'darunter')."""
    words = "|".join(re.escape(w) for w in sorted(lx.part_joiners, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)" if words else r"(?!)", re.IGNORECASE)


def _outcome_of_its_part(run: _Run, cand: Candidate, candidates: list[Candidate]) -> bool:
    """Whether a number's outcome is told only of a part of it: the number's own verb stands before a part joiner
    (one of `before_harm`: '15 ont été retrouvés dont 1 mort'), the words before the joiner name no such harm, and
    a number after the joiner has that outcome by its own harm word. Without the number's own verb the harm word
    after the part may be the whole's ('Douze soldats, dont deux officiers, ont été tués')."""
    lx, m = run.language.lexicon, cand.mention
    if lx is None or not lx.part_joiners or not lx.before_harm or m.value is None or cand.outcome is None:
        return False
    sentence = m.sentence
    joiner = _part_joiner(lx).search(run.text, m.end, sentence.end)
    if joiner is None:
        return False
    between = {w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", run.text[m.end : joiner.start()])}
    if not between & set(lx.before_harm) or cand.outcome in outcomes_named(
            run.text[sentence.start : joiner.start()], lx):
        return False
    return any(other is not cand and other.mention.sentence is sentence and other.mention.raw_start >= joiner.end()
               and other.outcome == cand.outcome
               and own_harm(run.text, other.mention.raw_start, other.mention.raw_end, lx) == cand.outcome
               for other in candidates)


def _noun_in(sentence: Sentence, description: str) -> re.Match[str] | None:
    """Where the sentence writes the noun of a who-only answer (its last word: '108 gunmen', '5 policiais
    militares'), or None."""
    words = description.split()
    return re.search(rf"(?<!\w){re.escape(words[-1])}(?!\w)", sentence.text, re.IGNORECASE) if len(words) > 1 \
        else None


def _harm_after_noun(run: _Run, sentence: Sentence, description: str) -> Outcome | None:
    """The harm word right after the noun of a who-only answer where the sentence writes it ('108 gunmen' for 'the
    number of gunmen killed ... has reached 108'); None when the noun is not in the sentence or no harm word follows
    it ('four security officials told Reuters')."""
    m = _noun_in(sentence, description)
    if m is None:
        return None
    start, end = sentence.start + m.start(), sentence.start + m.end()
    return outcome_near(run.text, start, end, run.language.lexicon, words_after=NOUN_REACH, words_before=0)


def _pass_messages(run: _Run, name: str, **variables: Any) -> list[dict[str, Any]]:
    """The article prefix with the pass's instructions after the article (the prefix's tokens are reused)."""
    messages = [*run.prefix]
    messages[-1] = {"role": "user", "content": messages[-1]["content"] + "\n" + prompts.render(name, **variables)}
    return messages


def _lead(run: _Run) -> str:
    """The headline and first sentences: what the article is about."""
    return " ".join(s.text for s in run.sentences[:LEAD_SENTENCES])


def _event_type(run: _Run, answered: EventType) -> EventType:
    return settle_event_type(_lead(run), run.language.lexicon, answered)


def _same_source(a: str, b: str, stop: frozenset[str] = frozenset()) -> bool:
    """Two sources that are one: the same words, one named in full where the other is named short ('a Defesa Civil'
    and 'a Defesa Civil do Rio Grande do Sul', 'la agencia estatal Andina' and 'Andina'), or each one's words found in
    the other in another order or form ('le ministre des Transports du Cameroun', 'le ministre camerounais des
    Transports'); `stop`: the language's stopwords, folded, which are no words of a name ('della')."""
    fa, fb = fold(a), fold(b)
    if fa == fb or fa.startswith(fb + " ") or fb.startswith(fa + " "):
        return True
    if (fa.endswith(" " + fb) and b.strip()[:1].isupper()) or (fb.endswith(" " + fa) and a.strip()[:1].isupper()):
        return True  # 'la agencia estatal Andina' and 'Andina': a name and its description before it
    wa, wb = _content_words(fa, stop), _content_words(fb, stop)
    return bool(wa and wb) and all(any(_word_kin(x, y) for y in wb) for x in wa) \
        and all(any(_word_kin(y, x) for x in wa) for y in wb)


def _content_words(folded: str, stop: frozenset[str]) -> list[str]:
    """The words of four letters or more that are not stopwords ('ministre', 'transports'; not 'des', 'della')."""
    return [w for w in re.findall(r"[^\W\d_]+", folded) if len(w) >= 4 and w not in stop]


def _word_kin(a: str, b: str) -> bool:
    """One word in two forms: the same, or sharing a beginning of five letters or more that is most of the shorter
    ('cameroun', 'camerounais'; 'transport', 'transports')."""
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a == b or (shared >= 5 and shared >= 0.75 * min(len(a), len(b)))


def _is_heading(run: _Run, quote: str) -> bool:
    """Whether a sentence is the headline or a sub-heading (a line without a full stop)."""
    quote = quote.rstrip()
    return not ends_sentence(quote) or quote == (run.header.title or "")


def _same_people(a: str, b: str) -> bool:
    """Two figures' groups that may count the same people: the same group, either counted only as people, or police or
    soldiers and the security forces they belong to ('4 پولیس اہلکار', '4 اہلکار')."""
    return a == b or GENERIC_GROUP in (a, b) or ("security_forces" in (a, b) and {a, b} <= FORCES)


def _figure_sources(run: _Run, figure_sentences: set[int]) -> dict[int, str | None]:
    """The source code reads for each figure sentence (None where it reads none)."""
    sources: dict[int, str | None] = {}
    lx = run.language.lexicon
    for sentence in run.sentences:
        if sentence.index in figure_sentences:
            who = run.said_by[sentence.index]
            if who is None and sentence.index - 1 in figure_sentences and ends_statement(sentence.text):
                who = sources.get(sentence.index - 1)  # 'Twenty-four police were injured.' after 'X said ...'
            sources[sentence.index] = who if who is not None else _paragraph_source(run, sentence)
    for index in sorted(sources, reverse=True):
        this, after, who = run.sentence(index), run.sentence(index + 1), sources.get(index + 1)
        if sources[index] is None and this is not None and ends_statement(this.text) \
                and after is not None and who and _closes(after.text, who) \
                and after.start < paragraph_span(run.text, this.start, this.end)[1]:
            # 'Trois personnes sont mortes sur place. Six autres ont été blessées, a souligné le policier.': a
            # speaker named at the close of the next figure sentence of the same paragraph gave the figures before
            # it too
            sources[index] = who
        elif sources[index] is None and after is not None and (said := run.said_by[index + 1]) is not None \
                and ((index + 1 not in figure_sentences and _attribution_only(run, after, said))
                     or (lx is not None and says_it_back(after.text, lx))):
            # '... 107 feriti. Lo ha riferito un politico locale.': the next sentence says who; 'Lo ha confermato
            # il ministro, ... secondo i quali c'erano 110 lavoratori': it opens by pointing back, whatever follows
            sources[index] = said
        elif sources[index] is None and this is not None and after is not None \
                and (said := _attribution_past_aside(run, this, after, figure_sentences)) is not None:
            # 'Un uomo armato ha ucciso 15 persone ... Il killer era uno studente. Lo hanno riferito fonti della
            # Polizia.': one sentence of its own between the figures and the sentence that says who
            sources[index] = said
    return sources


def _attribution_past_aside(run: _Run, this: Sentence, aside: Sentence, figure_sentences: set[int]) -> str | None:
    """The speaker of an attribution-only sentence that follows a figure sentence after one aside in the same
    paragraph: the aside gives no figure, no number, no harm and no speaker of its own; None otherwise."""
    lx = run.language.lexicon
    then = run.sentence(aside.index + 1)
    if lx is None or then is None or aside.index in figure_sentences or then.index in figure_sentences:
        return None
    if run.said_by[aside.index] is not None or _tells_figures(aside, lx):
        return None
    if paragraph_span(run.text, this.start, this.end) != paragraph_span(run.text, then.start, then.end):
        return None
    said = run.said_by[then.index]
    return said if said is not None and _attribution_only(run, then, said) else None


def _tells_figures(sentence: Sentence, lx: Lexicon) -> bool:
    """Whether a sentence holds a number or a harm word of its own: no mere aside or attribution."""
    return re.search(r"\d", sentence.text) is not None or bool(outcomes_named(sentence.text, lx))


ATTRIBUTION_ONLY_WORDS = 4  # words besides its speaker (and time words) in a sentence that only says who said it


def _attribution_only(run: _Run, sentence: Sentence, who: str) -> bool:
    """Whether a sentence only says who said what came before ('Lo ha riferito un politico locale.', 'Das hat die
    örtliche Polizei am Samstag mitgeteilt.', 'Officials confirmed the figures.'): its speaker, a verb and a few
    words, no number and no harm of its own."""
    lx = run.language.lexicon
    if lx is None or _tells_figures(sentence, lx):
        return False
    rest = sentence.text.replace(who, " ")
    # words split at spaces: a Devanagari word's vowel signs are no word characters ('जानकारी' is one word, not four)
    words = [w for w in (w.strip(".,;:!?।۔\"“”«»()") for w in rest.split())
             if any(ch.isalpha() for ch in w) and w.casefold() not in lx.source_skip]
    return len(words) <= ATTRIBUTION_ONLY_WORDS


def _event_weekday(run: _Run, said: Evidence | None) -> Evidence | None:
    """The weekday the lead gives the event when the date the model took is the page's own date line ('Posted:
    Saturday, May 14, 2011', 'October 17, 2009' on a line of its own): the publication is not the event."""
    if said is None:
        return None
    line = run.sentence_at(said.start)
    if line is None or len(line.text.split()) >= DATE_LINE_WORDS:
        return None
    lead = [s for s in run.sentences if s.start >= line.end][:LEAD_SENTENCES]
    lx = run.language.lexicon
    # English 'Friday' with its capital, then the article's own names ('Update: 2012-10-01', 'रविवार रात हुए भूस्खलन')
    own = lx if lx is not None and lx.code != "en" else None
    for sentence in lead:
        m = _WEEKDAY.search(sentence.text)
        found = m.span() if m else first_weekday(sentence.text, own) if own is not None else None
        if found is not None:
            return span(run.text, sentence.start + found[0], sentence.start + found[1])
    return None


def _paragraph_source(run: _Run, sentence: Sentence) -> str | None:
    """The source of a paragraph that opens with one ('According to the army, ... . Thirty gunmen were killed ...'):
    the nearest earlier sentence of the same paragraph that names a speaker, when that sentence opens with its
    'according to' ('According to X,', 'X के अनुसार,': `_opens_with_source`); None otherwise."""
    lx = run.language.lexicon
    opens, _ = paragraph_span(run.text, sentence.start, sentence.end)
    index = sentence.index - 1
    while lx is not None and (before := run.sentence(index)) is not None and before.start >= opens:
        who = run.said_by[before.index]
        if who is not None:
            return who if _opens_with_source(before.text, who, lx) else None
        index -= 1
    return None


def _opens_with_source(text: str, who: str, lx: Lexicon) -> bool:
    """Whether a sentence opens by saying whose account it gives: 'According to X, ...' (lexicon source_after) or,
    where 'according to' follows its source, 'X के अनुसार, ...' (according_before)."""
    opening = text.lstrip().casefold()
    if opening.startswith(tuple(o.casefold() for o in lx.source_after)):  # 'According to the army, ...'
        return True
    named = who.casefold()
    return bool(lx.according_before) and opening.startswith(named) \
        and opening[len(named) :].lstrip().startswith(lx.according_before)


def _closes(sentence: str, who: str) -> bool:
    """Whether `who` is named after the last comma of `sentence` (', a souligné le policier.', ', police said.')."""
    comma = max(sentence.rfind(","), sentence.rfind("،"))
    return comma >= 0 and sentence.rfind(who) > comma


def _happenings(incidents: list[Incident], where: Where) -> int:
    """How many separate happenings the incidents tell of: incidents whose sentences name each other's places
    ('a bus fell at Banjar in Kullu district') are one."""
    spellings = {p.name: p.spellings for p in where.places}
    group = list(range(len(incidents)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i, a in enumerate(incidents):
        for j, b in enumerate(incidents):
            names = spellings.get(b.place or "", [])
            if i != j and any(re.search(rf"\b{re.escape(s)}\b", a.description) for s in names):
                group[root(i)] = root(j)
    return len({root(i) for i in range(len(incidents))})


_PART_OF = re.compile(rf"^(?P<inner>[A-Z].*?)\s+(?:{LOCAL_UNITS_EN})\s+of\s+(?:the\s+)?(?P<outer>.+)$")
_OWNED = re.compile(r"^(?P<outer>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)[’']s\s+(?P<inner>[A-Z].*)$")
_NAME_WORD = re.compile(rf"^(?:[A-Z][\w’'.-]*|{LOCAL_UNITS_EN})$")
_DIRECTION = re.compile(rf"^(?:{'|'.join(map(re.escape, english().directions))})\s+", re.IGNORECASE)


def _region_parts(region: str) -> list[str]:
    """'Kullu district, Himachal Pradesh' -> its parts, each to be found in the article (a district by its name);
    'Banjar area of Kullu district' -> 'Banjar', 'Kullu district'; 'Janga suburb of the state capital' -> 'Janga'
    (what holds it is kept when it is a name); 'Himachal Pradesh’s Kinnaur' -> 'Himachal Pradesh', 'Kinnaur' (a
    region's or country's own place)."""
    parts: list[str] = []
    for part in (p.strip() for p in region.split(",")):
        owner = _OWNED.match(part)
        if owner is not None and (known_regions(owner.group("outer")) or is_country_name(owner.group("outer"))):
            part = owner.group("inner")  # 'Himachal Pradesh’s Kinnaur district': the region's district
            parts.append(owner.group("outer"))
        m = _PART_OF.match(part)
        if m is None:
            parts += [part] if part else []
            continue
        outer = m.group("outer").strip()
        parts += [m.group("inner").strip(), *([outer] if all(_NAME_WORD.match(w) for w in outer.split()) else [])]
    return parts


def _unnamed_regions(generated: str, article: str, allowed: str | None) -> list[str]:
    """The first-level regions a generated text names that the article names in no spelling of theirs, other than
    the event's region `allowed` ('Maharashtra' in the summary of a boat capsizing at Varanasi)."""
    kept = {r.name for r in known_regions(region_name(allowed, None))} if allowed else set()
    return list(dict.fromkeys(r.name for _, r in regions_named(generated)
                              if r.name not in kept and _region_part_missing(article, r.name)))


_JOINS = re.compile(r"[’'`\-‐–\s]+")


def _written(text: str, name: str) -> bool:
    """Whether the article writes a name (a place the model gave), under a spelling of its region or with other
    apostrophes, hyphens and spaces ('Nzérékoré' for 'N’Zérékoré'): 'Central Java' for a crash the article places
    in Papua is not."""
    return not _region_part_missing(text, name) or _JOINS.sub("", fold(name)) in _JOINS.sub("", fold(text))


def _region_part_missing(text: str, part: str) -> bool:
    bare = region_name(_LOCAL_UNIT.sub("", part).strip(), None)  # 'Tabasco province' is 'Tabasco state'
    if any(region_spellings(text, region) for region in known_regions(bare)):  # 'Bavaria' written 'Bayern'
        return False
    return all(find(text, name) is None for find in (locate, locate_transliterated, locate_variant)
               for name in (part, bare))


_UNIT_NAMES = ("country", *english().region_words, *english().local_units)
_UNIT_TAIL = re.compile(rf"\s+(?:{'|'.join(map(re.escape, _UNIT_NAMES))})$")
_UNIT_TAIL_AS_WRITTEN = re.compile(rf"\s+(?:{'|'.join(map(re.escape, _UNIT_NAMES))})$", re.IGNORECASE)


def _bare(name: str) -> str:
    """A place's name without its unit word ('Kullu district' -> 'kullu'), folded."""
    return _UNIT_TAIL.sub("", fold(name))


def _without_speaker(text: str, speaker: str | None) -> str:
    """A sentence with its speaker blanked out, offsets kept: a place named inside the speaker ('..., Haltom City Police
    said') is where the speaker works, not where something happened, and scopes no figure."""
    return text.replace(speaker, " " * len(speaker)) if speaker else text


def _places_in(text: str, where: Where) -> int:
    return sum(1 for p in where.places if any(re.search(rf"\b{re.escape(s)}\b", text) for s in p.spellings))


# the marks around each number shown to the figures pass: the first pair the article itself never writes (a French
# article quotes its figures in « », and marks of its own beside ours misled the model into answering 'none')
_NUMBER_MARKS = (("«", "»"), ("[[", "]]"), ("<<", ">>"))


def _number_marks(text: str) -> tuple[str, str]:
    return next(((a, b) for a, b in _NUMBER_MARKS if a not in text and b not in text), _NUMBER_MARKS[-1])


def _snippet(text: str, m: NumberMention) -> dict[str, Any]:
    """The number in its sentence, a few words either side, for the figures pass."""
    before = text[m.sentence.start : m.raw_start].split()[-14:]
    after = text[max(m.end, m.raw_start + len(m.raw_text)) : m.sentence.end].split()[:12]
    return {"sentence": m.sentence.index, "before": " ".join(before) + (" " if before else ""),
            "number": m.raw_text, "after": (" " + " ".join(after)) if after else ""}


def _clip(text: str, limit: int = 320) -> str:
    text = text.replace('"', "'")
    return text if len(text) <= limit else text[:limit] + "…"


def _author_in(text: str, who: str, sentence: Sentence, previous: Sentence | None) -> str | None:
    """The author's name as written in the sentence (or the one before, for 'he said'); None otherwise."""
    if not who:
        return None
    pronoun = re.search(r"\b(?:he|she|they|it|the group)\b", sentence.text, re.IGNORECASE)
    for s in (sentence, previous if pronoun else None):
        if s is None:
            continue
        found = locate(s.text, who)
        if found is not None:
            return found.quote
    return None


def _author_problems(text: str, who: str, sentence: Sentence, previous: Sentence | None) -> list[str]:
    if who.strip() and _author_in(text, who.strip(), sentence, previous) is None:
        return [f'"{who}" does not appear in sentence S{sentence.index} or the sentence before it']
    return []


def _canonical(name: str, actors: list[Actor], known: dict[str, str]) -> str:
    for actor in actors:
        if same_actor(actor.name, name, known) or any(same_actor(a, name, known) for a in actor.aliases):
            return actor.name
    return name


def _located(where: Where) -> str:
    """'Burgrain, Bavaria, Germany': the first place, the region and the country the summary keeps (in English where
    the summary has an English name), not the model's own words."""
    first = where.places[0].normalized if where.places else None
    return ", ".join(x for x in (first, where.region, where.country) if x)


def _figure_in_english(c: Casualty, *, source: bool = True) -> str:
    """'at least 5 people killed (die örtliche Polizei)': a figure in the summary's words, not the article's
    ('fünf', 'Quatre'); a vague one with the article's words and no number of its own ('dozens' is no 12)."""
    count = f'an unstated number ("{c.raw_text}") of' if c.value is None else stated_count(c.value, c.qualifier)
    group = _ONE_OF.get(c.group, c.group.replace("_", " ")) if c.value == 1 and c.qualifier == "exact" \
        else c.group.replace("_", " ")
    return f"{count} {group} {c.outcome}" + (f" ({c.reported_by})" if c.reported_by and source else "")


# one of a group, in the words of code's own summary ('1 person killed', not '1 people killed')
_ONE_OF = {"people": "person", "civilians": "civilian", "militants": "militant", "soldiers": "soldier",
           "police": "police officer", "security_forces": "member of the security forces", "officials": "official",
           "prisoners": "prisoner"}


# the event type in the words of code's own headline and summary ('Explosion in Villeta', not 'Explosion remote
# violence in Villeta'); the others read as they are named ('Accident', 'Protest')
_EVENT_WORDS = {"explosion_remote_violence": "explosion", "violence_against_civilians": "attack on civilians",
                "battle": "armed clash", "strategic_development": "event", "other": "event"}


def _event_words(overview: OverviewAnswer) -> str:
    return _EVENT_WORDS.get(overview.event_type, overview.event_type.replace("_", " ")).capitalize()


def _fallback_headline(overview: OverviewAnswer, where: Where) -> str:
    return f"{_event_words(overview)} in {_located(where) or 'unknown location'}"


def _fallback_summary(overview: OverviewAnswer, where: Where, casualties: list[Casualty]) -> str:
    parts = [f"{_event_words(overview)} reported in "
             f"{_located(where) or 'an unstated location'}."]
    # the event's own figures, not those of another period ('de juin 2010 où des pluies avaient fait 25 morts')
    figures = [_figure_in_english(c) for c in [c for c in casualties if not other_period(c.window)][:4]]
    if figures:
        parts.append("Reported figures: " + "; ".join(figures) + ".")
    return " ".join(parts)
