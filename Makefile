# The few verbs a newcomer needs. Each sets up first (scripts/setup.sh is idempotent).
.PHONY: demo test lint bench

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

lint:
	.venv/bin/ruff check summarizer tests bench

bench:
	.venv/bin/python bench/bench_summarize.py
	.venv/bin/python bench/bench_batch.py --local
