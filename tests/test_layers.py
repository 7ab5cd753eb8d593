"""The package's layers import downwards only: a module never imports from a layer above it or beside it.

The order is the architecture (README, "How it works"): errors at the bottom, then the published contract and the
language data, file handling and text reading, the model backends, the model passes and the readers, the pipeline
that composes them, then what uses summaries (consolidation, batch jobs), what scores and shows them (eval,
render), and the CLI on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "summarizer"

LAYERS: list[tuple[str, ...]] = [
    ("errors",),
    ("contract", "lang"),
    ("files", "text"),
    ("backends",),
    ("llm", "extract"),
    ("pipeline",),
    ("consolidate", "batch"),
    ("evaluation", "render"),
    ("cli",),
    ("__init__",),  # the public API: summarize, Summarizer, the errors, EventSummary
]
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}


def layer_of(module: str) -> str:
    """`summarizer.text.parse` -> "text"; `summarizer` (the package face) -> "__init__"."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of the package in a file, relative imports resolved."""
    module = module_name(path, root)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "summarizer":  # `from summarizer import x`: x is a module or a name of the face
                for alias in node.names:
                    is_module = (root / alias.name).is_dir() or (root / f"{alias.name}.py").is_file()
                    found.append((node.lineno, f"summarizer.{alias.name}" if is_module else "summarizer"))
            elif target.startswith("summarizer."):
                found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("summarizer")]
    return found


def violations(root: Path = PACKAGE) -> list[str]:
    wrong: list[str] = []
    for path in sorted(root.rglob("*.py")):
        layer = layer_of(module_name(path, root))
        for line, target in imported_modules(path, root):
            other = layer_of(target)
            if other != layer and RANK[other] >= RANK[layer]:
                wrong.append(f"{path.relative_to(root.parent).as_posix()}:{line} ({layer}) imports {target} ({other})")
    return wrong


def test_every_part_of_the_package_has_a_layer() -> None:
    tops = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
            if (p.is_file() and p.suffix == ".py") or (p.is_dir() and (p / "__init__.py").exists())}
    assert tops - set(RANK) == set()


def test_no_top_level_module_belongs_to_a_layer_package() -> None:
    """Only the face, the root exception and the composition sit at the top; the rest lives in its layer."""
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert modules == {"__init__", "errors", "pipeline"}


def test_imports_point_down_only() -> None:
    assert violations() == []


@pytest.mark.parametrize(("source", "target", "allowed"), [
    ("text", "contract", True), ("contract", "text", False), ("extract", "llm", False),
    ("backends", "llm", False), ("consolidate", "render", False), ("cli", "pipeline", True),
])
def test_the_rule_itself(source: str, target: str, allowed: bool) -> None:
    assert (RANK[target] < RANK[source]) is allowed


def test_a_wrong_import_is_caught(tmp_path: Path) -> None:
    """The checker sees an upward import written either way (absolute or relative)."""
    package = tmp_path / "summarizer"
    (package / "text").mkdir(parents=True)
    (package / "pipeline.py").write_text("")
    (package / "text" / "__init__.py").write_text("")
    (package / "text" / "a.py").write_text("from ..pipeline import x\nimport summarizer.cli.main\n")
    assert violations(package) == ["summarizer/text/a.py:1 (text) imports summarizer.pipeline (pipeline)",
                     "summarizer/text/a.py:2 (text) imports summarizer.cli.main (cli)"]
