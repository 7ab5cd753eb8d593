"""Consolidation: grouping, name merging, figure disputes and windows, on hand-built (made-up) summaries."""

from __future__ import annotations

from datetime import date

import pytest
from consolidate_helpers import actor, ev, fig, one_event_reports, other_event, place, statement, summary

from summarizer.consolidate.grouping import group_summaries
from summarizer.consolidate.names import place_core
from summarizer.consolidate.report import render_markdown
from summarizer.consolidate.run import consolidate, consolidate_with_decisions
from summarizer.contract.consolidated import ConsolidatedEvent, FigureSet
from summarizer.contract.event import EventSummary
from summarizer.text.windows import parse_window, same_window


def _only(events: list[ConsolidatedEvent]) -> ConsolidatedEvent:
    assert len(events) == 1, [e.event_id for e in events]
    return events[0]


def _event_report(aid: str, **fields: object) -> tuple[str, EventSummary]:
    """A report that groups with the others made here: same day, places and group."""
    front = actor("Kestrian Freedom Front", roles=["perpetrator"])
    return aid, summary(aid, start=date(2031, 5, 10), places=[place("Dorvan"), place("Port Elsa")], actors=[front],
                        **fields)  # type: ignore[arg-type]


def _set(event: ConsolidatedEvent, key: str) -> FigureSet:
    found = [f for f in event.figures if f.key == key]
    assert found, [f.key for f in event.figures]
    return found[0]


# ----- grouping -------------------------------------------------------------------------------------------------


def test_five_reports_of_one_event_merge_and_a_distinct_event_a_week_later_does_not():
    events, decisions = consolidate_with_decisions([*one_event_reports(), other_event(days_later=7)])
    members = sorted(sorted(a.ref for a in e.articles) for e in events)
    assert members == [["a1", "a2", "a3", "a4", "a5"], ["b1"]]
    veto = next(d for d in decisions if {d.a, d.b} == {"a1", "b1"})
    assert veto.verdict == "different_event"
    assert veto.date_distance_days == 7
    assert any("7 days apart" in r for r in veto.reasons)


def test_same_day_same_province_but_different_places_and_actors_stays_apart():
    base = summary("x1", start=date(2031, 5, 10), places=[place("Dorvan")],
                   actors=[actor("Kestrian Freedom Front", roles=["perpetrator"])])
    other = summary("x2", start=date(2031, 5, 10), places=[place("Hallow Creek")],
                    actors=[actor("Sarn Valley Militia", kind="militia", roles=["perpetrator"])])
    groups, decisions = group_summaries([("x1", base), ("x2", other)])
    assert groups == [[0], [1]]
    assert decisions[0].verdict in ("borderline", "different_event")
    assert decisions[0].shared_places == [] and decisions[0].shared_actors == []


def test_borderline_pair_is_merged_only_when_the_confirmer_says_so():
    base = summary("x1", start=date(2031, 5, 10), places=[place("Dorvan")])
    other = summary("x2", start=date(2031, 5, 10), places=[place("Hallow Creek")])
    pairs = [("x1", base), ("x2", other)]
    _, decisions = group_summaries(pairs)
    assert decisions[0].verdict == "borderline"
    groups, decisions = group_summaries(pairs, confirm=lambda a, b: True)
    assert groups == [[0, 1]]
    assert decisions[0].decided_by == "confirmer"
    groups, _ = group_summaries(pairs, confirm=lambda a, b: False)
    assert groups == [[0], [1]]


def test_undated_reports_merge_on_strong_place_and_actor_overlap_only():
    front = actor("Kestrian Freedom Front", roles=["perpetrator"])
    a = summary("u1", places=[place("Dorvan"), place("Port Elsa")], actors=[front])
    b = summary("u2", places=[place("Port Elsa"), place("Durvan")], actors=[actor("KFF", roles=["claimant"])])
    weak = summary("u3", places=[place("Port Elsa")])
    groups, decisions = group_summaries([("u1", a), ("u2", b), ("u3", weak)])
    assert groups == [[0, 1], [2]]
    strong = decisions[0]
    assert strong.verdict == "same_event" and strong.date_distance_days is None
    assert any("date unresolved" in r for r in strong.reasons)


def test_a_countries_conflict_over_a_distinctive_shared_place_is_left_to_the_confirmer():
    front = actor("Kestrian Freedom Front", roles=["perpetrator"])
    a = summary("k1", country="Varnia", places=[place("Dorvan")], actors=[front],
                casualties=[fig("c1", "people", "killed", 44)])
    b = summary("k2", country="Ostmark", places=[place("Dorvan")], actors=[front],
                casualties=[fig("c1", "people", "killed", 40)])
    groups, decisions = group_summaries([("k1", a), ("k2", b)])
    assert groups == [[0], [1]] and decisions[0].verdict == "borderline"
    assert any("at most borderline" in r for r in decisions[0].reasons)
    groups, _ = group_summaries([("k1", a), ("k2", b)], confirm=lambda x, y: True)
    assert groups == [[0, 1]]
    apart = summary("k3", country="Ostmark", places=[place("Hallow Creek")], actors=[front],
                    casualties=[fig("c1", "people", "killed", 40)])
    groups, decisions = group_summaries([("k1", a), ("k3", apart)], confirm=lambda x, y: True)
    assert groups == [[0], [1]] and any(r.startswith("different countries") for r in decisions[0].reasons)


def test_a_country_the_article_does_not_name_is_not_weighed():
    front = actor("Kestrian Freedom Front", roles=["perpetrator"])
    a = summary("k1", country="Varnia", places=[place("Dorvan")], actors=[front],
                casualties=[fig("c1", "people", "killed", 44)])
    b = summary("k2", country="Ostmark", country_named=False, places=[place("Dorvan")], actors=[front],
                casualties=[fig("c1", "people", "killed", 40)])
    groups, decisions = group_summaries([("k1", a), ("k2", b)])
    assert groups == [[0, 1]] and decisions[0].verdict == "same_event"
    assert any("not weighed: k2 does not name its country" in r for r in decisions[0].reasons)
    named = b.model_copy(update={"where": b.where.model_copy(update={"country_named": True})})
    groups, decisions = group_summaries([("k1", a), ("k2", named)])
    assert groups == [[0], [1]] and any("at most borderline" in r for r in decisions[0].reasons)


def test_a_city_one_report_gives_as_its_region_is_a_place_the_other_names():
    a = summary("m1", event_type="accident", region="Dorvan", places=[],
                casualties=[fig("c1", "civilians", "killed", 7)])
    b = summary("m2", event_type="accident", region="", places=[place("Dorvan")],
                casualties=[fig("c1", "civilians", "killed", 7)])
    groups, decisions = group_summaries([("m1", a), ("m2", b)])
    assert groups == [[0, 1]] and decisions[0].shared_places == ["Dorvan"]


def test_a_place_one_model_left_out_counts_when_the_other_reports_quotes_name_it():
    quoted = fig("c1", "people", "killed", 267)
    quoted = quoted.model_copy(update={"evidence": ev("DORVAN – Sale il numero delle vittime: 267 morti")})
    a = summary("q1", event_type="disaster", region="", places=[], casualties=[quoted])
    b = summary("q2", event_type="disaster", region="", places=[place("Dorvan")],
                casualties=[fig("c1", "people", "killed", 278)])
    groups, decisions = group_summaries([("q1", a), ("q2", b)])
    assert groups == [[0, 1]] and decisions[0].shared_places == ["Dorvan"]
    elsewhere = summary("q3", event_type="disaster", region="", places=[place("Hallow Creek")],
                        casualties=[fig("c1", "people", "killed", 278)])
    groups, decisions = group_summaries([("q1", a), ("q3", elsewhere)])
    assert groups == [[0], [1]] and decisions[0].shared_places == []


def test_undated_reports_of_one_region_with_close_tolls_are_asked_about_not_joined():
    a = summary("r1", event_type="accident", places=[place("Dorvan")], casualties=[fig("c1", "people", "killed", 26)])
    b = summary("r2", event_type="accident", places=[place("Hallow Creek")],
                casualties=[fig("c1", "people", "killed", 25)])
    groups, decisions = group_summaries([("r1", a), ("r2", b)])
    assert groups == [[0], [1]] and decisions[0].verdict == "borderline"
    far = summary("r3", event_type="accident", places=[place("Hallow Creek")],
                  casualties=[fig("c1", "people", "killed", 3)])
    _, decisions = group_summaries([("r1", a), ("r3", far)])
    assert decisions[0].verdict == "different_event"


def test_a_toll_of_plain_people_is_close_to_a_toll_of_any_group():
    # '26 people' and '25 passengers' (civilians) of one bus fire: close tolls; '26 militants' are another family
    a = summary("p1", event_type="accident", places=[place("Dorvan")], casualties=[fig("c1", "people", "killed", 26)])
    b = summary("p2", event_type="accident", places=[place("Hallow Creek")],
                casualties=[fig("c1", "civilians", "killed", 25)])
    _, decisions = group_summaries([("p1", a), ("p2", b)])
    assert decisions[0].verdict == "borderline"
    assert any(r.startswith("close figures") for r in decisions[0].reasons)
    c = a.model_copy(update={"casualties": [fig("c1", "militants", "killed", 26)]})
    _, decisions = group_summaries([("p3", c), ("p2", b)])
    assert decisions[0].verdict == "different_event"


def test_vetoed_pair_is_never_joined_through_a_third_report():
    front = actor("Kestrian Freedom Front", roles=["perpetrator"])
    places = [place("Dorvan"), place("Port Elsa")]
    early = summary("v1", start=date(2031, 5, 1), places=places, actors=[front])
    late = summary("v2", start=date(2031, 5, 20), places=places, actors=[front])
    undated = summary("v3", places=places, actors=[front])
    groups, _ = group_summaries([("v1", early), ("v2", late), ("v3", undated)])
    assert len(groups) == 2
    assert [0, 1] not in groups


def test_event_types_of_different_kinds_weigh_against_and_countries_veto():
    quake = summary("d1", start=date(2031, 5, 10), event_type="disaster", places=[place("Dorvan")])
    fight = summary("d2", start=date(2031, 5, 10), event_type="battle", places=[place("Dorvan")])
    abroad = summary("d3", start=date(2031, 5, 10), country="Elsewhere", places=[place("Dorvan")])
    groups, decisions = group_summaries([("d1", quake), ("d2", fight), ("d3", abroad)])
    assert groups == [[0], [1], [2]]
    assert any("event types of different kinds" in r for r in decisions[0].reasons) and decisions[0].score < 3
    assert any("different countries" in r for r in decisions[2].reasons)


@pytest.mark.parametrize(("name", "core"), [
    ("Dorvan County", "dorvan"), ("the city of Dorvan", "dorvan"), ("la ciudad de Dorvan", "dorvan"),
    ("ضلع باجوڑ", "باجوڑ"), ("बुलढाणा जिले", "बुलढाणा"), ("Mexico City", "mexico city"), ("Los Angeles", "los angeles"),
    ("Dorvan", "dorvan"), ("district", "district"),
])
def test_a_place_is_also_read_without_its_unit_words(name: str, core: str) -> None:
    assert place_core(name) == core


def test_a_place_named_with_and_without_its_unit_is_one_shared_place():
    front = actor("Kestrian Freedom Front", roles=["perpetrator"])
    a = summary("w1", places=[place("Dorvan County"), place("Port Elsa")], actors=[front])
    b = summary("w2", places=[place("Dorvan"), place("Elsa Port Township")], actors=[actor("KFF", roles=["claimant"])])
    groups, decisions = group_summaries([("w1", a), ("w2", b)])
    assert groups == [[0, 1]]
    assert decisions[0].shared_places


# ----- merging names ------------------------------------------------------------------------------------------


def test_places_merge_across_spellings_and_actors_across_acronyms():
    event = _only(consolidate(one_event_reports()))
    dorvan = next(p for p in event.where.places if p.name == "Dorvan")
    assert set(dorvan.spellings) == {"Dorvan", "Dorwan"}
    assert dorvan.articles == ["a1", "a2", "a3", "a4", "a5"]
    front = next(a for a in event.actors if a.name == "Kestrian Freedom Front")
    assert "KFF" in front.aliases
    assert front.articles == ["a1", "a2", "a3", "a4", "a5"]
    claims = [s for s in event.statements if s.kind == "claim_of_responsibility"]
    assert len(claims) == 1 and claims[0].articles == ["a1", "a2"]


def test_statements_keep_who_said_what_and_consequences_join_their_only_place():
    event = _only(consolidate(one_event_reports()))
    jail = [c for c in event.consequences if c.kind == "jail_break"]
    assert len(jail) == 1
    assert jail[0].place == "Mirak" and jail[0].articles == ["a1", "a3"]
    reports = [r for s in event.statements for r in s.reports]
    assert {r.outlet for r in reports} == {"Outlet One", "Outlet Two"}


def test_denial_and_accusation_by_different_speakers_stay_separate():
    a = summary("s1", statements=[statement("accusation", "Varnian government", "blamed a neighbour", "Ostland"),
                                  statement("denial", "Ostland", "denied it", "Varnian government")],
                actors=[actor("Varnian government", kind="government"), actor("Ostland", kind="foreign_government")])
    event = _only(consolidate([("s1", a)]))
    kinds = {(s.kind, s.actor, s.target) for s in event.statements}
    assert kinds == {("accusation", "Varnian government", "Ostland"), ("denial", "Ostland", "Varnian government")}


# ----- figures ------------------------------------------------------------------------------------------------


def test_security_personnel_family_dispute_and_claim_handling():
    event = _only(consolidate(one_event_reports()))
    security = _set(event, "security_personnel/killed/whole event")
    assert set(security.groups_seen) == {"police", "soldiers", "security_forces"}
    assert security.disputed is True
    assert security.has_claims is True
    claim = next(r for r in security.reports if r.value == 60)
    assert claim.perpetrator_claim is True
    assert security.conservative == 8 and security.low == 8 and security.high == 14  # the claim of 60 is out
    assert any("claimed" in n for n in security.notes)


def test_figures_over_different_windows_are_a_running_total_not_a_dispute():
    event = _only(consolidate(one_event_reports()))
    militants = _set(event, "militants/killed/whole event")
    assert militants.disputed is False
    assert militants.windows_differ is True
    labels = [(w.label, w.low) for w in militants.windows]
    assert labels == [("Tuesday", 40), ("48 h", 70), ("30 h", 95)]
    assert militants.conservative == 40
    assert any("running total" in n for n in militants.notes)


def test_unlocated_scope_joins_the_only_matching_place_and_bounds_decide_the_dispute():
    event = _only(consolidate(one_event_reports()))
    prisoners = _set(event, "prisoners/escaped/Mirak")
    assert sorted(r.raw_text for r in prisoners.reports) == ["at least 25", "exact 20", "more than 25"]
    assert prisoners.disputed is True  # 20 vs "more than 25": their ranges do not overlap
    assert prisoners.conservative == 20


def test_over_and_at_least_the_same_number_do_not_dispute_each_other():
    event = _only(consolidate([_event_report("p1", casualties=[fig("c1", "prisoners", "escaped", 30, "more_than")]),
                                _event_report("p2", casualties=[fig("c1", "prisoners", "escaped", 30, "at_least")]),
                                _event_report("p3", casualties=[fig("c1", "prisoners", "escaped", 31)])]))
    prisoners = _set(event, "prisoners/escaped/whole event")
    assert len(prisoners.reports) == 3 and not prisoners.disputed
    disputed = _only(consolidate([_event_report("p1", casualties=[fig("c1", "prisoners", "escaped", 30, "more_than")]),
                                  _event_report("p4", casualties=[fig("c1", "prisoners", "escaped", 30)])]))
    assert _set(disputed, "prisoners/escaped/whole event").disputed


def test_breakdowns_sums_earlier_and_long_windows_are_set_aside():
    a = _event_report("r1", casualties=[
        fig("c1", "civilians", "killed", 12, status="revised"),
        fig("c2", "civilians", "killed", 4, raw="an earlier toll of four"),
        fig("c3", "civilians", "killed", 7, raw="seven men"),
        fig("c4", "civilians", "killed", 5, raw="five women"),
        fig("c5", "militants", "killed", 20), fig("c6", "militants", "killed", 15), fig("c7", "militants", "killed", 5),
        fig("c8", "militants", "killed", 300, window="over the past year"),
        fig("c9", "militants", "killed", 9, window="a day before the attacks"),
    ])
    b = _event_report("r2", casualties=[fig("c1", "civilians", "killed", 12), fig("c2", "militants", "killed", 20)])
    event = _only(consolidate([a, b]))
    civilians = _set(event, "civilians/killed/whole event")
    roles = {r.raw_text: r.role for r in civilians.reports if r.article == "r1"}
    assert roles == {"exact 12": "figure", "an earlier toll of four": "superseded", "seven men": "part",
                     "five women": "part"}
    assert civilians.disputed is False and civilians.conservative == 12
    militants = _set(event, "militants/killed/whole event")
    roles = {r.value: r.role for r in militants.reports if r.article == "r1"}
    assert roles == {20: "figure", 15: "part", 5: "part", 300: "context", 9: "context"}
    assert militants.disputed is False and militants.high == 20


def test_vague_words_count_only_when_nothing_precise_is_reported():
    a = _event_report("g1", casualties=[fig("c1", "people", "killed", None, "vague", raw="dozens")])
    a[1].casualties[0].low = 12
    b = _event_report("g2", casualties=[fig("c1", "people", "killed", 40, "at_least")])
    both = _only(consolidate([a, b]))
    assert _set(both, "people/killed/whole event").conservative == 40
    alone = _only(consolidate([a]))
    assert _set(alone, "people/killed/whole event").conservative == 12


@pytest.mark.parametrize(("a", "b", "same"), [
    ("over the past 48 hours", "past two days", True),
    ("on Saturday", None, True),
    ("on Saturday", "early Saturday", True),
    ("on Saturday", "on Sunday", False),
    ("past 48 hours", "roughly 40 hours", False),
    ("twenty-four hours", "on Monday", True),
    ("over the past year", "past 48 hours", False),
    ("a day before the attacks", None, False),
    ("initially", None, False),
])
def test_window_comparison(a: str | None, b: str | None, same: bool):
    assert same_window(parse_window(a), parse_window(b)) is same


def test_window_parsing_labels():
    assert parse_window("over a span of roughly 40 hours").hours == 40
    assert parse_window("in the past week").label == "1 week"
    assert parse_window("Friday and Saturday").hours == 48
    assert parse_window(None).kind == "event"
    assert parse_window("a day before the attacks").kind == "before"


# ----- report -------------------------------------------------------------------------------------------------


def test_markdown_leads_with_summary_and_disputed_table():
    event = _only(consolidate(one_event_reports()))
    md = render_markdown(event)
    head, _, rest = md.partition("## Disputed and differing figures")
    assert "Disputed:" in head and "claimed responsibility" in head
    table = rest.split("## All figures")[0]
    assert "| Security personnel killed — disputed, includes claim |" in table
    assert "perpetrator claim, not counted" in table
    assert "| Outlet Three | exact 8 |" in table
    assert "over the past 48 hours (48 h)" in table
    assert md.index("## Disputed and differing figures") < md.index("## All figures") < md.index("## Places")


def test_single_undisputed_event_says_so():
    event = _only(consolidate([other_event()]))
    md = render_markdown(event)
    assert "No disputed figures." in md
    assert "One article: nothing to group." in md


@pytest.mark.parametrize(("lead_a", "lead_b"), [
    # Title Case headline words and weekdays
    (("Bus Falls Into Gorge On Saturday", "A bus fell near Dorvan on Saturday, officials said."),
     ("Ship Falls Silent After Storm", "A ship went silent on Saturday near Port Elsa.")),
    # a country or its adjective is no event's own name: two bombings in one province whose leads both (wrongly)
    # name a neighbouring country ('Afghanistan', 'Afghan')
    (("Bombing kills 44 at a rally", "A blast near Afghanistan killed 44 Afghan workers at Dorvan."),
     ("Suicide attack kills six at a wedding", "Six Afghan guests died at Hallow Creek, close to Afghanistan.")),
])
def test_words_that_name_no_event_are_not_distinctive_names(lead_a: tuple[str, str], lead_b: tuple[str, str]):
    a = summary("n1").model_copy(update={"headline": lead_a[0], "summary": lead_a[1]})
    b = summary("n2").model_copy(update={"headline": lead_b[0], "summary": lead_b[1]})
    _, decisions = group_summaries([("n1", a), ("n2", b)])
    assert not any("distinctive names" in r for r in decisions[0].reasons)


def test_an_undated_pair_anchored_only_by_names_in_the_leads_is_at_most_borderline():
    lead = "A regional train of Varnian Rail derailed near {}, officials of Varnian Rail said; 40 people were hurt."
    a = summary("t1", event_type="accident", region="", places=[place("Dorvan")],
                casualties=[fig("c1", "people", "injured", 40, "exact")]).model_copy(
        update={"summary": lead.format("Dorvan")})
    b = summary("t2", event_type="accident", region="", places=[place("Hallow Creek")],
                casualties=[fig("c1", "people", "injured", 41, "exact")]).model_copy(
        update={"summary": lead.format("Hallow Creek")})
    (decision,) = group_summaries([("t1", a), ("t2", b)])[1]
    assert any("distinctive names in both leads: rail, varnian" in r for r in decision.reasons)
    assert decision.verdict == "borderline" and decision.score >= 3.5  # enough for places, not for names alone
    dated = [("t1", a.model_copy(update={"when": a.when.model_copy(update={"start": date(2031, 5, 10)})})),
             ("t2", b.model_copy(update={"when": b.when.model_copy(update={"start": date(2031, 5, 10)})}))]
    (same_day,) = group_summaries(dated)[1]
    assert same_day.verdict == "same_event"  # the same day and the same names: enough


def test_a_region_that_is_the_other_reports_place_is_not_a_different_region():
    a = summary("r1", region="Palmyra", places=[place("Homs")])
    b = summary("r2", region="Homs Governorate", places=[place("Palmyra")])
    _, decisions = group_summaries([("r1", a), ("r2", b)])
    assert not any("different regions" in r for r in decisions[0].reasons)


def test_a_borderline_pair_is_settled_by_the_models_constrained_judgement_with_its_reason():
    from summarizer.backends.fake import FakeBackend
    from summarizer.consolidate.confirm import lead, model_confirmer

    a = summary("m1", places=[place("Port Elsa")])
    b = summary("m2", places=[place("Port Elsa")])
    backend = FakeBackend({"same_event": ['{"same": "yes", "reason": "same ferry sinking"}']})
    groups, decisions = group_summaries([("m1", a), ("m2", b)], confirm=model_confirmer(backend))
    assert groups == [[0, 1]]
    assert decisions[0].decided_by == "confirmer"
    assert decisions[0].reasons[-1] == "borderline pair confirmed: model: yes (same ferry sinking)"
    (call,) = backend.calls
    assert lead(a) in call["messages"][-1]["content"] and "Port Elsa" in lead(a)
    no = FakeBackend({"same_event": ['{"same": "no", "reason": "other day"}']})
    groups, _ = group_summaries([("m1", a), ("m2", b)], confirm=model_confirmer(no))
    assert groups == [[0], [1]]


def test_every_prompt_template_is_known_and_only_summary_templates_key_the_cache():
    from summarizer.files.paths import prompts_dir
    from summarizer.llm import prompts

    names = {p.stem for p in prompts_dir().glob("*.j2")}
    assert names == prompts.SUMMARY_TEMPLATES | prompts.OTHER_TEMPLATES
    assert not prompts.SUMMARY_TEMPLATES & prompts.OTHER_TEMPLATES


def test_a_judge_that_cannot_answer_is_asked_once_and_every_borderline_pair_says_why():
    from summarizer.backends.fake import FakeBackend
    from summarizer.consolidate.confirm import model_confirmer
    from summarizer.errors import BackendError, SummarizerWarning

    reports = [(f"x{i}", summary(f"x{i}", places=[place("Port Elsa")])) for i in range(3)]
    backend = FakeBackend({"same_event": [BackendError("model server down")]})
    with pytest.warns(SummarizerWarning, match="model server down"):
        groups, decisions = group_summaries(reports, confirm=model_confirmer(backend))
    assert groups == [[0], [1], [2]] and len(backend.calls) == 1
    assert all("model unavailable: " in d.reasons[-1] for d in decisions)


def test_a_borderline_pair_whose_death_tolls_disagree_wholly_is_not_asked_about():
    """Two undated bombings of one district: one report's 5 police killed against the other's 44 people killed, with
    only the district shared, are different events without the judge; close tolls, or none at all, still ask it."""
    a = summary("t1", event_type="explosion_remote_violence", places=[place("Dorvan")],
                casualties=[fig("c1", "police", "killed", 5), fig("c2", "people", "injured", 10)])
    b = summary("t2", event_type="explosion_remote_violence", places=[place("Dorvan")],
                casualties=[fig("c1", "people", "killed", 44)])
    asked: list[str] = []

    def judge(x: EventSummary, y: EventSummary) -> bool:
        asked.append(f"{x.article.id}/{y.article.id}")
        return True

    groups, decisions = group_summaries([("t1", a), ("t2", b)], confirm=judge)
    assert groups == [[0], [1]] and asked == []
    assert decisions[0].verdict == "different_event"
    assert any(r == "death tolls far apart (5 / 44): different events" for r in decisions[0].reasons)
    close = b.model_copy(update={"casualties": [fig("c1", "people", "killed", 8)]})  # 5 and 8: a toll that rose
    untold = b.model_copy(update={"casualties": []})
    for other in (close, untold):
        groups, decisions = group_summaries([("t1", a), ("t3", other)], confirm=judge)
        assert groups == [[0, 1]] and decisions[0].decided_by == "confirmer"
    assert asked == ["t1/t2", "t1/t2"]  # the copies keep the article id t2
