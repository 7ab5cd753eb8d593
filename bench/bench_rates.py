"""The embedded model's own prompt and generation rates, per ggml CPU variant and per llama.cpp setting.

    .venv/bin/python bench/bench_rates.py                          # the variant in use, default settings
    .venv/bin/python bench/bench_rates.py --variant haswell --variant zen4
    .venv/bin/python bench/bench_rates.py --set flash_attn=true --set n_batch=128,n_ubatch=128

Each configuration runs in a child process of its own (ggml loads one CPU variant per process): load the model with
the pipeline's settings (8,192-token context, the backend's thread count, batch 512) changed by `--set`, then twice:
evaluate an 830-token prompt (seed 000 of the eval) and generate 63 tokens unconstrained, greedy. The rates are
llama.cpp's own counters (llama_perf_context). A variant this machine cannot run dies in its child and is reported
as such (on a Sapphire Rapids guest 'sapphirerapids' dies with SIGILL).
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROMPT_TOKENS = 830
GENERATED = 64


def _value(text: str) -> Any:
    if text in ("true", "false"):
        return text == "true"
    return int(text) if text.lstrip("-").isdigit() else text


def measure(variant: str | None, settings: dict[str, Any]) -> dict[str, Any]:
    """Load the model under `variant` and `settings` in this process and measure it (twice)."""
    import llama_cpp

    import summarizer.backends.llama as llama_backend
    from summarizer.backends.cpu_variants import library_folder, load_variant
    from summarizer.files.model_store import ensure_model

    path = ensure_model()
    if variant:
        load_variant(llama_cpp.llama_cpp._lib, library_folder(llama_cpp) / f"libggml-cpu-{variant}.so")
        llama_backend._backends_loaded = True
    else:
        llama_backend.load_cpu_backends(llama_cpp, path)
    threads = llama_backend.LlamaBackend(path)._threads
    options: dict[str, Any] = {"model_path": str(path), "n_ctx": llama_backend.DEFAULT_CTX, "n_threads": threads,
                               "n_threads_batch": threads, "n_batch": 512, "verbose": False, "seed": 0, **settings}
    llm = llama_cpp.Llama(**options)
    text = next((ROOT / "eval" / "articles").glob("000_*.txt")).read_text(encoding="utf-8")
    tokens = llm.tokenize(("Summarize the article.\n" + text * 2).encode())[:PROMPT_TOKENS]
    prompt = llm.detokenize(tokens).decode("utf-8", errors="ignore")
    runs = []
    for _ in range(2):
        llm.reset()
        llama_cpp.llama_perf_context_reset(llm.ctx)
        started = time.perf_counter()
        llm.create_completion(prompt, max_tokens=GENERATED, temperature=0.0)
        wall = time.perf_counter() - started
        data = llama_cpp.llama_perf_context(llm.ctx)
        runs.append({"prompt_tokens": int(data.n_p_eval), "prompt_rate": data.n_p_eval / (data.t_p_eval_ms / 1000),
                     "generated": int(data.n_eval), "generation_rate": data.n_eval / (data.t_eval_ms / 1000),
                     "wall_s": wall})
    return {"threads": threads, "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", action="append", default=[], help="a ggml CPU variant (default: the one chosen)")
    parser.add_argument("--set", action="append", default=[], dest="settings",
                        help="llama.cpp settings for one configuration, KEY=VALUE[,KEY=VALUE]")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        spec = json.loads(args.child)
        print(json.dumps(measure(spec["variant"], spec["settings"])))
        return
    settings = [dict((k, _value(v)) for k, v in (pair.split("=", 1) for pair in s.split(","))) for s in args.settings]
    configs = [(variant, setting) for variant in (args.variant or [None]) for setting in (settings or [{}])]
    for variant, setting in configs:
        label = f"{variant or 'chosen variant'} {setting or 'default settings'}"
        child = subprocess.run([sys.executable, __file__, "--child", json.dumps({"variant": variant,
                                                                                 "settings": setting})],
                               capture_output=True, text=True)
        if child.returncode != 0:
            how = (f"killed by {signal.Signals(-child.returncode).name}" if child.returncode < 0
                   else f"exit status {child.returncode}: {(child.stderr.strip().splitlines() or [''])[-1]}")
            print(f"{label}: did not run ({how})")
            continue
        result = json.loads(child.stdout.strip().splitlines()[-1])
        for k, run in enumerate(result["runs"], 1):
            print(f"{label}, run {k}: prompt {run['prompt_tokens']} tokens at {run['prompt_rate']:.1f}/s, "
                  f"generation {run['generated']} tokens at {run['generation_rate']:.1f}/s, "
                  f"wall {run['wall_s']:.1f} s ({result['threads']} threads)")


if __name__ == "__main__":
    main()
