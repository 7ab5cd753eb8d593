"""The model's judgement of a borderline pair: code scores every pair (`grouping`); a pair that falls just short of
the threshold is shown to the model as two short leads, and its constrained answer (yes / no, with a reason)
decides. The answer and reason are recorded in the pair's decision."""

from __future__ import annotations

import warnings
from typing import Literal

from summarizer.backends.base import Backend
from summarizer.consolidate.grouping import Confirmer
from summarizer.contract.event import EventSummary
from summarizer.errors import SummarizerError, SummarizerWarning
from summarizer.llm import prompts
from summarizer.llm.client import call_model
from summarizer.llm.passes import PassModel, Short

MAX_FIGURES_SHOWN = 4


class SameEventAnswer(PassModel):
    """The form of the judgement (here, not in `llm.passes`: editing it never re-summarizes an article)."""

    reason: Short  # first: the model compares, then answers
    same: Literal["yes", "no"]


def lead(s: EventSummary) -> str:
    """One report in a few lines: headline, summary, kind, where, when and its first figures."""
    where = ", ".join(x for x in [*(p.name for p in s.where.places[:4]), s.where.region or "", s.where.country or ""]
                      if x)
    when = s.when.start.isoformat() if s.when.start else "not stated"
    figures = "; ".join(f"{c.raw_text} {c.group} {c.outcome}" for c in s.casualties[:MAX_FIGURES_SHOWN]) or "none"
    return (f"{s.headline}. {s.summary} (kind: {s.event_type.replace('_', ' ')}; where: {where or 'not stated'}; "
            f"when: {when}; figures: {figures})")


def model_confirmer(backend: Backend) -> Confirmer:
    """A confirmer that asks `backend`'s model, one short constrained pass per borderline pair."""

    unavailable: list[str] = []  # the first failure: later pairs are not sent to a model that cannot answer

    def confirm(a: EventSummary, b: EventSummary) -> tuple[bool, str]:
        if unavailable:
            return False, f"model unavailable: {unavailable[0]}"
        messages = [{"role": "system", "content": prompts.render("system")},
                    {"role": "user", "content": prompts.render("same_event", a=lead(a), b=lead(b))}]
        try:
            answer, _, _ = call_model(backend, "same_event", messages, SameEventAnswer, max_tokens=60)
        except SummarizerError as exc:  # no model, no answer: the pair stays apart, and the decision says why
            unavailable.append(str(exc))
            warnings.warn(f"borderline pairs left apart: the model could not judge them ({exc})", SummarizerWarning,
                          stacklevel=2)
            return False, f"model unavailable: {exc}"
        return answer.same == "yes", f"model: {answer.same} ({answer.reason.strip() or 'no reason given'})"

    return confirm
