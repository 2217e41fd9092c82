"""Stances: what each case actor supports or opposes on each case issue, per article.

`extract_stances` reads the shared parse (no second pass over the text) and
works from the case file alone: actors and issues. The cascade:

1. candidates (`issues`, `lexicon`): one vectorised lookup finds the tokens
   that carry an issue word (from the issue's id, label, proposition, scale
   labels and keywords) and the tokens that may start a stance frame; only
   sentences holding both go on (plus the case's rule phrases, if any);
2. issue mentions (`issues`, `rules`): per noun phrase, the issue its words
   weigh most for, with the phrase's polarity (the proposition or its opposite);
3. frames (`frames`, `cues`): each cue word's holder (`holders`), and per
   issue the phrase nearest the cue, signed along the dependency path;
4. filters (`filters`): conditions, obligations, irrealis, plans, deliberation,
   questions, commentators' words are not stances; hedges lower confidence;
5. scoring and positions (`scoring`, `positions`): confidence, the route that
   found the stance (frame, rule, quote), and the scale point it names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from parley.extract.records import Stance
from parley.extract.stances.anaphora import PRONOUNS, referents
from parley.extract.stances.conditions import demand_stances
from parley.extract.stances.context import Context, build_context
from parley.extract.stances.cues import cue
from parley.extract.stances.frames import cue_stances, voiced_stances
from parley.extract.stances.issues import IssueIndex, IssueMatch, issue_index
from parley.extract.stances.judgements import judgements, judging
from parley.extract.stances.judging_words import word_set
from parley.extract.stances.lexicon import Lexicon, lexicon
from parley.extract.stances.positions import place
from parley.extract.stances.rules import case_rules

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc, Span, Token

    from parley.articles.model import Article
    from parley.case import Case
    from parley.extract.records import Mention, Quote

__all__ = ["extract_stances", "prepare"]


def prepare(case: Case) -> None:
    """Compile a case's issue words and rules now (they are cached per case)."""
    issue_index(case)
    case_rules(case)


def extract_stances(
    doc: Doc,
    article: Article | None,
    case: Case | None,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
) -> list[Stance]:
    """Stances of case actors on case issues reported in one parsed article.

    Returns [] without a case. `mentions` and `quotes` are the other extractors'
    records for the same doc (actor links, speakers).
    """
    if case is None or not case.issues or len(doc) == 0:
        return []
    lex, issues, rules = lexicon(), issue_index(case), case_rules(case)
    sentences = _candidate_sentences(doc, issues, lex, bool(rules.terms))
    if not sentences:
        return []
    text = article.text if article is not None else None
    ctx = build_context(doc, case, lex, rules, issues, mentions, quotes, text)
    found: list[Stance] = []
    seen: set[tuple[str, str, str, int]] = set()
    for sent, hits, before in sentences:
        for stance in _sentence_stances(ctx, sent, hits, before):
            key = (stance.actor, stance.issue, stance.stance, stance.start)
            if key not in seen:
                seen.add(key)
                found.append(stance)
    return _specific(found)


# A phrase that one cue makes a stance on this many issues at once names none of them in
# particular ("said a 10 percent levy will stay" where five issues speak of tariffs).
MAX_SPREAD = 3


def _specific(found: list[Stance]) -> list[Stance]:
    """Without the stances of one cue and one phrase spread over MAX_SPREAD issues or more
    (their evidence spans are the same; rule phrases are specific by design)."""
    issues: dict[tuple[str, int, int, str | None], set[str]] = defaultdict(set)
    for s in found:
        issues[(s.actor, s.start, s.end, s.cue)].add(s.issue)
    return [
        s
        for s in found
        if s.route == "rule" or len(issues[(s.actor, s.start, s.end, s.cue)]) < MAX_SPREAD
    ]


Candidate = tuple["Span", list[int], list[int]]


def _candidate_sentences(
    doc: Doc, issues: IssueIndex, lex: Lexicon, rules: bool
) -> list[Candidate]:
    """Sentences with a cue word and an issue word, or with a cue and a word pointing back
    ("it", "such a move") after a sentence with an issue word: (sentence, issue-word tokens,
    and those of the sentence before). One array of the doc's words, no loop over tokens."""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER, SENT_START

    attrs = doc.to_array([LOWER, LEMMA, SENT_START])
    issue_hits = issues.candidates(doc, attrs)
    cue_hits = np.flatnonzero(np.isin(attrs[:, 1], _hashes(doc, lex.cue_lemmas)))
    if not len(cue_hits):
        return []
    starts = np.flatnonzero(attrs[:, 2] == 1)
    if not len(starts) or starts[0] != 0:
        starts = np.concatenate(([0], starts))
    sent_of = np.searchsorted(starts, np.arange(len(doc)), side="right") - 1
    by_sent: dict[int, list[int]] = defaultdict(list)
    for i in issue_hits.tolist():
        by_sent[int(sent_of[i])].append(i)
    cue_sents = np.unique(sent_of[cue_hits]).tolist()
    pointing: set[int] = set()
    if any(s not in by_sent and s - 1 in by_sent for s in cue_sents):
        words = _hashes(doc, PRONOUNS | lex.anaphoric)  # "it", "such a move"
        found = np.isin(attrs[:, 0], words) | np.isin(attrs[:, 1], words)
        pointing = set(np.unique(sent_of[np.flatnonzero(found)]).tolist())
    ends = [*starts[1:].tolist(), len(doc)]
    return [
        (doc[starts[s] : ends[s]], by_sent.get(s, []), by_sent.get(s - 1, []))
        for s in cue_sents
        if rules or s in by_sent or (s in pointing and s - 1 in by_sent)
    ]


_HASHES: dict[frozenset[str], object] = {}


def _hashes(doc: Doc, words: frozenset[str]) -> np.ndarray:
    import numpy as np

    if words not in _HASHES:
        strings = doc.vocab.strings
        _HASHES[words] = np.array([strings.add(w) for w in words], dtype="uint64")
    return _HASHES[words]  # type: ignore[return-value]


def _sentence_stances(ctx: Context, sent: Span, hits: list[int], before: list[int]) -> list[Stance]:
    matches = _matches(ctx, sent, hits)
    prev = ctx.doc[sent.start - 1].sent if sent.start > 0 and before else None
    earlier = _matches(ctx, prev, before) if prev is not None else []
    matches = _acting(ctx, matches + referents(ctx, sent, matches, earlier))
    judged = [t for t in sent if judging(ctx, t)]
    if judged:  # "not up for negotiation" names no issue of talks
        inside = {t.i for j in judged for t in j.subtree if t.i != j.i}
        matches = [m for m in matches if m.root.i not in inside]
    verdicts = [s for t in judged for s in judgements(ctx, t, matches, earlier)]
    found: list[Stance] = list(verdicts)
    if matches:
        for tok in sent:
            found_cue = cue(tok, ctx.lex)
            if found_cue is not None:
                found += cue_stances(ctx, tok, found_cue, _not_one_event(ctx, tok, matches))
        for root in {ctx.head(m.root).i for m in matches} | {sent.root.i}:
            found += voiced_stances(ctx, _clause_root(ctx, ctx.doc[root]), matches)
        found += demand_stances(ctx, sent, matches)
    return [place(ctx, stance) for stance in _judged_first(ctx, found, verdicts)]


def _judged_first(ctx: Context, found: list[Stance], verdicts: list[Stance]) -> list[Stance]:
    """Without what another cue of the same sentence says against a judgement by the same
    actor: "said its weapons were not negotiable", "insists its rules are not for sale"
    insist on them, whatever the reported clause's words would say of them alone."""
    judged = {(s.actor, s.issue): s.stance for s in verdicts}
    if not judged:
        return found
    return [s for s in found if judged.get((s.actor, s.issue), s.stance) == s.stance]


def _not_one_event(ctx: Context, verb: Token, matches: list[IssueMatch]) -> list[IssueMatch]:
    """Without the one event a verb judges that its issue names only by a synonym ("condemned
    the attack": that attack, not the fighting an issue of a ceasefire speaks of; acting
    on it, "halted the offensive", is a stance). Verbs in `stance_judging.yaml`."""
    if verb.lemma_.lower() not in word_set("reacting"):
        return matches
    return [m for m in matches if not (m.root.head.i == verb.i and _one_event(ctx, m))]


def _one_event(ctx: Context, match: IssueMatch) -> bool:
    """A definite singular noun ("the strike on the port"; not "the strikes") that names its
    issue only through a synonym set."""
    root = match.root
    if root.dep_ not in ("dobj", "obj") or root.tag_ != "NN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in root.children):
        return False
    own = [e for e in ctx.issues.entries(root) if e.issue == match.issue]
    return bool(own) and not any(e.exact for e in own)


def _clause_root(ctx: Context, tok: Token) -> Token:
    """The root of the clause a word stands in, within its paragraph."""
    cur = tok
    while (head := ctx.head(cur)).i != cur.i:
        cur = head
    return cur


def _matches(ctx: Context, sent: Span, hits: list[int]) -> list[IssueMatch]:
    """Issue phrases in a sentence: the case's rule phrases for the issues that have rules,
    the issue's own words for the others (rules refine an issue: they replace its words)."""
    own = ctx.issues.mentions(sent, hits, ctx.actor_of, ctx.paragraphs)
    if not ctx.rules.terms:
        return own
    ruled = ctx.rules.issues
    return _rule_matches(ctx, sent) + [m for m in own if m.issue not in ruled]


def _acting(ctx: Context, matches: list[IssueMatch]) -> list[IssueMatch]:
    """Issue phrases without the issue's verbs acting on something else ("deploy them" when
    "them" are sanctions, "negotiate a deal"): a verb names the issue with its own object."""
    objects = {(m.issue, m.root.i) for m in matches}
    kept = []
    for match in matches:
        verb = match.root
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        own = (
            verb.pos_ != "VERB"
            or obj is None
            or (match.issue, obj.i) in objects
            or ctx.issues.own_object(match.issue, obj, ctx.actor_of)  # "disarm the Front"
        )
        if own or match.route == "rule":
            kept.append(match)
    return kept


def _rule_matches(ctx: Context, sent: Span) -> list[IssueMatch]:
    """Rule phrases in a sentence, one per (issue, head token); the longest where they overlap."""
    found: dict[tuple[str, int], IssueMatch] = {}
    for term, start, end in ctx.rules.find(ctx.text, sent.start_char, sent.end_char):
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        key = (term.issue, span.root.i)
        if key not in found or end - start > found[key].end - found[key].start:
            found[key] = IssueMatch(
                term.issue, term.polarity, start, end, span.root, "rule", term.cues
            )
    longest: dict[int, IssueMatch] = {}
    for match in found.values():
        best = longest.get(match.root.i)
        if best is None or match.end - match.start > best.end - best.start:
            longest[match.root.i] = match
    return list(longest.values())
