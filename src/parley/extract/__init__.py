"""The `extract` stage: pure functions of (doc, article, case) returning records."""
