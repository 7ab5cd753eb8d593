"""Choosing ggml's CPU backend variant (`summarizer.backends.cpu_variants`) without running the model: the variants
are empty files, their scores and the child-process check are stand-ins."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from summarizer.backends import cpu_variants
from summarizer.backends.cpu_variants import choose, machine_key, probe, ranked, record_path
from summarizer.errors import ModelNotAvailableError

SCORES = {"sapphirerapids": 4032, "zen4": 1984, "icelake": 1472, "haswell": 64, "armv9": 0}


@pytest.fixture()
def lib_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    for name in SCORES:
        (folder / f"libggml-cpu-{name}.so").write_bytes(b"\x7fELF")
    (folder / "libggml-base.so").write_bytes(b"\x7fELF")  # not a variant
    return folder


def _score(path: Path) -> int:
    return SCORES[path.name.removeprefix("libggml-cpu-").removesuffix(".so")]


class FakeProbe:
    """Stands in for the child process: the named variants die with SIGILL, the others run."""

    def __init__(self, *faulting: str) -> None:
        self.faulting = set(faulting)
        self.tried: list[str] = []

    def __call__(self, variant: Path, model: Path) -> str | None:
        name = variant.name.removeprefix("libggml-cpu-").removesuffix(".so")
        self.tried.append(name)
        return "killed by SIGILL" if name in self.faulting else None


def test_ranked_best_first_without_the_unsupported(lib_dir: Path) -> None:
    assert [v.name for v in ranked(lib_dir, _score)] == ["sapphirerapids", "zen4", "icelake", "haswell"]


def test_a_variant_that_dies_is_passed_over_and_the_choice_is_kept(lib_dir: Path, tmp_path: Path) -> None:
    record = record_path(lib_dir, tmp_path / "cache")
    tester = FakeProbe("sapphirerapids")
    logged: list[str] = []
    chosen = choose(lib_dir, tmp_path / "model.gguf", record, scorer=_score, tester=tester, log=logged.append)
    assert chosen.name == "zen4"
    assert tester.tried == ["sapphirerapids", "zen4"]
    assert len(logged) == 1 and "sapphirerapids" in logged[0] and "SIGILL" in logged[0]
    saved = json.loads(record.read_text())
    assert saved["variant"] == "libggml-cpu-zen4.so"
    assert saved["failed"] == {"sapphirerapids": "killed by SIGILL"}

    again = FakeProbe()  # a later process reads the record and tries nothing
    assert choose(lib_dir, tmp_path / "model.gguf", record, scorer=_score, tester=again).name == "zen4"
    assert again.tried == []


def test_the_best_variant_is_taken_when_it_runs(lib_dir: Path, tmp_path: Path) -> None:
    tester = FakeProbe()
    chosen = choose(lib_dir, tmp_path / "m.gguf", tmp_path / "r.json", scorer=_score, tester=tester)
    assert chosen.name == "sapphirerapids" and tester.tried == ["sapphirerapids"]


def test_no_variant_runs_is_one_clear_error(lib_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelNotAvailableError) as caught:
        choose(lib_dir, tmp_path / "m.gguf", tmp_path / "r.json", scorer=_score,
               tester=FakeProbe("sapphirerapids", "zen4", "icelake", "haswell"))
    message = str(caught.value)
    assert "no CPU backend variant" in message and "haswell: killed by SIGILL" in message
    assert not (tmp_path / "r.json").exists()


def test_a_broken_record_is_tried_again(lib_dir: Path, tmp_path: Path) -> None:
    record = tmp_path / "r.json"
    record.write_text("{not json")
    assert choose(lib_dir, tmp_path / "m.gguf", record, scorer=_score, tester=FakeProbe()).name == "sapphirerapids"
    record.write_text(json.dumps({"variant": "libggml-cpu-gone.so"}))  # a variant no longer in the build
    chosen = choose(lib_dir, tmp_path / "m.gguf", record, scorer=_score, tester=FakeProbe("sapphirerapids"))
    assert chosen.name == "zen4"


def test_the_record_is_per_build_and_per_cpu(lib_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = machine_key(lib_dir)
    (lib_dir / "libggml-cpu-zen4.so").write_bytes(b"\x7fELF rebuilt")
    rebuilt = machine_key(lib_dir)
    assert rebuilt != before
    monkeypatch.setattr(cpu_variants, "cpu_flags", lambda: "fpu sse2 avx2")
    assert machine_key(lib_dir) != rebuilt
    assert record_path(lib_dir, tmp_path).parent == tmp_path


def test_a_read_only_cache_still_chooses(lib_dir: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")  # a file where the cache folder should be: the record cannot be written
    chosen = choose(lib_dir, tmp_path / "m.gguf", blocked / "r.json", scorer=_score, tester=FakeProbe("sapphirerapids"))
    assert chosen.name == "zen4"


@pytest.mark.parametrize(("returncode", "stderr", "expected"), [
    (0, "", None),
    (-4, "", "killed by SIGILL"),
    (-11, "", "killed by SIGSEGV"),
    (1, "Traceback\nModelNotAvailableError: ggml could not load", "exit status 1: ModelNotAvailableError: ggml"),
])
def test_probe_reports_how_the_child_ended(monkeypatch: pytest.MonkeyPatch, returncode: int, stderr: str,
                                           expected: str | None) -> None:
    def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        assert command[1:3] == ["-m", "summarizer.backends.cpu_probe"]
        return subprocess.CompletedProcess(command, returncode, "", stderr)

    monkeypatch.setattr(cpu_variants.subprocess, "run", run)
    found = probe(Path("libggml-cpu-x.so"), Path("m.gguf"))
    assert found == expected if expected is None else (found is not None and found.startswith(expected))


def test_probe_of_a_library_that_is_not_one(tmp_path: Path) -> None:
    """The real child process: a file ggml cannot load as a backend ends it with a message, not a crash here."""
    pytest.importorskip("llama_cpp")
    fake = tmp_path / "libggml-cpu-fake.so"
    fake.write_bytes(b"not a library")
    found = probe(fake, tmp_path / "m.gguf")
    assert found is not None and found.startswith("exit status 1") and "could not load" in found


@pytest.mark.model
def test_model_command_names_the_cpu_backend_that_runs_here() -> None:
    """`summarizer model` (the set-up's last step) chooses the variant, which then runs the model here: the command
    names it, and that variant's library is in the build."""
    from tests.cli_helpers import script

    llama_cpp = pytest.importorskip("llama_cpp")
    lib_dir = Path(llama_cpp.__file__).parent / "lib"
    if not cpu_variants.variant_files(lib_dir):
        pytest.skip("this llama-cpp-python has its CPU backend linked in")
    done = script(["model"], timeout=300)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("CPU backend: "))
    name = line.removeprefix("CPU backend: ").split(" ", 1)[0]
    assert (lib_dir / f"libggml-cpu-{name}.so").is_file()
    assert cpu_variants.probe(lib_dir / f"libggml-cpu-{name}.so", _embedded_model()) is None


def _embedded_model() -> Path:
    from summarizer.files.model_store import ensure_model

    return ensure_model()
