"""The embedded model's JSON grammar: a string can hold no raw control character (a raw newline in a string made
the JSON parser reject a whole overview answer of a real article)."""

from __future__ import annotations

import ctypes
import json
import math
from typing import Any

import pytest

from summarizer.backends.llama import forbid_control_characters
from summarizer.llm.passes import OverviewAnswer

llama_grammar = pytest.importorskip("llama_cpp.llama_grammar")


def _char_rule() -> str:
    grammar = llama_grammar.LlamaGrammar.from_json_schema(json.dumps(OverviewAnswer.model_json_schema()),
                                                          verbose=False)
    return next(line for line in grammar._grammar.splitlines() if line.startswith("char ::="))


def test_json_strings_exclude_control_characters() -> None:
    forbid_control_characters(llama_grammar)
    rule = _char_rule()
    assert r"\x00-\x1F" in rule and r"\x7F" in rule
    assert '"\\\\" (["\\\\/bfnrt]' in rule  # escapes (\n written as backslash-n) stay allowed


def test_the_rule_is_set_once_whatever_the_calls() -> None:
    forbid_control_characters(llama_grammar)
    forbid_control_characters(llama_grammar)
    assert _char_rule().count(r"\x00-\x1F") == 1


# -- the overview's event type follows its on_purpose answer ---------------------------------------------------------


def _overview(on_purpose: str, event_type: str) -> str:
    return json.dumps({"headline": "Bus falls into gorge", "summary": "A bus fell.", "on_purpose": on_purpose,
                       "event_type": event_type, "country": "India", "region": "", "places": ["Kullu"],
                       "date_words": ""})


@pytest.fixture(scope="module")
def vocab() -> Any:
    """The embedded model's vocabulary only (no weights loaded): what llama.cpp's grammar sampler needs."""
    llama_cpp = pytest.importorskip("llama_cpp")
    from summarizer.backends.llama import load_cpu_backends
    from summarizer.files.model_store import ensure_model

    load_cpu_backends(llama_cpp)
    model = llama_cpp.Llama(model_path=str(ensure_model()), vocab_only=True, verbose=False)
    yield model
    model.close()


def _grammar_takes(vocab: Any, text: str) -> bool:
    """Whether the overview form's grammar accepts `text`, fed to llama.cpp's grammar sampler token by token."""
    from llama_cpp import llama_cpp as C

    forbid_control_characters(llama_grammar)
    grammar = llama_grammar.LlamaGrammar.from_json_schema(json.dumps(OverviewAnswer.model_json_schema()),
                                                          verbose=False)
    sampler = C.llama_sampler_init_grammar(vocab._model.vocab, grammar._grammar.encode(), grammar._root.encode())
    try:
        one = C.llama_token_data()
        candidates = C.llama_token_data_array(data=ctypes.pointer(one), size=1, selected=-1, sorted=False)
        for token in vocab.tokenize(text.encode(), add_bos=False, special=False):
            one.id, one.logit, one.p = token, 1.0, 0.0
            C.llama_sampler_apply(sampler, ctypes.byref(candidates))
            if math.isinf(one.logit):
                return False
            C.llama_sampler_accept(sampler, token)
        return True
    finally:
        C.llama_sampler_free(sampler)


@pytest.mark.model
@pytest.mark.parametrize(("on_purpose", "event_type", "taken"), [
    ("no", "accident", True), ("no", "disaster", True), ("no", "other", False),
    ("no", "violence_against_civilians", False), ("no", "battle", False),
    ("yes", "battle", True), ("yes", "violence_against_civilians", True), ("yes", "other", True),
    ("yes", "accident", False), ("yes", "disaster", False),
])
def test_the_grammar_holds_event_type_to_on_purpose(vocab: Any, on_purpose: str, event_type: str,
                                                    taken: bool) -> None:
    assert _grammar_takes(vocab, _overview(on_purpose, event_type)) is taken


def test_the_form_still_parses_what_other_backends_return() -> None:
    """A server that ignores the alternatives may still answer "no" with "battle": the answer parses, and the
    pipeline's check (not the form) re-asks it."""
    answer = OverviewAnswer.model_validate_json(_overview("no", "battle"))
    assert answer.on_purpose == "no" and answer.event_type == "battle"


def _longest(model: type[Any]) -> str:
    """The longest answer the form's grammar allows (every string at its maxLength, every list full), as JSON."""
    values: dict[str, Any] = {}
    for key, spec in model.model_json_schema()["properties"].items():
        if spec.get("type") == "array":
            values[key] = ["x" * spec["items"]["maxLength"]] * spec["maxItems"]
        elif "enum" in spec:
            values[key] = max(spec["enum"], key=len)
        else:
            values[key] = "x" * spec["maxLength"]
    return json.dumps(values)


@pytest.mark.parametrize("count", [1, 5, 12])
def test_a_pass_cap_never_cuts_the_longest_answer_its_grammar_allows(count: int) -> None:
    """A token holds at least one character, so an answer's length in characters bounds its tokens."""
    from summarizer.llm.passes import StatementAnswer, described_form, token_budget

    for form in (described_form(count, "F"), described_form(count, "N"), StatementAnswer):
        assert len(_longest(form)) <= token_budget(form)
