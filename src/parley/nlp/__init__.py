"""The `nlp` stage: the spaCy pipeline, loaded once, with the case file's names added."""

from parley.nlp.pipeline import MODEL_NAME, case_patterns, load_pipeline, parse, split_text

__all__ = ["MODEL_NAME", "case_patterns", "load_pipeline", "parse", "split_text"]
