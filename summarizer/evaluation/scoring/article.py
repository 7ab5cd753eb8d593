"""Score one prediction against one gold file.

Field keys (the names used in summary.json, thresholds and reports):

- P/R/F1 (`counts`): event_type, when, where.country, where.region, casualties, casualties.sources, places,
  actors, actors.roles, statements, consequences, incidents.
- shares (`ratios`): casualties.claims_marked, casualties.qualifier, casualties.status, actors.kind, grounding,
  schema_valid, text.numbers_covered, text.names_covered.
- counts where lower is better (`tallies`): casualties.outcome_mixups, invented_numbers.

Casualty sources are scored as a second matching whose criterion is the casualty criterion plus an agreeing
source (reported_by fuzzy-matches the gold's reported_by or one of its alt_sources; both unattributed also
agrees), so a figure with the wrong source is a false positive and a false negative there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from summarizer.contract.event import Actor, Casualty, Consequence, EventSummary, Evidence, Incident, Place, Statement
from summarizer.contract.gold import (
    GoldActor,
    GoldCasualty,
    GoldConsequence,
    GoldIncident,
    GoldPlace,
    GoldStatement,
    GoldSummary,
)
from summarizer.evaluation.scoring.evidence import evidence_located
from summarizer.evaluation.scoring.fields import (
    best_name_similarity,
    category_match,
    date_match,
    name_affinity,
    names_match,
    value_match,
)
from summarizer.evaluation.scoring.lists import match_items, set_counts
from summarizer.evaluation.scoring.results import ArticleScore, Counts, Mismatch, Ratio
from summarizer.evaluation.scoring.text_checks import invented_numbers, mentions, text_numbers
from summarizer.lang import detect_language
from summarizer.text.names import canonical_country, fold
from summarizer.text.parse import stated_values

_SWAPPABLE = frozenset({"killed", "injured"})
_UNATTRIBUTED = frozenset({"", "unknown", "unattributed", "not stated", "none", "null"})


def _scalar(correct: bool, predicted: bool, expected: bool) -> Counts:
    if correct:
        return Counts(tp=1)
    return Counts(fp=int(predicted), fn=int(expected))


def _text_similarity(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    return float(fuzz.token_set_ratio(fold(a), fold(b))) / 100.0


# --- descriptions shown in reports and junit failures -------------------------------------------------------

def describe_casualty(c: Casualty) -> str:
    value = c.value if c.value is not None else "?"
    return (f"{c.group} {c.outcome} {value} [{c.raw_text!r}, {c.qualifier}, {c.status}, "
            f"by {c.reported_by or 'unattributed'}, scope {c.scope}]")


def _country(name: str | None) -> str | None:
    return canonical_country(name) if name else name


def _place_names(p: Place) -> list[str]:
    names = [p.name, p.normalized, *p.spellings]
    if isinstance(p, GoldPlace):
        names += p.alt_names
    return names


def _actor_names(a: Actor) -> list[str]:
    return [a.name, a.normalized, *a.aliases]


def _expand(name: str, actors: Sequence[Actor]) -> list[str]:
    """A statement's actor plus every alias of the listed actor it names."""
    names = [name]
    for actor in actors:
        if names_match([name], _actor_names(actor)):
            names += _actor_names(actor)
    return names


class _ArticleScorer:
    def __init__(self, stem: str, gold: GoldSummary, prediction: EventSummary | None, article: str,
                 error: str | None) -> None:
        self.gold = gold
        self.pred = prediction
        self.article = article
        self.score = ArticleScore(stem=stem, schema_valid=prediction is not None and error is None, error=error)

    def miss(self, field: str, *, gold: str | None = None, predicted: str | None = None, note: str = "") -> None:
        self.score.mismatches.append(Mismatch(field=field, gold=gold, predicted=predicted, note=note))

    def run(self) -> ArticleScore:
        self.score.ratios["schema_valid"] = Ratio(hits=int(self.score.schema_valid), total=1)
        self.event()
        self.casualties()
        self.places()
        self.actors()
        self.statements()
        self.consequences()
        self.incidents()
        self.grounding()
        self.numbers_and_text()
        return self.score

    # --- single-valued fields -------------------------------------------------------------------------------

    def event(self) -> None:
        g, p = self.gold, self.pred
        ok = p is not None and category_match(p.event_type, g.event_type, g.alt_event_types)
        self.score.counts["event_type"] = _scalar(ok, p is not None, True)
        if not ok:
            self.miss("event.event_type", gold=" | ".join([g.event_type, *g.alt_event_types]),
                      predicted=p.event_type if p else None)

        start_ok = p is not None and date_match(p.when.start, g.when.start, g.when.precision)
        end_ok = g.when.end is None or (p is not None and date_match(p.when.end, g.when.end, g.when.precision))
        ok = start_ok and end_ok
        self.score.counts["when"] = _scalar(ok, p is not None and p.when.start is not None,
                                            g.when.start is not None or p is None)
        if not ok:
            self.miss("event.when", gold=f"{g.when.start}..{g.when.end} ({g.when.precision})",
                      predicted=f"{p.when.start}..{p.when.end} ({p.when.precision})" if p else None)

        for key, gold_value, alternatives, pred_value in (
            # one country, however written: 'USA' and 'United States' agree
            ("where.country", _country(g.where.country), [], _country(p.where.country) if p else None),
            ("where.region", g.where.region, g.where.alt_regions, p.where.region if p else None),
        ):
            if gold_value is None:
                ok = p is not None and pred_value is None
            else:
                ok = names_match([pred_value], [gold_value, *alternatives])
            # A missing prediction misses even a gold "none": it did not say so.
            self.score.counts[key] = _scalar(ok, pred_value is not None, gold_value is not None or p is None)
            if not ok:
                self.miss(f"event.{key}", gold=" | ".join(x for x in [gold_value, *alternatives] if x) or None,
                          predicted=pred_value)

    # --- casualties ------------------------------------------------------------------------------------------

    @staticmethod
    def _figure_agrees(p: Casualty, g: GoldCasualty) -> bool:
        return (category_match(p.group, g.group, g.alt_groups) and p.outcome == g.outcome
                and value_match(p.value, g.value, g.low, g.high))

    @staticmethod
    def _source_agrees(p: Casualty, g: GoldCasualty) -> bool:
        said = None if fold(p.reported_by or "") in _UNATTRIBUTED else p.reported_by
        if said is None or (g.reported_by is None and not g.alt_sources):
            return said is None and g.reported_by is None
        return names_match([said], [g.reported_by, *g.alt_sources])

    @classmethod
    def _casualty_affinity(cls, p: Casualty, g: GoldCasualty) -> float:
        return (0.4 * float(cls._source_agrees(p, g))
                + 0.2 * float(category_match(p.qualifier, g.qualifier, g.alt_qualifiers))
                + 0.2 * float(category_match(p.status, g.status, g.alt_statuses))
                + 0.2 * _text_similarity(p.scope, g.scope))

    def casualties(self) -> None:
        preds = self.pred.casualties if self.pred else []
        golds = self.gold.casualties
        matching = match_items(preds, golds, agree=self._figure_agrees, affinity=self._casualty_affinity,
                               optional=lambda g: g.optional)
        self.score.counts["casualties"] = matching.counts
        sourced = match_items(preds, golds, agree=lambda p, g: self._figure_agrees(p, g) and self._source_agrees(p, g),
                              affinity=self._casualty_affinity, optional=lambda g: g.optional)
        self.score.counts["casualties.sources"] = sourced.counts

        qualifier, status, claims = Ratio(), Ratio(), Ratio()
        for i, j in matching.pairs:
            p, g = preds[i], golds[j]
            q_ok = category_match(p.qualifier, g.qualifier, g.alt_qualifiers)
            s_ok = category_match(p.status, g.status, g.alt_statuses)
            qualifier += Ratio(hits=int(q_ok), total=1)
            status += Ratio(hits=int(s_ok), total=1)
            if g.status == "claimed":
                claims += Ratio(hits=int(s_ok), total=1)
            if not q_ok:
                self.miss("casualties.qualifier", gold=describe_casualty(g), predicted=describe_casualty(p))
            if not s_ok:
                self.miss("casualties.status", gold=describe_casualty(g), predicted=describe_casualty(p))
            if not self._source_agrees(p, g):
                self.miss("casualties.source", gold=describe_casualty(g), predicted=describe_casualty(p))
        for j in matching.unmatched_gold:
            g = golds[j]
            if g.status == "claimed":
                claims += Ratio(hits=0, total=1)
            same_kind = [str(p.value) for p in preds if category_match(p.group, g.group, g.alt_groups)
                         and p.outcome == g.outcome]
            self.miss("casualties", gold=describe_casualty(g),
                      predicted=f"{g.group} {g.outcome}: {', '.join(same_kind)}" if same_kind else None,
                      note="missed figure")
        mixups = 0
        for i in matching.unmatched_predictions:
            p = preds[i]
            swapped = [g for g in golds if {p.outcome, g.outcome} == _SWAPPABLE
                       and category_match(p.group, g.group, g.alt_groups)
                       and value_match(p.value, g.value, g.low, g.high)]
            if swapped:
                mixups += 1
                self.miss("casualties.outcome_mixup", gold=describe_casualty(swapped[0]),
                          predicted=describe_casualty(p), note="killed/injured swapped")
            else:
                self.miss("casualties", predicted=describe_casualty(p), note="no gold figure matches")
        self.score.ratios["casualties.qualifier"] = qualifier
        self.score.ratios["casualties.status"] = status
        self.score.ratios["casualties.claims_marked"] = claims
        self.score.tallies["casualties.outcome_mixups"] = mixups

    # --- other lists -----------------------------------------------------------------------------------------

    def _report_unmatched(self, field: str, preds: Sequence[object], golds: Sequence[object],
                          unmatched_pred: Iterable[int], unmatched_gold: Iterable[int],
                          describe: object) -> None:
        render = describe if callable(describe) else str
        for j in unmatched_gold:
            self.miss(field, gold=str(render(golds[j])), note="missed")
        for i in unmatched_pred:
            self.miss(field, predicted=str(render(preds[i])), note="no gold item matches")

    def places(self) -> None:
        preds: list[Place] = self.pred.where.places if self.pred else []
        golds: list[GoldPlace] = self.gold.where.places
        m = match_items(preds, golds, agree=lambda p, g: names_match(_place_names(p), _place_names(g)),
                        affinity=lambda p, g: name_affinity(_place_names(p), _place_names(g)),
                        optional=lambda g: g.optional)
        self.score.counts["places"] = m.counts
        self._report_unmatched("places", preds, golds, m.unmatched_predictions, m.unmatched_gold,
                               lambda x: " / ".join(dict.fromkeys(_place_names(x))))

    def actors(self) -> None:
        preds: list[Actor] = self.pred.actors if self.pred else []
        golds: list[GoldActor] = self.gold.actors
        m = match_items(preds, golds, agree=lambda p, g: names_match(_actor_names(p), _actor_names(g)),
                        affinity=lambda p, g: name_affinity(_actor_names(p), _actor_names(g)),
                        optional=lambda g: g.optional)
        self.score.counts["actors"] = m.counts
        kind, roles = Ratio(), Counts()
        for i, j in m.pairs:
            p, g = preds[i], golds[j]
            kind += Ratio(hits=int(p.kind == g.kind), total=1)
            roles += set_counts(p.roles, g.roles)
            if p.kind != g.kind or set(p.roles) != set(g.roles):
                self.miss("actors.kind_roles", gold=f"{g.name}: {g.kind} {sorted(g.roles)}",
                          predicted=f"{p.name}: {p.kind} {sorted(p.roles)}")
        self.score.ratios["actors.kind"] = kind
        self.score.counts["actors.roles"] = roles
        self._report_unmatched("actors", preds, golds, m.unmatched_predictions, m.unmatched_gold,
                               lambda x: f"{x.name} ({x.kind}; aliases: {', '.join(x.aliases) or '-'})")

    def statements(self) -> None:
        preds: list[Statement] = self.pred.statements if self.pred else []
        golds: list[GoldStatement] = self.gold.statements
        pred_actors: list[Actor] = self.pred.actors if self.pred else []
        gold_actors = self.gold.actors

        def agree(p: Statement, g: GoldStatement) -> bool:
            return category_match(p.kind, g.kind, g.alt_kinds) and names_match(
                _expand(p.actor, pred_actors), _expand(g.actor, gold_actors))

        m = match_items(preds, golds, agree=agree, optional=lambda g: g.optional,
                        affinity=lambda p, g: 0.5 * _text_similarity(p.target, g.target)
                        + 0.5 * _text_similarity(p.text, g.text))
        self.score.counts["statements"] = m.counts
        self._report_unmatched("statements", preds, golds, m.unmatched_predictions, m.unmatched_gold,
                               lambda x: f"{x.kind} by {x.actor} about {x.target or '-'}: {x.text}")

    def consequences(self) -> None:
        preds: list[Consequence] = self.pred.consequences if self.pred else []
        golds: list[GoldConsequence] = self.gold.consequences
        m = match_items(preds, golds, agree=lambda p, g: category_match(p.kind, g.kind, g.alt_kinds),
                        affinity=lambda p, g: 0.5 * best_name_similarity([p.place], [g.place])
                        + 0.5 * _text_similarity(p.description, g.description),
                        optional=lambda g: g.optional)
        self.score.counts["consequences"] = m.counts
        self._report_unmatched("consequences", preds, golds, m.unmatched_predictions, m.unmatched_gold,
                               lambda x: f"{x.kind} at {x.place or '-'}: {x.description}")

    def incidents(self) -> None:
        preds: list[Incident] = self.pred.incidents if self.pred else []
        golds: list[GoldIncident] = self.gold.incidents

        def agree(p: Incident, g: GoldIncident) -> bool:
            if g.place:
                return names_match([p.place], [g.place]) or mentions(p.description, [g.place])
            return _text_similarity(p.description, g.description) >= 0.6

        m = match_items(preds, golds, agree=agree, optional=lambda g: g.optional,
                        affinity=lambda p, g: _text_similarity(p.description, g.description))
        self.score.counts["incidents"] = m.counts
        self._report_unmatched("incidents", preds, golds, m.unmatched_predictions, m.unmatched_gold,
                               lambda x: f"{x.place or '-'}: {x.description}")

    # --- grounding, numbers, free text -----------------------------------------------------------------------

    def grounding(self) -> None:
        located = Ratio()
        if self.pred is not None:
            p = self.pred
            items: list[tuple[str, Evidence | None]] = []
            if p.when.evidence is not None:
                items.append(("when", p.when.evidence))
            items += [(f"place {x.name}", x.evidence) for x in p.where.places]
            items += [(f"actor {x.name}", x.evidence) for x in p.actors]
            items += [(f"casualty {x.id}", x.evidence) for x in p.casualties]
            items += [(f"incident {x.id}", x.evidence) for x in p.incidents]
            items += [(f"statement by {x.actor}", x.evidence) for x in p.statements]
            items += [(f"consequence {x.kind}", x.evidence) for x in p.consequences]
            for label, evidence in items:
                ok = evidence_located(evidence, self.article)
                located += Ratio(hits=int(ok), total=1)
                if not ok and evidence is not None:
                    span = self.article[evidence.start:evidence.end] if evidence.end <= len(self.article) else ""
                    self.miss("grounding", gold=repr(span), predicted=f"{label}: {evidence.quote!r} "
                              f"[{evidence.start}:{evidence.end}, {evidence.match}]", note="evidence not located")
        self.score.ratios["grounding"] = located

    def numbers_and_text(self) -> None:
        p, g = self.pred, self.gold
        texts = [p.headline, p.summary] if p else []
        # a counted phrase ('a man and a woman' = 2) states no number: only stated values are checked
        language = detect_language(self.article)
        stated = [c.value for c in p.casualties if stated_values(c.raw_text, language)] if p else []
        invented = invented_numbers(texts, stated, self.article)
        self.score.tallies["invented_numbers"] = len(invented)
        if invented:
            self.miss("numbers", predicted=", ".join(invented), note="not in the article")

        gold_text, pred_text = f"{g.headline}\n{g.summary}", "\n".join(texts)
        key_numbers = list(dict.fromkeys(text_numbers(gold_text)))
        said = set(text_numbers(pred_text))
        covered = [n for n in key_numbers if n in said]
        self.score.ratios["text.numbers_covered"] = Ratio(hits=len(covered), total=len(key_numbers))
        variants = [_place_names(x) for x in g.where.places if not x.optional]
        variants += [_actor_names(x) for x in g.actors if not x.optional]
        key_names = [v for v in variants if mentions(gold_text, v)]
        named = [v for v in key_names if mentions(pred_text, v)]
        self.score.ratios["text.names_covered"] = Ratio(hits=len(named), total=len(key_names))


def score_article(stem: str, gold: GoldSummary, prediction: EventSummary | None, article: str,
                  *, error: str | None = None) -> ArticleScore:
    """Score a prediction (None when the summarizer failed: scored as empty) against gold."""
    return _ArticleScorer(stem, gold, prediction, article, error).run()
