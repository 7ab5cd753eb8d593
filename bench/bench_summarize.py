"""Per-article speed and memory of the embedded model. Prints one line per article and a summary.

    .venv/bin/python bench/bench_summarize.py [ARTICLE ...]     # default: the five seeds in eval/articles/

Each article is summarized without the result cache, one after another in one process (the model is loaded
once, as in a batch). Wall time is measured around `Summarizer.summarize`; peak memory is the process's maximum
resident set size (ru_maxrss), model included.

First the model's own rates are measured in the same process, unconstrained: prompt processing (a fresh prompt of
about 600 tokens, one token generated) and generation (128 tokens, no grammar). Each article's bound is its prompt
tokens / prompt rate + completion tokens / generation rate; `ratio` is its wall time over that bound (the prompt
tokens count every pass's whole prompt, so a prefix the KV cache reuses makes the bound generous).
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
from summarizer.files.inputs import read_article  # noqa: E402


def model_rates(backend: object) -> tuple[float, float]:
    """(prompt tokens/s, generated tokens/s) of the loaded model, unconstrained, measured now."""
    llama = backend._llama  # type: ignore[attr-defined]
    filler = " ".join(f"Sentence {i} says that the river rose in the valley overnight." for i in range(45))
    llama.reset()
    started = time.perf_counter()
    out = llama.create_completion(filler, max_tokens=1, temperature=0.0)
    prompt_rate = out["usage"]["prompt_tokens"] / (time.perf_counter() - started)
    started = time.perf_counter()
    out = llama.create_completion("Write a long story about a river:", max_tokens=128, temperature=0.0,
                                  stop=[])
    gen_rate = out["usage"]["completion_tokens"] / (time.perf_counter() - started)
    return prompt_rate, gen_rate


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "eval" / "articles").glob("00*.txt"))
    backend = get_backend("local")
    summarizer = Summarizer(backend, cache=None)
    prompt_rate, gen_rate = model_rates(backend)
    print(f"model rates (unconstrained): prompt {prompt_rate:.1f} tokens/s, generation {gen_rate:.1f} tokens/s",
          flush=True)
    times: list[float] = []
    for path in paths:
        text = read_article(path)
        started = time.perf_counter()
        summary = summarizer.summarize(text, name=path.name)
        wall = time.perf_counter() - started
        times.append(wall)
        p = summary.provenance
        bound = p.prompt_tokens / prompt_rate + p.completion_tokens / gen_rate
        print(f"{path.name}: {wall:6.1f} s wall, model {p.latency_s:6.1f} s, {len(p.passes)} calls, "
              f"{p.prompt_tokens} prompt + {p.completion_tokens} completion tokens, bound {bound:5.1f} s, "
              f"ratio {wall / bound:4.2f}, {len(summary.casualties)} figures", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"median {statistics.median(times):.1f} s per article (min {min(times):.1f}, max {max(times):.1f}); "
          f"peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
