"""Who speaks a line: transcript turns and round-up entries.

Transcripts give each turn to a speaker in capitals ("HOST: ...", "MAKOLO: ...");
round-ups put a header line before each entry ("Name, Outlet:" or "Name, role,
on X:") and the entry's words on the next lines. A line's speaker holds what the
line says when the name is a case actor's ("we" is that actor); a line of anyone
else (a host, an analyst, a columnist) is not an actor's stance, as a quote from
them is not. One regular-expression pass over the text, only when it has a colon
at a line's end or after a word in capitals.
"""

from __future__ import annotations

import re

# "SURNAME: words" / "HOST: words" at the start of a line.
TURN = re.compile(r"^([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}):[ \t]+(\S[^\n]*)", re.M)
# A short header line ending in a colon, then the entry's paragraph.
HEADER = re.compile(r"^([^\n:.?!]{3,120}):[ \t]*\n(?:[ \t]*\n)*([^\n]+)", re.M)
MAX_HEADER_WORDS = 16

# (start, end) of the line's words, (start, end) of the speaker's name.
Turn = tuple[int, int, int, int]


def turns(text: str) -> list[Turn]:
    """Every transcript turn and round-up entry in `text`, with its speaker's name."""
    if ":" not in text:
        return []
    found = [(m.start(2), m.end(2), m.start(1), m.end(1)) for m in TURN.finditer(text)]
    for match in HEADER.finditer(text):
        header = match.group(1)
        if len(header.split()) > MAX_HEADER_WORDS or TURN.match(match.group(0)):
            continue
        name_end = match.start(1) + len(header.split(",")[0])
        found.append((match.start(2), match.end(2), match.start(1), name_end))
    return sorted(found)
