"""Which of ggml's CPU backend variants this machine can run.

A llama-cpp-python built with `GGML_BACKEND_DL` and `GGML_CPU_ALL_VARIANTS` (scripts/setup.sh) holds one
`libggml-cpu-<variant>.so` per instruction set. ggml's own loader picks the variant whose score (from CPUID) is
highest, and a CPU can advertise instructions its virtual machine does not let a process run: on a Sapphire Rapids
guest whose CPUID lists AMX, the `sapphirerapids` variant dies with SIGILL at the first AMX tile instruction, taking
the whole command with it and printing nothing a user can act on.

So a variant is tried before it is used: a child process loads it alone and evaluates a short prompt with the model.
The best-scoring variant that survives is recorded in the user cache, keyed by the variant files and the CPU's flags,
and later processes load it directly (`ggml_backend_load`) without trying again. A machine whose best variant works
pays one child process (about two seconds), once.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import ModelNotAvailableError
from summarizer.files.atomic import write_text_atomic
from summarizer.files.paths import model_dir

VARIANT_GLOB = "libggml-cpu-*.so"
PROBE_TIMEOUT_S = 180.0
_RECORD_FORMAT = 1

Probe = Callable[[Path, Path], str | None]
"""(variant library, model file) -> None when the variant ran the model, else what went wrong."""


@dataclass(frozen=True)
class Variant:
    path: Path
    score: int

    @property
    def name(self) -> str:
        return self.path.name.removeprefix("libggml-cpu-").removesuffix(".so")


def variant_files(lib_dir: Path) -> list[Path]:
    return sorted(lib_dir.glob(VARIANT_GLOB))


def library_folder(llama_cpp_module: object) -> Path:
    """Where llama-cpp-python keeps its libraries (and ggml's variants, in a build that has them)."""
    return Path(str(getattr(llama_cpp_module, "__file__", ""))).parent / "lib"


def choose_here(lib_dir: Path, model: Path, *, log: Callable[[str], None] | None = None) -> Variant:
    """`choose`, with the choice kept in the model cache."""
    return choose(lib_dir, model, record_path(lib_dir, model_dir()), log=log)


def score_of(path: Path) -> int:
    """ggml's score for a variant on this CPU (0: the CPU lacks an instruction it needs). Reads CPUID only; needs
    `libggml-base` already loaded (importing llama_cpp loads it)."""
    try:
        library = ctypes.CDLL(str(path), mode=ctypes.RTLD_LOCAL)
        score = library.ggml_backend_score
    except (OSError, AttributeError):
        return 0
    score.restype = ctypes.c_int
    score.argtypes = []
    return int(score())


def ranked(lib_dir: Path, scorer: Callable[[Path], int] = score_of) -> list[Variant]:
    """The variants this CPU claims to support, best first."""
    variants = [Variant(path, scorer(path)) for path in variant_files(lib_dir)]
    return sorted((v for v in variants if v.score > 0), key=lambda v: (-v.score, v.path.name))


def cpu_flags() -> str:
    """The CPU's flag line (Linux); empty elsewhere, where the record is then keyed by the variant files alone."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith("flags"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def machine_key(lib_dir: Path) -> str:
    """What the choice depends on: the folder, its variant files (name, size, modification time) and the CPU's
    flags."""
    digest = hashlib.sha256(f"{_RECORD_FORMAT}\n{lib_dir.resolve()}\n{cpu_flags()}\n".encode())
    for path in variant_files(lib_dir):
        stat = path.stat()
        digest.update(f"{path.name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def probe(variant: Path, model: Path) -> str | None:
    """Run the model on `variant` in a child process (`python -m summarizer.backends.cpu_probe`): a variant the
    machine cannot run kills the child, not this process."""
    command = [sys.executable, "-m", "summarizer.backends.cpu_probe", str(variant), str(model)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return f"no answer within {PROBE_TIMEOUT_S:.0f} s"
    except OSError as exc:
        return f"could not start the check: {exc}"
    if done.returncode == 0:
        return None
    if done.returncode < 0:
        try:
            return f"killed by {signal.Signals(-done.returncode).name}"
        except ValueError:
            return f"killed by signal {-done.returncode}"
    last = (done.stderr.strip().splitlines() or ["no message"])[-1]
    return f"exit status {done.returncode}: {last[:200]}"


def record_path(lib_dir: Path, folder: Path) -> Path:
    """Where the choice for these variant files on this CPU is kept (one small file per build and machine)."""
    return folder / f"cpu-backend-{machine_key(lib_dir)}.json"


def choose(lib_dir: Path, model: Path, record: Path, *, scorer: Callable[[Path], int] = score_of,
           tester: Probe = probe, log: Callable[[str], None] | None = None) -> Variant:
    """The best variant that runs the model here: read from `record` when it was written for these files on this
    CPU, else found by trying the variants best first (each in a child process) and written there."""
    try:
        saved = json.loads(record.read_text(encoding="utf-8"))
        chosen = lib_dir / str(saved["variant"])
        if chosen.is_file():
            return Variant(chosen, int(saved.get("score", 0)))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    failed: dict[str, str] = {}
    for variant in ranked(lib_dir, scorer):
        fault = tester(variant.path, model)
        if fault is None:
            data = {"variant": variant.path.name, "score": variant.score, "failed": failed}
            try:
                record.parent.mkdir(parents=True, exist_ok=True)
                write_text_atomic(record, json.dumps(data, indent=2) + "\n")
            except OSError:
                pass  # a read-only cache: the variants are tried again next time
            return variant
        failed[variant.name] = fault
        if log is not None:
            log(f"CPU backend '{variant.name}' does not run on this machine ({fault}); trying the next one")
    tried = "; ".join(f"{name}: {why}" for name, why in failed.items()) or "none claims to support this CPU"
    raise ModelNotAvailableError(f"no CPU backend variant in {lib_dir} runs the model on this machine ({tried})")


def load_variant(library: ctypes.CDLL, variant: Path) -> None:
    """Register one variant with ggml (instead of `ggml_backend_load_all_from_path`, which takes the best-scoring
    one whether it runs or not)."""
    load = library.ggml_backend_load
    load.argtypes = [ctypes.c_char_p]
    load.restype = ctypes.c_void_p
    if not load(os.fsencode(variant)):
        raise ModelNotAvailableError(f"ggml could not load its CPU backend {variant}")
