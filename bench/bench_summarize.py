"""Per-article speed and memory of the embedded model (issue 2). Prints one line per article and a summary.

    .venv/bin/python bench/bench_summarize.py [ARTICLE ...]     # default: the five seeds in eval/articles/

Each article is summarized without the result cache, one after another in one process (the model is loaded
once, as in a batch). Wall time is measured around `Summarizer.summarize`; peak memory is the process's maximum
resident set size (ru_maxrss), model included.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import Summarizer, get_backend  # noqa: E402
from summarizer.inputs import read_article  # noqa: E402


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "eval" / "articles").glob("*.txt"))
    backend = get_backend("local")
    summarizer = Summarizer(backend, cache=None)
    times: list[float] = []
    for path in paths:
        text = read_article(path)
        started = time.perf_counter()
        summary = summarizer.summarize(text, name=path.name)
        wall = time.perf_counter() - started
        times.append(wall)
        p = summary.provenance
        print(f"{path.name}: {wall:6.1f} s wall, model {p.latency_s:6.1f} s, {len(p.passes)} calls, "
              f"{p.prompt_tokens} prompt + {p.completion_tokens} completion tokens, "
              f"{len(summary.casualties)} figures", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"median {statistics.median(times):.1f} s per article (min {min(times):.1f}, max {max(times):.1f}); "
          f"peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
