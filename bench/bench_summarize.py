"""Per-article speed and memory of the embedded model. Prints one line per article and a summary.

    .venv/bin/python bench/bench_summarize.py [ARTICLE ...]        # default: the five seeds in eval/articles/
    .venv/bin/python bench/bench_summarize.py --cli [ARTICLE ...]  # also time one `summarizer summarize` each

Each article is summarized without the result cache, one after another in one process (the model is loaded
once, as in a batch). Wall time is measured around `Summarizer.summarize`; peak memory is the process's maximum
resident set size (ru_maxrss), model included.

First the model's own rates are measured in the same process, unconstrained: prompt processing (a fresh prompt of
about 600 tokens, one token generated) and generation (128 tokens, no grammar). Per article it prints the tokens
sent (every pass's whole prompt), the prompt tokens llama.cpp really evaluated (a prefix reused from the KV cache is
not evaluated again) with their seconds, the generated tokens with their seconds, and the bound: evaluated prompt
tokens / prompt rate + generated tokens / generation rate. `ratio` is the article's wall time over that bound.

The text an answer's JSON schema fixes (keys, quotes, the rest of an enum value) is drafted and evaluated in batches
(`summarizer.backends.json_draft`): llama.cpp counts those batches as prompt evaluation, so the line shows them
apart ("drafted": tokens drafted, in how many batches, their seconds), the evaluated prompt tokens exclude them,
the generated tokens are all the answer's tokens (provenance), and the bound is still the one-token-per-step bound
(a ratio below 1 is time the drafts saved). SUMMARIZER_DRAFT=0 turns drafting off to compare.

The system message is evaluated once and its state kept on disk
(`summarizer.backends.prefix_state`); each line says how the article's calls found it ("prefix": kept in the KV
cache, loaded from disk or evaluated).

With --cli each article is first summarized by one `summarizer summarize --no-cache` process, as a user runs it:
start-up, model load and everything else included (it says whether a state of the system message was on disk
before the first command: the first command on a machine evaluates and saves it). These run before this process
loads its own copy of the model, so a command does not share the machine with a second loaded model.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import Summarizer, get_backend  # noqa: E402
from summarizer.errors import SummarizerError  # noqa: E402
from summarizer.files.inputs import read_article  # noqa: E402
from summarizer.files.paths import cache_dir  # noqa: E402


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


def cli_seconds(path: Path) -> float:
    """Wall time of one `summarizer summarize` command on an article, without the result cache."""
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "summarizer"), "summarize", str(path), "--no-cache"],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description="Per-article speed and memory of the embedded model.")
    parser.add_argument("articles", nargs="*", type=Path, help="article files (default: the five seeds)")
    parser.add_argument("--cli", action="store_true", help="also time one `summarizer summarize` command each")
    args = parser.parse_args()
    cli = args.cli
    paths = args.articles or sorted((ROOT / "eval" / "articles").glob("00*.txt"))
    try:  # every article readable before the model is loaded: a bad path is one line, not a traceback
        for path in paths:
            read_article(path)
    except SummarizerError as exc:
        sys.exit(f"bench_summarize: {exc}")
    if cli:  # first, while this process holds no model (a user's command has the machine to itself)
        states = sorted((cache_dir() / "prefix").glob("*.state"))
        print(f"system message states on disk before the first command: {len(states)}", flush=True)
        commands = []
        for path in paths:
            commands.append(cli_seconds(path))
            print(f"{path.name}: {commands[-1]:6.1f} s for one `summarizer summarize` command", flush=True)
        print(f"one command each: median {statistics.median(commands):.1f} s (min {min(commands):.1f}, "
              f"max {max(commands):.1f})", flush=True)
    backend = get_backend("local")
    summarizer = Summarizer(backend, cache=None)
    prompt_rate, gen_rate = model_rates(backend)
    print(f"model rates (unconstrained): prompt {prompt_rate:.1f} tokens/s, generation {gen_rate:.1f} tokens/s",
          flush=True)
    times: list[float] = []
    ratios: list[float] = []
    for path in paths:
        text = read_article(path)
        before = backend.perf()  # type: ignore[attr-defined]
        drafted_before, batches_before = backend.drafted, backend.draft_batches  # type: ignore[attr-defined]
        primed_before = dict(getattr(backend._llama, "prefix_events", {}))  # type: ignore[attr-defined]
        started = time.perf_counter()
        summary = summarizer.summarize(text, name=path.name)
        wall = time.perf_counter() - started
        after = backend.perf()  # type: ignore[attr-defined]
        done = {k: after[k] - before[k] for k in after}
        drafted = backend.drafted - drafted_before  # type: ignore[attr-defined]
        batches = backend.draft_batches - batches_before  # type: ignore[attr-defined]
        batch_tokens = drafted + batches  # each batch: the sampled token and its draft
        primed = {k: v - primed_before.get(k, 0)
                  for k, v in getattr(backend._llama, "prefix_events", {}).items()  # type: ignore[attr-defined]
                  if v - primed_before.get(k, 0)}
        prompt_tokens = done["prompt_tokens"] - batch_tokens
        batch_s = done["prompt_s"] - prompt_tokens / prompt_rate if batches else 0.0
        times.append(wall)
        p = summary.provenance
        bound = prompt_tokens / prompt_rate + p.completion_tokens / gen_rate
        ratios.append(wall / bound)
        print(f"{path.name}: {wall:6.1f} s wall, {len(p.passes)} calls, {p.prompt_tokens} prompt tokens sent, "
              f"{prompt_tokens:.0f} evaluated, {p.completion_tokens} generated ({done['generated_tokens']:.0f} one "
              f"per step in {done['generation_s']:.1f} s; drafted {drafted} in {batches} batches, about "
              f"{batch_s:.1f} s), prefix {' '.join(f'{k} {v}' for k, v in sorted(primed.items())) or '-'}, "
              f"bound {bound:5.1f} s, ratio {wall / bound:4.2f}, {len(summary.casualties)} figures",
              flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"in one process: median {statistics.median(times):.1f} s per article (min {min(times):.1f}, "
          f"max {max(times):.1f}); median ratio {statistics.median(ratios):.2f}; peak memory {peak_mb:.0f} MB",
          flush=True)


if __name__ == "__main__":
    main()
