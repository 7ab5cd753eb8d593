"""Child process of `cpu_variants.probe`: load one CPU backend variant and the model, evaluate a short prompt and
generate two tokens. Exit status 0 when that worked; a variant the machine cannot run ends it with a signal.

usage: python -m summarizer.backends.cpu_probe VARIANT_LIBRARY MODEL_FILE
"""

from __future__ import annotations

import sys
from pathlib import Path

PROMPT = " ".join(["The river flooded the valley and the villagers moved to higher ground."] * 6)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:  # a variant that dies here must not leave a core file in the user's folder
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    import llama_cpp

    from summarizer.backends.cpu_variants import load_variant

    load_variant(llama_cpp.llama_cpp._lib, Path(argv[0]))
    model = llama_cpp.Llama(model_path=argv[1], n_ctx=256, n_batch=128, n_threads=2, verbose=False)
    try:
        model.create_completion(PROMPT, max_tokens=2, temperature=0.0)
    finally:
        model.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
