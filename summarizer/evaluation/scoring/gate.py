"""The eval gate: floors (and ceilings) from `eval/thresholds.toml`, regressions against `eval/baseline.json`.

thresholds.toml:

    tolerance = 0.02                    # default: how far a metric may fall below its baseline

    [metrics."casualties.f1"]
    min = 0.3                           # floor; fails when the metric is below it
    tolerance = 0.05                    # overrides the default for this metric

    [metrics."invented_numbers"]
    max = 3                             # ceiling, for counts where lower is better
    direction = "lower"                 # only needed for metrics the eval does not already know

    [metrics."casualties.precision"]
    baseline = true                     # also protect a metric the baseline ignores by default

Any metric name in summary.json's "metrics" (including `consolidation.*`) can be named.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.errors import ConfigError

_EPS = 1e-9
DECIMALS = 4


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MetricRule(_Model):
    min: float | None = Field(default=None, description="Floor: the metric must be at least this.")
    max: float | None = Field(default=None, description="Ceiling: the metric must be at most this.")
    tolerance: float | None = Field(default=None, ge=0, description="Allowed regression from the baseline.")
    direction: Literal["higher", "lower"] | None = Field(default=None, description="Which way is better.")
    baseline: bool = Field(default=True, description="Compare this metric with the baseline.")


class Thresholds(_Model):
    tolerance: float = Field(default=0.02, ge=0, description="Default allowed regression from the baseline.")
    metrics: dict[str, MetricRule] = Field(default_factory=dict)


class Baseline(_Model):
    articles: list[str] = Field(default_factory=list, description="Article stems the baseline was scored on.")
    metrics: dict[str, float]


class GateCheck(_Model):
    metric: str
    value: float | None
    kind: Literal["floor", "ceiling", "baseline", "missing"]
    limit: float | None = None
    passed: bool
    reason: str = ""


class GateResult(_Model):
    passed: bool
    checks: list[GateCheck] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @property
    def failures(self) -> list[GateCheck]:
        return [c for c in self.checks if not c.passed]


def load_thresholds(path: Path) -> Thresholds:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: thresholds file not found (pass --thresholds FILE)") from exc
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read thresholds: {exc}") from exc
    try:
        return Thresholds.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{path}: invalid thresholds: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from exc


def load_baseline(path: Path) -> Baseline | None:
    """The committed baseline, or None when there is none yet."""
    if not path.exists():
        return None
    try:
        return Baseline.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise ConfigError(f"{path}: unreadable baseline ({exc}); re-create it with 'summarizer eval --bless'") from exc


def render_baseline(metrics: Mapping[str, float], articles: Iterable[str]) -> str:
    """Stable text: sorted keys, 4 decimals, no timestamps, so a diff shows only real changes."""
    payload = {"articles": sorted(articles),
               "metrics": {k: round(float(v), DECIMALS) for k, v in sorted(metrics.items())}}
    return json.dumps(payload, indent=2, sort_keys=True) + "\n"


def check_gate(metrics: Mapping[str, float], thresholds: Thresholds, baseline: Baseline | None, *,
               lower_is_better: set[str], gated: set[str], unavailable: Iterable[str] = ()) -> GateResult:
    """Floors, ceilings and baseline regressions. Metrics under an `unavailable` prefix are noted, not failed."""
    checks: list[GateCheck] = []
    notes: list[str] = []
    skipped = tuple(unavailable)
    values = {k: round(float(v), DECIMALS) for k, v in metrics.items()}
    for name, rule in sorted(thresholds.metrics.items()):
        value = values.get(name)
        if value is None:
            if skipped and name.startswith(skipped):
                notes.append(f"threshold for {name} not checked: that metric was not produced")
                continue
            checks.append(GateCheck(metric=name, value=None, kind="missing", passed=False,
                                    reason="named in thresholds but not produced by the eval"))
            continue
        if rule.min is not None:
            ok = value >= rule.min - _EPS
            checks.append(GateCheck(metric=name, value=value, kind="floor", limit=rule.min, passed=ok,
                                    reason="" if ok else f"{value:.4f} is below the floor {rule.min:.4f}"))
        if rule.max is not None:
            ok = value <= rule.max + _EPS
            checks.append(GateCheck(metric=name, value=value, kind="ceiling", limit=rule.max, passed=ok,
                                    reason="" if ok else f"{value:.4f} is above the ceiling {rule.max:.4f}"))
    if baseline is None:
        notes.append("no baseline file: gated on floors only (create one with 'summarizer eval --bless')")
        return GateResult(passed=all(c.passed for c in checks), checks=checks, notes=notes)

    protected = (gated | {n for n, r in thresholds.metrics.items() if r.baseline}) - {
        n for n, r in thresholds.metrics.items() if not r.baseline}
    for name in sorted(protected):
        value, before = values.get(name), baseline.metrics.get(name)
        if value is None or before is None:
            continue
        rule = thresholds.metrics.get(name, MetricRule())
        tolerance = rule.tolerance if rule.tolerance is not None else thresholds.tolerance
        lower = rule.direction == "lower" if rule.direction else name in lower_is_better
        if lower:
            limit = before + tolerance
            ok = value <= limit + _EPS
            reason = f"{value:.4f} rose above baseline {before:.4f} + tolerance {tolerance:.4f}"
        else:
            limit = before - tolerance
            ok = value >= limit - _EPS
            reason = f"{value:.4f} fell below baseline {before:.4f} - tolerance {tolerance:.4f}"
        checks.append(GateCheck(metric=name, value=value, kind="baseline", limit=round(limit, DECIMALS),
                                passed=ok, reason="" if ok else reason))
    lost = sorted(set(baseline.metrics) - set(values))
    if lost:
        notes.append(f"baseline metrics not produced by this run: {', '.join(lost)}")
    return GateResult(passed=all(c.passed for c in checks), checks=checks, notes=notes)
