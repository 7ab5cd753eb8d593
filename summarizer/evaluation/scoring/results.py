"""What scoring produces: tallies that add up across articles, and the mismatches shown in reports.

Every score is kept as counts (true/false positives, hits over a total) rather than as a ratio, so micro
averages are exact sums and macro averages are means of per-article ratios.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Counts(_Model):
    """Matching counts of one field: precision, recall and F1 derive from them."""

    tp: int = 0
    fp: int = Field(default=0, description="Predictions with no acceptable gold partner.")
    fn: int = Field(default=0, description="Required gold items with no acceptable prediction.")

    def __add__(self, other: Counts) -> Counts:
        return Counts(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)

    # Empty against empty is perfect; predicting nothing, or only inventions, is zero.
    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Ratio(_Model):
    """A share (hits / total); a share of nothing is 1.0."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(hits=self.hits + other.hits, total=self.total + other.total)

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 1.0


class Mismatch(_Model):
    """One disagreement, for junit failures and the report: what gold says and what was predicted."""

    field: str
    gold: str | None = None
    predicted: str | None = None
    note: str = ""

    def render(self) -> str:
        note = f" ({self.note})" if self.note else ""
        return f"{self.field}{note}: gold={self.gold if self.gold is not None else '-'} | " \
               f"predicted={self.predicted if self.predicted is not None else '-'}"


class ArticleScore(_Model):
    """All scores of one prediction against one gold file."""

    stem: str
    schema_valid: bool = Field(description="False when the summarizer failed or the prediction did not validate.")
    error: str | None = None
    counts: dict[str, Counts] = Field(default_factory=dict, description="P/R/F1 fields, e.g. 'casualties'.")
    ratios: dict[str, Ratio] = Field(default_factory=dict, description="Shares, e.g. 'grounding'.")
    tallies: dict[str, int] = Field(default_factory=dict, description="Counts where lower is better.")
    mismatches: list[Mismatch] = Field(default_factory=list)
