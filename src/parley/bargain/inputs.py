"""Read bargaining inputs: a case file's `positions` section, CSV/TSV tables, DEU III.

Case files (YAML) gain an optional section:

    positions:
      capability: {united_states: 100, russia: 60}     # per actor, required
      status_quo: {sanctions_on_russia: 60}            # per issue, optional
      actors:
        united_states:
          sanctions_on_russia: {position: 70, salience: 80}
          us_mediation: {position: 95, salience: 90, capability: 120}  # per-issue capability

Errors name the file and line (from PyYAML's composed nodes). A CSV/TSV has a
header with `actor, issue, position, salience` and optional `capability`,
`status_quo` columns, one row per actor and issue.
"""

from __future__ import annotations

import csv
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from parley.bargain.table import PositionTable
from parley.errors import CaseFileError, InputError

if TYPE_CHECKING:
    import numpy as np

    from parley.case import Case

LOGGER = logging.getLogger(__name__)

POSITIONS_HELP = (
    "add a 'positions' section to the case file, for example:\n"
    "positions:\n"
    "  capability: {ACTOR_ID: 100}\n"
    "  actors:\n"
    "    ACTOR_ID:\n"
    "      ISSUE_ID: {position: 70, salience: 80}\n"
    "(positions and saliences on 0-100; see docs/bargaining.md)"
)


def positions_from_case(path: str | Path) -> PositionTable:
    """The `positions` section of a case file as a table; `CaseFileError` names file:line."""
    from parley.case import load_case

    path = Path(path)
    case = load_case(path)
    root = yaml.compose(path.read_text(encoding="utf-8"))
    section = _child(root, "positions")
    if section is None:
        raise CaseFileError(f"{path}: no 'positions' section; {POSITIONS_HELP}")
    return _PositionsReader(path, case).read(section)


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if k.value == key:
            return v
    return None


class _PositionsReader:
    """Walks the composed `positions` node, collecting values and checking ids and ranges."""

    def __init__(self, path: Path, case: Case) -> None:
        self.path, self.case = path, case

    def fail(self, node: yaml.Node, message: str) -> CaseFileError:
        return CaseFileError(f"{self.path}:{node.start_mark.line + 1}: {message}")

    def read(self, section: yaml.Node) -> PositionTable:
        import numpy as np

        actors, issues = self.case.actor_ids, self.case.issue_ids
        shape = (len(actors), len(issues))
        pos, sal, cap = np.full(shape, np.nan), np.full(shape, np.nan), np.full(shape, np.nan)
        sq = np.full(len(issues), np.nan)
        items = self.mapping(section, "positions")
        for key in items:
            if key not in ("capability", "status_quo", "actors"):
                raise self.fail(
                    items[key][0],
                    f"unknown key {key!r} in positions; valid: capability, status_quo, actors",
                )
        base = self._per_id(items, "capability", actors, "actor", low=0.0, high=math.inf)
        for issue, value in self._per_id(items, "status_quo", issues, "issue").items():
            sq[issues.index(issue)] = value
        rows = self.mapping(items["actors"][1], "positions.actors") if "actors" in items else {}
        for actor, (key_node, node) in rows.items():
            self.check_id(key_node, actor, actors, "actor")
            i = actors.index(actor)
            for issue, (issue_node, entry) in self.mapping(node, actor).items():
                self.check_id(issue_node, issue, issues, "issue")
                j = issues.index(issue)
                pos[i, j], sal[i, j], cap[i, j] = self.entry(entry, actor, issue, base)
        return PositionTable(actors, issues, pos, sal, cap, sq)

    def entry(
        self, node: yaml.Node, actor: str, issue: str, base: dict[str, float]
    ) -> tuple[float, float, float]:
        fields = self.mapping(node, f"{actor}.{issue}")
        for key in fields:
            if key not in ("position", "salience", "capability"):
                raise self.fail(
                    fields[key][0],
                    f"unknown key {key!r} for {actor}.{issue}; "
                    "valid: position, salience, capability",
                )
        for key in ("position", "salience"):
            if key not in fields:
                raise self.fail(node, f"{actor}.{issue} needs a {key} (0-100)")
        position = self.number(fields["position"][1], "position")
        salience = self.number(fields["salience"][1], "salience")
        if "capability" in fields:
            return (
                position,
                salience,
                self.number(fields["capability"][1], "capability", 0, math.inf),
            )
        if actor not in base:
            raise self.fail(
                node,
                f"missing capability for actor {actor!r}: give it under "
                "positions.capability or as 'capability' on this entry",
            )
        return position, salience, base[actor]

    def _per_id(
        self,
        items: dict[str, tuple[yaml.Node, yaml.Node]],
        key: str,
        valid: tuple[str, ...],
        kind: str,
        low: float = 0.0,
        high: float = 100.0,
    ) -> dict[str, float]:
        if key not in items:
            return {}
        out = {}
        for name, (name_node, node) in self.mapping(items[key][1], f"positions.{key}").items():
            self.check_id(name_node, name, valid, kind)
            out[name] = self.number(node, f"{key} of {name}", low, high)
        return out

    def mapping(self, node: yaml.Node, where: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{where} must be a mapping of ids to values")
        return {str(k.value): (k, v) for k, v in node.value}

    def check_id(self, node: yaml.Node, name: str, valid: tuple[str, ...], kind: str) -> None:
        if name not in valid:
            raise self.fail(node, f"unknown {kind} id {name!r}; valid: {', '.join(valid)}")

    def number(self, node: yaml.Node, what: str, low: float = 0.0, high: float = 100.0) -> float:
        try:
            value = float(node.value) if isinstance(node, yaml.ScalarNode) else math.nan
        except ValueError:
            value = math.nan
        if math.isnan(value):
            raise self.fail(node, f"{what} must be a number, got {getattr(node, 'value', node)!r}")
        if not low <= value <= high or (high == math.inf and value <= 0):
            limits = "above 0" if high == math.inf else f"between {low:g} and {high:g}"
            raise self.fail(node, f"{what} = {value:g} is out of range; it must be {limits}")
        return value


def read_table(path: str | Path) -> PositionTable:
    """Read a CSV (`,`) or TSV (`.tsv`, tab) with one row per actor and issue."""
    import numpy as np

    path = Path(path)
    rows = _rows(path)
    actors = tuple(dict.fromkeys(r["actor"] for _, r in rows))
    issues = tuple(dict.fromkeys(r["issue"] for _, r in rows))
    shape = (len(actors), len(issues))
    pos, sal, cap = np.full(shape, np.nan), np.full(shape, np.nan), np.ones(shape)
    sq = np.full(len(issues), np.nan)
    for line, row in rows:
        i, j = actors.index(row["actor"]), issues.index(row["issue"])
        pos[i, j] = _cell(path, line, row, "position")
        sal[i, j] = _cell(path, line, row, "salience")
        if row.get("capability"):
            cap[i, j] = _cell(path, line, row, "capability", high=math.inf)
        if row.get("status_quo"):
            sq[j] = _cell(path, line, row, "status_quo")
    return PositionTable(actors, issues, pos, sal, cap, sq)


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read ({exc})") from None
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    missing = {"actor", "issue", "position", "salience"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(
            str(path),
            f"line 1: missing column(s) {', '.join(sorted(missing))}; "
            "the header needs actor, issue, position, salience "
            "[, capability, status_quo]",
        )
    return [(n, row) for n, row in enumerate(reader, start=2)]


def _cell(path: Path, line: int, row: dict[str, str], key: str, high: float = 100.0) -> float:
    text = (row.get(key) or "").strip()
    try:
        value = float(text)
    except ValueError:
        raise InputError(str(path), f"line {line}: {key} must be a number, got {text!r}") from None
    if not 0 <= value <= high or (high == math.inf and value <= 0):
        raise InputError(str(path), f"line {line}: {key} = {value:g} is out of range")
    return value


@dataclass(frozen=True)
class DeuData:
    """DEU III issues: the table (actors x issues), the outcomes and the proposal of each issue."""

    table: PositionTable
    outcome: np.ndarray
    proposal: tuple[str, ...]
    procedure: tuple[str, ...]
    gdp: np.ndarray


def read_deu(path: str | Path) -> DeuData:
    """Read the DEU III TSV (see ../shared/data/deu3/README.md); capabilities are all 1.

    Row 2 (GDP per actor) becomes `gdp`. An actor with a position but no
    salience keeps its position and gets salience NaN (no weight in the models).
    """
    import numpy as np

    path = Path(path)
    try:
        rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read DEU file ({exc})") from None
    header = rows[0]
    for need in ("prnr", "isnr", "out", "rp", "pcom", "scom"):
        if need not in header:
            raise InputError(str(path), f"line 1: no {need!r} column; is this the DEU III TSV?")
    actors = [h[1:] for h in header[header.index("pcom") : header.index("scom")]]
    pcols = [header.index("p" + a) for a in actors]
    scols = [header.index("s" + a) for a in actors]
    body = rows[2:]
    num = _deu_number(path)
    pos = np.array([[num(r, c, n) for c in pcols] for n, r in enumerate(body, 3)]).T
    sal = np.array([[num(r, c, n) for c in scols] for n, r in enumerate(body, 3)]).T
    col = header.index
    table = PositionTable(
        tuple(actors),
        tuple(r[col("isnr")] for r in body),
        pos,
        sal,
        np.ones_like(pos),
        np.array([num(r, col("rp"), n) for n, r in enumerate(body, 3)]),
    )
    return DeuData(
        table=table,
        outcome=np.array([num(r, col("out"), n) for n, r in enumerate(body, 3)]),
        proposal=tuple(r[col("prnr")] for r in body),
        procedure=tuple(r[col("proc")] for r in body),
        gdp=np.array([num(rows[1], c, 2) for c in pcols]),
    )


def _deu_number(path: Path):  # type: ignore[no-untyped-def]
    def num(row: list[str], column: int, line: int) -> float:
        text = row[column].strip() if column < len(row) else ""
        if not text:
            return math.nan
        try:
            return float(text)
        except ValueError:
            raise InputError(str(path), f"line {line}: {text!r} is not a number") from None

    return num
