"""Batch speed figures (issue 4). Prints one line per figure.

    .venv/bin/python bench/bench_batch.py            # no model needed: fake server, fake backend
    .venv/bin/python bench/bench_batch.py --local    # also the embedded model over the five seeds

Figures:
  workers   50 articles against a fake OpenAI-compatible server on 127.0.0.1 that spends 500 ms per article,
            --workers 8: wall time against the ideal 50 x 0.5 / 8 s.
  overhead  pipeline wall time / sum of backend call times, one article at a time (target < 1.10).
            With the fake backend the "model" is a sleep, so this is the cost of everything around the model.
  cached    the same `summarizer batch` command over the five seeds run again, process start included
            (target < 3 s): once with the manifest (skips), once into a new folder (result cache hits).
  local     (--local) embedded model over the five seeds: articles per minute and the overhead ratio.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the fake server lives with the tests

from fake_openai_server import FakeOpenAIServer  # noqa: E402
from openai.types.chat import ChatCompletion  # noqa: E402

from summarizer.backends import get_backend  # noqa: E402
from summarizer.backends.base import Backend  # noqa: E402
from summarizer.backends.openai_compat import OpenAIBackend  # noqa: E402
from summarizer.batch.runner import BatchOptions, BatchReport, run_batch  # noqa: E402
from summarizer.pipeline import Summarizer  # noqa: E402

SEEDS = ROOT / "eval" / "articles"
ENTRY = "import sys; from summarizer.cli.main import main; sys.argv[0] = 'summarizer'; main()"
DIRECT = ("import sys; from summarizer.cli.common import run_guarded; from summarizer.cli.batch_cmd import batch; "
          "sys.argv[1:2] = []; sys.exit(run_guarded(batch))")


class TimedBackend:
    """Wraps a backend and adds up the time spent inside its calls (the model's own time)."""

    def __init__(self, inner: Backend, *, concurrent: bool | None = None) -> None:
        self.inner = inner
        self.info = dataclasses.replace(inner.info, concurrent=inner.info.concurrent if concurrent is None
                                        else concurrent)
        self.seconds = 0.0
        self.calls = 0
        self._lock = threading.Lock()

    def create(self, **kwargs: Any) -> ChatCompletion:
        started = time.perf_counter()
        try:
            return self.inner.create(**kwargs)
        finally:
            with self._lock:
                self.seconds += time.perf_counter() - started
                self.calls += 1

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


def copies(folder: Path, n: int) -> None:
    """n distinct articles made from the seeds (a numbered last line keeps them distinct)."""
    seeds = sorted(SEEDS.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"copy{i:03d}.txt").write_text(f"{text}\n(Copy {i}.)\n", encoding="utf-8")


def calls_per_article(work: Path) -> int:
    with FakeOpenAIServer() as server:
        backend = OpenAIBackend("m", base_url=server.base_url, api_key="x")
        Summarizer(backend, cache=None).summarize(next(SEEDS.glob("*.txt")).read_text(encoding="utf-8"))
        return server.completed


def bench_workers(work: Path, *, n: int = 50, per_article_s: float = 0.5, workers: int = 8) -> None:
    k = calls_per_article(work)
    copies(work / "workers-in", n)
    with FakeOpenAIServer(delay=per_article_s / k) as server:
        backend = OpenAIBackend("m", base_url=server.base_url, api_key="x")
        started = time.perf_counter()
        report = run_batch(Summarizer(backend, cache=None), work / "workers-in", work / "workers-out",
                           BatchOptions(workers=workers, concurrent=True))
        wall = time.perf_counter() - started
    ideal = n * per_article_s / workers
    whole = -(-n // workers) * per_article_s  # articles are not divisible: the last round runs part-full
    print(f"workers   {n} articles, {k} calls/article at {per_article_s / k * 1000:.0f} ms each "
          f"({per_article_s * 1000:.0f} ms/article), --workers {workers}: {wall:.2f} s "
          f"(ideal {ideal:.2f} s, ratio {wall / ideal:.2f}; whole-article bound {whole:.2f} s, "
          f"ratio {wall / whole:.2f}); ok {report.ok}, max in flight {server.max_in_flight}")


def bench_overhead(work: Path, *, n: int = 10, delay: float = 0.5) -> None:
    from summarizer.backends.fake import FakeBackend

    copies(work / "overhead-in", n)
    timed = TimedBackend(FakeBackend(delay=delay), concurrent=False)
    started = time.perf_counter()
    report = run_batch(Summarizer(timed, cache=None), work / "overhead-in", work / "overhead-out",  # type: ignore[arg-type]
                       BatchOptions(workers=4, concurrent=False))
    wall = time.perf_counter() - started
    print(f"overhead  {n} articles, one at a time, backend call {delay * 1000:.0f} ms ({timed.calls} calls): "
          f"wall {wall:.2f} s / backend {timed.seconds:.2f} s = {wall / timed.seconds:.3f}; ok {report.ok}")


def run_cli(args: list[str], env: dict[str, str], *, direct: bool) -> float:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", DIRECT if direct else ENTRY, "batch", *args],
                          env={**os.environ, **env}, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"summarizer batch failed ({proc.returncode}):\n{proc.stderr}")
    return elapsed


def bench_cached(work: Path, backend: str, *, direct: bool) -> None:
    env = {"SUMMARIZER_CACHE_DIR": str(work / f"cache-{backend}")}
    first = run_cli([str(SEEDS), "--out", str(work / f"seeds-{backend}"), "--backend", backend], env, direct=direct)
    again = run_cli([str(SEEDS), "--out", str(work / f"seeds-{backend}"), "--backend", backend], env, direct=direct)
    fresh = run_cli([str(SEEDS), "--out", str(work / f"seeds-{backend}-2"), "--backend", backend], env,
                    direct=direct)
    print(f"cached    five seeds, --backend {backend}, process start included: first run {first:.2f} s, "
          f"same command again {again:.2f} s, new --out folder (cache hits) {fresh:.2f} s (target < 3 s)")


def bench_local(work: Path) -> None:
    timed = TimedBackend(get_backend("local"))
    started = time.perf_counter()
    report: BatchReport = run_batch(Summarizer(timed, cache=None), SEEDS, work / "local-out")  # type: ignore[arg-type]
    wall = time.perf_counter() - started
    print(f"local     five seeds, embedded model: {report.ok} ok, {report.failed} failed, wall {wall:.1f} s, "
          f"{report.articles_per_minute:.2f} articles/min, {report.tokens} tokens, "
          f"overhead wall/backend {wall / max(timed.seconds, 1e-9):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--local", action="store_true", help="also run the embedded model (minutes)")
    parser.add_argument("--direct", action="store_true",
                        help="run the batch command module directly instead of the `summarizer` entry point")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        os.environ["SUMMARIZER_CACHE_DIR"] = str(work / "cache")
        bench_workers(work)
        bench_overhead(work)
        bench_cached(work, "fake", direct=args.direct)
        if args.local:
            bench_local(work)
            bench_cached(work, "local", direct=args.direct)


if __name__ == "__main__":
    main()
