"""Reading text by code: sentences and numbers, the one name folding, dates and calendar words, clauses,
grounding of quotes, escaping for reports. No model, no I/O."""
