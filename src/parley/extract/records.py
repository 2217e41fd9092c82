"""Records the extractors return. Every record carries a character span into `Article.text`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
DatePrecision = Literal["day", "week", "month", "season", "quarter", "year", "decade", "unknown"]
StanceValue = Literal["support", "oppose"]
StanceRoute = Literal["frame", "rule", "quote"]
FrameKind = Literal["blame", "credit"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text: a person, organisation or place.

    `key` is the fullest form of the name found in the same article ("Putin" ->
    "Vladimir Putin"); corpus-wide merging in `parley.analysis` starts from it.
    """

    start: int
    end: int
    text: str
    label: str
    key: str
    actor: str | None = None
    descriptor: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech with its speaker.

    `start`/`end` cover the quoted words without the marks (direct and partial
    quotes) or the reported clause (indirect); `text` is the article text there.
    `speaker` is the speaker's name as written at `speaker_start:speaker_end`;
    for a pronoun ("he said") that span is the antecedent's name mention. It is
    None when no named speaker was found (`speaker_descriptor` may still say
    "a senior official"). `speaker_descriptor` is the role the article gives
    ("Russian President", "a former adviser ..."); `cue` the speech verb lemma.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_descriptor: str | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression normalised in TIMEX3 form (`2025-03-18`, `2025-W11`, `P1M`)."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened on a (resolved) date: a call, a meeting, a rejection...

    `start`/`end` cover the evidence (the summary's sentence); `trigger_start`/
    `trigger_end` the words that report the event. `date` is ISO (`2025-03-18`,
    `2025-W12`, `2025-03`) or None when undated; `approximate` marks a date
    inferred by convention (a news lead: the publication day or the day
    before). `dating` says how the date was found (timex, clause, anchor, link,
    lead; `corpus` after merging) or why there is none (vague, coarse, no
    publication date, no time expression). `actors` holds case actor ids or
    entity keys of the participants.
    """

    start: int
    end: int
    type: str
    summary: str
    date: str | None = None
    date_precision: DatePrecision = "unknown"
    actors: tuple[str, ...] = ()
    trigger: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    approximate: bool = False
    dating: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(frozen=True, slots=True)
class Stance:
    """What a case actor supports or opposes on a case issue, as the article reports it.

    `start`/`end` cover the evidence (the cue and the words naming the issue);
    `actor` and `issue` are case ids; "support" pushes the issue's outcome
    towards 100, "oppose" towards 0. `cue` is the word that carries the stance
    ("rebuffed", "demands"); `holder_start`/`holder_end` cover the words naming
    the actor. `hedged` marks reports the article itself qualifies
    ("reportedly", "seems to"); they get a lower `confidence` (0-1).
    `route` says what found it: a generic stance frame, a case rule, or the
    actor's own quote. `position` is the point of a graded issue scale the
    evidence names (0-100), or None when it says only support or oppose.
    """

    start: int
    end: int
    actor: str
    issue: str
    stance: StanceValue
    confidence: float
    cue: str | None = None
    holder_start: int | None = None
    holder_end: int | None = None
    hedged: bool = False
    route: StanceRoute = "frame"
    position: int | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """Blame or credit: who holds a case actor responsible for something bad or good.

    `start`/`end` cover the cue word ("blamed", "intransigence", "praised");
    `target` is the case actor blamed or credited, at `target_start:target_end`;
    `agent` is who blames or credits: a case actor id, "writer" (the article's
    own voice) or "other" (someone who is no case actor: an analyst, an
    unnamed official). `cue` is the lexicon lemma.
    """

    start: int
    end: int
    kind: FrameKind
    target: str
    agent: str
    cue: str
    target_start: int | None = None
    target_end: int | None = None


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article, stored in one transaction."""

    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Extracted = Mention | Quote | Timex | Event | Stance | Frame
