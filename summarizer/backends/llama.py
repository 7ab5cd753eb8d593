"""Embedded backend: llama-cpp-python in-process, grammar-constrained JSON (sampled first, then checked against
the grammar: `llama_sampler`).

instructor's JSON_SCHEMA mode sends `response_format={"type": "json_schema", "json_schema": {"schema": ...}}`,
which `Llama.create_chat_completion` silently ignores (it only honours `{"type": "json_object", "schema": ...}`).
`create` rewrites the format so the grammar is really applied; `tests/test_llama_backend.py` proves it.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import threading
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.backends import deadline
from summarizer.backends.base import JSON_SCHEMA_MODE, BackendInfo, Sampling
from summarizer.backends.cpu_variants import choose_here, library_folder, load_variant, variant_files
from summarizer.backends.json_draft import SchemaDraft, drafting_enabled
from summarizer.backends.prefix_state import PrefixStore
from summarizer.backends.prefix_state import disk_enabled as prefix_disk_enabled
from summarizer.backends.scripts import TokenScripts, scripts_in
from summarizer.errors import BackendError, ModelNotAvailableError
from summarizer.files.model_store import QWEN_1_5B, ensure_model
from summarizer.files.paths import cache_dir, model_dir

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion

DEFAULT_CTX = 8192
N_BATCH = 512
_backends_loaded = False
_variant_loaded: str | None = None  # the ggml CPU variant library in use (part of a prefix state's identity)


# JSON strings may not hold raw control characters (RFC 8259); llama-cpp-python's grammar lets the model write a raw
# newline inside a string, which the JSON parser then rejects, failing the whole pass (seen on a real article).
# llama.cpp's own json-schema-to-grammar excludes them; this is the same rule.
JSON_CHAR_RULE = r'[^"\\\x7F\x00-\x1F] | "\\" (["\\/bfnrt] | "u" [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F])'


def forbid_control_characters(llama_grammar_module: Any) -> None:
    """Make the grammar's JSON string character exclude control characters (idempotent)."""
    rules = llama_grammar_module.PRIMITIVE_RULES
    rules["char"] = llama_grammar_module.BuiltinRule(JSON_CHAR_RULE, [])


def load_cpu_backends(llama_cpp_module: Any, model: Path | None = None) -> str | None:
    """A llama-cpp-python built with ggml's dynamic CPU backends (GGML_BACKEND_DL, GGML_CPU_ALL_VARIANTS: one
    `libggml-cpu-<variant>.so` per instruction set, see scripts/setup.sh) must load one before a model. The best
    variant this CPU claims to support is tried first in a child process, and a variant the machine cannot run
    (SIGILL) is passed over (`backends.cpu_variants`); the choice is remembered. `model` is the model to try it
    with (default: the embedded model, when assembled; without any model ggml's own choice is taken untried).
    A build with the CPU backend linked in has no such files and needs nothing. Returns the variant loaded."""
    global _backends_loaded, _variant_loaded
    lib_dir = library_folder(llama_cpp_module)
    if _backends_loaded or not variant_files(lib_dir):
        return None
    library = llama_cpp_module.llama_cpp._lib
    with suppress(ImportError, AttributeError):  # ggml's "loaded CPU backend" line is not for the user
        importlib.import_module("llama_cpp._logger").set_verbose(False)
    embedded = model_dir() / QWEN_1_5B.filename
    model = model if model is not None and model.is_file() else embedded if embedded.is_file() else None
    if model is None:
        try:
            load_all = library.ggml_backend_load_all_from_path
        except AttributeError as exc:
            raise ModelNotAvailableError(f"llama-cpp-python at {lib_dir} has CPU backend files but no loader: {exc}"
                                         ) from exc
        load_all.argtypes = [ctypes.c_char_p]
        load_all.restype = None
        load_all(str(lib_dir).encode())
        _backends_loaded = True
        return str(lib_dir)
    variant = choose_here(lib_dir, model)
    load_variant(library, variant.path)
    _backends_loaded = True
    _variant_loaded = variant.path.name
    return str(variant.path)


def rewrite_response_format(response_format: dict[str, Any] | None) -> dict[str, Any] | None:
    """OpenAI's json_schema format -> llama-cpp-python's json_object-with-schema format."""
    if not response_format:
        return response_format
    if response_format.get("type") == "json_schema":
        schema = response_format.get("json_schema", {}).get("schema")
        return {"type": "json_object", "schema": schema} if schema else {"type": "json_object"}
    return response_format


class LlamaBackend:
    def __init__(self, model_path: str | Path | None = None, *, n_ctx: int = DEFAULT_CTX,
                 n_threads: int | None = None, sampling: Sampling | None = None) -> None:
        try:
            importlib.import_module("llama_cpp")
            from summarizer.backends.llama_sampler import SampleThenCheckLlama
        except ImportError as exc:
            raise ModelNotAvailableError(
                "llama-cpp-python is not installed; run: pip install 'summarizer[local]' "
                "(or use --backend openai)"
            ) from exc
        forbid_control_characters(importlib.import_module("llama_cpp.llama_grammar"))
        # grammar-constrained tokens sampled first and checked against the grammar after (llama.cpp's order): the
        # grammar no longer runs over the whole vocabulary at every step; greedy output is unchanged
        self._llama_class = SampleThenCheckLlama
        self._path = Path(model_path) if model_path else None
        self._n_ctx = n_ctx
        self._threads = n_threads or int(os.environ.get("SUMMARIZER_THREADS", "0")) or min(os.cpu_count() or 2, 8)
        self.sampling = sampling or Sampling()
        name = QWEN_1_5B.name if self._path is None or self._path.name == QWEN_1_5B.filename else self._path.stem
        self.info = BackendInfo(name=f"local/{name}", model=name, mode=JSON_SCHEMA_MODE,
                                concurrent=False, context_tokens=n_ctx, sampling=self.sampling)
        self._loaded: Any = None
        self._model_file: Path | None = None
        self._scripts: TokenScripts | None = None
        self._lock = threading.Lock()
        self._loader: threading.Thread | None = None
        self._load_error: Exception | None = None
        self.drafted = 0  # tokens drafted from the answers' schemas, and the batches they went in (`SchemaDrafter`)
        self.draft_batches = 0

    def warm_up(self) -> None:
        """Start loading the model in a background thread and return at once: `summarizer summarize` loads it
        while Python imports the pipeline (llama.cpp's loading runs outside the GIL). The first request waits for
        it. The thread is not a daemon: a command that needs no model (a cached result) still waits for the load
        to end before exiting, rather than tearing the library down under it."""
        if self._loaded is None and self._loader is None:
            self._loader = threading.Thread(target=self._load_in_background, name="summarizer-model-load")
            self._loader.start()

    def _load_in_background(self) -> None:
        try:
            self._loaded = self._load()
        except Exception as exc:  # raised again where the model is first needed, in the caller's thread
            self._load_error = exc

    @property
    def _llama(self) -> Any:
        """The model, loaded on first use (or by `warm_up`): a cached re-run never asks for it."""
        if self._loader is not None:
            self._loader.join()
            if self._load_error is not None:
                raise self._load_error
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded

    def _load(self) -> Any:
        path = self._path or ensure_model()
        if not path.is_file():
            raise ModelNotAvailableError(f"model file not found: {path}")
        self._model_file = path
        load_cpu_backends(importlib.import_module("llama_cpp"), path)
        try:
            llama = self._llama_class(model_path=str(path), n_ctx=self._n_ctx, n_threads=self._threads,
                                      n_threads_batch=self._threads, n_batch=N_BATCH, verbose=False,
                                      seed=self.sampling.seed)
        except (ValueError, RuntimeError) as exc:
            raise ModelNotAvailableError(f"cannot load model {path}: {exc}") from exc
        llama.prefix_store = self._prefix_store(path)
        return llama

    def _prefix_store(self, path: Path) -> PrefixStore | None:
        """Where the system message's evaluated state is kept between processes (`prefix_state`), under a name
        that changes with anything that changes the values: model file, build, CPU variant, sizes."""
        if not prefix_disk_enabled():
            return None
        import llama_cpp

        stat = path.stat()
        identity = (f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}|llama-cpp-python {llama_cpp.__version__}"
                    f"|{_variant_loaded or 'linked'}|ctx {self._n_ctx}|batch {N_BATCH}")
        return PrefixStore(cache_dir() / "prefix", identity)

    def perf(self) -> dict[str, float]:
        """llama.cpp's own counters since the model was loaded: prompt tokens it evaluated (a prefix reused from the
        KV cache is not evaluated again, so not counted) and their seconds, generated tokens and their seconds."""
        if self._loaded is None:
            return {"prompt_tokens": 0, "prompt_s": 0.0, "generated_tokens": 0, "generation_s": 0.0}
        import llama_cpp

        data = llama_cpp.llama_perf_context(self._loaded.ctx)
        return {"prompt_tokens": int(data.n_p_eval), "prompt_s": data.t_p_eval_ms / 1000,
                "generated_tokens": int(data.n_eval), "generation_s": data.t_eval_ms / 1000}

    def _foreign_scripts(self, messages: list[dict[str, Any]]) -> Any:
        """The tokens holding letters of a script the messages never use (`backends.scripts`): none is sampled, so an
        answer about an English article is not written partly in Chinese."""
        llama = self._llama
        if self._scripts is None and self._model_file is not None:
            self._scripts = TokenScripts.for_model(self._model_file, llama.n_vocab(),
                                                   lambda token: llama.detokenize([token], special=False))
        if self._scripts is None:
            return None
        texts = [m.get("content") for m in messages]
        return self._scripts.banned(scripts_in(t for t in texts if isinstance(t, str)))

    def count_tokens(self, text: str) -> int:
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def create(self, **kwargs: Any) -> ChatCompletion:
        kwargs.pop("model", None)
        kwargs["response_format"] = rewrite_response_format(kwargs.get("response_format"))
        kwargs.setdefault("temperature", self.sampling.temperature)
        kwargs.setdefault("top_p", self.sampling.top_p)
        kwargs.setdefault("repeat_penalty", self.sampling.repeat_penalty)
        kwargs.setdefault("seed", self.sampling.seed)
        for unsupported in ("timeout", "extra_headers", "extra_body", "n"):
            kwargs.pop(unsupported, None)
        # The deadlines are checked before generating: waiting for the model (one generation at a time) ends at
        # the deadline; a generation once started is bounded by max_tokens, not interrupted.
        left = deadline.remaining()
        if not self._lock.acquire(timeout=-1 if left is None else max(left, 0.0)):
            raise deadline.exceeded("local model (busy with another article)")
        try:
            deadline.check("local model")
            llama = self._llama
            messages = kwargs.get("messages") or []
            llama.banned_tokens = self._foreign_scripts(messages)
            llama.draft_model = self._drafter(llama, kwargs["response_format"])
            first = messages[0] if messages else {}
            llama.prefix_text = first.get("content") if first.get("role") == "system" else None
            try:
                return llama.create_chat_completion_openai_v1(**kwargs)  # type: ignore[no-any-return]
            except ValueError as exc:  # e.g. "Requested tokens exceed context window"
                raise BackendError(f"local model: {exc}") from exc
            except RuntimeError as exc:
                raise BackendError(f"local model: {exc}") from exc
            finally:
                if llama.draft_model is not None:
                    self.drafted += llama.draft_model.drafted
                    self.draft_batches += llama.draft_model.batches
                llama.draft_model = None
        finally:
            self._lock.release()

    def _drafter(self, llama: Any, response_format: dict[str, Any] | None) -> Any:
        """The structure drafter of this call (`json_draft`): the text its JSON schema fixes is evaluated in batches
        of tokens rather than one token per step. None without a schema, off, or with the stock sampler."""
        from summarizer.backends.llama_sampler import SampleThenCheckLlama, SchemaDrafter

        schema = (response_format or {}).get("schema")
        # only SampleThenCheckLlama asks for the logits of every drafted token (a stock Llama given the sampler by
        # `install` would sample the draft's positions from logits it never computed)
        if not isinstance(schema, dict) or not drafting_enabled() or not isinstance(llama, SampleThenCheckLlama) \
                or not llama.sample_then_check:
            return None
        return SchemaDrafter(llama, SchemaDraft(schema))
