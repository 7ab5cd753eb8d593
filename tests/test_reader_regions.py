"""Regions known by name (extract.regions and the pipeline's `where`): region_names.tsv. The model's answer is given;
code keeps, renames, drops or reads the region and its country from the gazetteer."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.backends.fake import FakeBackend
from summarizer.extract.regions import (
    covers,
    gazetteer_name,
    known_regions,
    listed_with_regions,
    own_name,
    region_country,
    regions,
    regions_named,
)
from summarizer.lang import detect_language, lexicon
from summarizer.llm.passes import OverviewAnswer
from summarizer.pipeline import Summarizer, _Run
from summarizer.text.dates import read_header
from summarizer.text.names import canonical_country, is_country_name
from summarizer.text.parse import split_sentences


def where(text: str, country: str, region: str, places: list[str]) -> tuple[str | None, str | None]:
    language = detect_language(text)
    sentences = split_sentences(text)
    run = _Run(text, sentences, read_header(text, lx=language.lexicon), [], language=language)
    answer = OverviewAnswer.model_construct(headline="", summary="", on_purpose="yes", event_type="other",
                                            country=country, region=region, places=places, date_words="")
    found = Summarizer(FakeBackend({}))._where(run, answer)
    return found.country, found.region


@pytest.mark.parametrize(("lang", "text", "expected"), rows("region_names.tsv"))
def test_the_region_and_its_country(lang: str, text: str, expected: str) -> None:
    article, country, region, places = (part.strip() for part in text.split(" | "))
    assert detect_language(article).code == lang
    want_country, want_region = (part.strip() or None for part in expected.split(" | "))
    assert where(article, country, region, [p for p in places.split(";") if p]) == (want_country, want_region)


def test_every_row_of_the_gazetteer_is_whole() -> None:
    names = [r.name for r in regions()]
    assert len(names) > 500
    for region in regions():
        assert region.spellings[0] == region.name and region.name.strip() and region.country.strip()
        assert all(s in region.spellings for s in region.shared)
    # one English name per country's region
    assert len({(r.country, r.name) for r in regions()}) == len(names)


def test_a_name_inside_a_longer_one_is_not_a_naming() -> None:
    assert [r.name for _, r in regions_named("Storms hit West Virginia and West Papua.")] == ["West Virginia",
                                                                                               "West Papua"]
    assert [r.name for _, r in regions_named("Storms hit Virginia.")] == ["Virginia"]
    assert regions_named("A fire in Murcia and Kursk.") == []  # names a city shares are not read alone


@pytest.mark.parametrize("text", ["A landslide in Papua New Guinea buried a village.",
                                  "Un glissement de terrain en Papouasie-Nouvelle-Guinée.",
                                  "Ein Erdrutsch in Papua-Neuguinea."])
def test_a_region_s_name_inside_a_country_s_is_not_a_naming(text: str) -> None:
    assert regions_named(text) == []
    assert [r.name for _, r in regions_named(text + " Rain also fell in Papua province.")] == ["Papua"]


def test_spellings_and_countries() -> None:
    assert gazetteer_name("Bayern", None) == "Bavaria"
    assert gazetteer_name("Baluchistan", "Pakistan") == "Balochistan"
    assert gazetteer_name("Punjab", None) == "Punjab" and region_country(None, "Punjab") is None  # two countries'
    assert region_country(None, "Bayern") == "Germany" and gazetteer_name("Bayern", "Spain") is None
    assert {r.country for r in known_regions("پنجاب")} == {"India", "Pakistan"}
    assert own_name("Yunnan") == "Yunnan" and own_name("Murcia") is None and own_name("Tarelo") is None
    assert covers("Syria") and not covers("Mexico") and not covers(None)


@pytest.mark.parametrize(("lang", "name", "expected"), rows("country_names.tsv"))
def test_a_country_named_in_another_language(lang: str, name: str, expected: str) -> None:
    assert lang
    if expected == "-":
        assert canonical_country(name) == name and not is_country_name(name)
    else:
        assert canonical_country(name) == expected and is_country_name(name)


@pytest.mark.parametrize(("lang", "text", "expected"), rows("region_lists.tsv"))
def test_a_shared_name_listed_beside_a_region_is_that_region(lang: str, text: str, expected: str) -> None:
    article, country, name = (part.strip() for part in text.split(" | "))
    lx = lexicon(lang)
    assert lx is not None
    assert (listed_with_regions(article, name, country, lx.list_joiners) or "-") == expected


def test_the_model_giving_a_listed_regions_name_as_a_place_keeps_it_out_of_the_places() -> None:
    article = ("Terremoto, 90 feriti\nI feriti passati per gli ospedali di Lazio, Umbria e Marche sono 90, ha detto "
               "la Protezione civile di Amatrice.\n")
    language = detect_language(article)
    run = _Run(article, split_sentences(article), read_header(article, lx=language.lexicon), [], language=language)
    answer = OverviewAnswer.model_construct(headline="", summary="", on_purpose="no", event_type="disaster",
                                            country="Italy", region="Lazio", places=["Marche", "Amatrice"],
                                            date_words="")
    found = Summarizer(FakeBackend({}))._where(run, answer)
    assert [p.name for p in found.places] == ["Amatrice"]
    assert any(d.kind == "place" and d.content == "Marche" for d in run.dropped)
