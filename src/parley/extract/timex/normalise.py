"""Turn a matched expression into a TIMEX3 (type, value, mod), anchored on the document date.

Each rule `kind` of `data/rules.yaml` has a resolver here. Resolvers read the
named groups of the match and a `Context`: the document creation time (DCT),
the tense of the governing verb, and the last day-precision date seen earlier
in the document (the anchor of "the next day"). Without a DCT, relative
expressions keep the unknown parts as X (`XXXX-03`, `XXXX-WXX-5`).

News conventions: a bare weekday points to the past (or today) unless the verb
is in the future or present tense; a month without a year is the nearest one
consistent with the tense; "the end of the year" in the past tense is the end
of last year.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from parley.extract.records import TimexType
from parley.extract.timex.grammar import Lexicon, lexicon
from parley.extract.timex.values import (
    SEASON_START,
    day_value,
    month_value,
    season_of,
    shift_months,
    week_value,
)

LOGGER = logging.getLogger(__name__)

# "prospective": a future seen from a past moment ("was due to meet on Sunday"), on
# either side of the publication day; a weekday then resolves to the nearest one.
Tense = Literal["past", "present", "future", "prospective"]
Groups = Mapping[str, str | None]
Resolved = tuple[TimexType, str, str | None]


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver knows beyond the match."""

    dct: date | None
    tense: Tense | None = None
    anchor: date | None = None
    anchor_year: int | None = None
    sentence_day: date | None = None


def resolve(kind: str, groups: Groups, ctx: Context) -> Resolved | None:
    """The TIMEX3 (type, value, mod) of a match of a rule of `kind`, or None to drop it."""
    resolver = _RESOLVERS.get(kind)
    if resolver is None:
        raise ValueError(f"timex rule kind {kind!r} has no resolver; known: {sorted(_RESOLVERS)}")
    return resolver(groups, ctx, lexicon())


# --- helpers -----------------------------------------------------------------


def _word(groups: Groups, name: str) -> str | None:
    value = groups.get(name)
    return " ".join(value.lower().split()) if value else None


def _point_mod(groups: Groups, lex: Lexicon) -> str | None:
    word = _word(groups, "pmod")
    return lex.point_mods.get(word.rstrip("-")) if word else None


def _direction(groups: Groups, lex: Lexicon, name: str = "dir") -> int | None:
    word = _word(groups, name)
    return lex.directions.get(word) if word else None


def _count(groups: Groups, lex: Lexicon) -> float | None:
    """The number of units written ("three", "90", "twenty-five", "1,000"), None when vague."""
    word = _word(groups, "num")
    if word is None:
        return None
    word = word.replace(",", "")
    if word in lex.numbers:
        return lex.numbers[word]
    if "-" in word or " " in word:
        parts = word.replace("-", " ").split()
        if all(p in lex.numbers for p in parts):
            return sum(lex.numbers[p] for p in parts)
    try:
        return float(word)
    except ValueError:
        return None


def _unit(groups: Groups, lex: Lexicon, name: str = "unit") -> str | None:
    word = _word(groups, name)
    if word is None:
        return None
    if word == "centuries":
        return "century"
    return word if word in lex.units else word.removesuffix("s")


def _pick_year(month: int, day: int | None, ctx: Context, direction: int | None) -> int | None:
    """The year of a month (and day) written without one, chosen against the DCT.

    `direction` -1/0/+1 comes from "last/this/next"; otherwise the tense decides
    (past: on or before the DCT, future: on or after), else the nearest.
    """
    if ctx.dct is None:
        return None
    dct = ctx.dct
    now = (dct.month, dct.day if day is not None else 0)
    here = (month, day or 0)
    if direction == 0:
        return dct.year
    if direction == -1:
        return dct.year if here < now else dct.year - 1
    if direction == 1:
        return dct.year if here > now else dct.year + 1
    if ctx.tense == "past":
        return dct.year if here <= now else dct.year - 1
    if ctx.tense == "future":
        return dct.year if here >= now else dct.year + 1
    return _nearest_year(month, day or 15 if day else 15, dct)


def _nearest_year(month: int, day: int, dct: date) -> int:
    best, best_gap = dct.year, None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            gap = abs((date(year, month, min(day, 28)) - dct).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


# --- calendar expressions ------------------------------------------------------


def _calendar_day(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    name = groups.get("month")
    month = lex.month(name) if name else int(groups["month_num"] or 0)
    day = int(groups["day"] or 0)
    if groups.get("year"):
        year: int | None = int(groups["year"] or 0)
    else:
        year = _pick_year(month, day, ctx, None)
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    try:
        return "DATE", day_value(date(year, month, day)), None
    except ValueError:
        LOGGER.debug("dropping impossible date %s-%s-%s", year, month, day)
        return None


def _calendar_month(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    month = lex.month(groups["month"] or "")
    mod = _point_mod(groups, lex)
    if groups.get("year"):
        year: int | None = int(groups["year"] or 0)
    else:
        year = _pick_year(month, None, ctx, _direction(groups, lex))
    return "DATE", month_value(year, month) if year else f"XXXX-{month:02d}", mod


def _season(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    code = lex.seasons[_word(groups, "season") or ""]
    mod = _point_mod(groups, lex)
    if groups.get("year"):
        return "DATE", f"{groups['year']}-{code}", mod
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}", mod
    year = _season_year(code, ctx, _direction(groups, lex))
    return "DATE", f"{year}-{code}", mod


def _season_year(code: str, ctx: Context, direction: int | None) -> int:
    assert ctx.dct is not None
    current_year, current_code = season_of(ctx.dct)
    current = (current_year, SEASON_START[current_code])
    this_year = ctx.dct.year - 1 if code == "WI" and ctx.dct.month <= 2 else ctx.dct.year
    candidate = (this_year, SEASON_START[code])
    if direction == 0 or (direction is None and ctx.tense not in ("past", "future")):
        return this_year
    if direction == -1 or (direction is None and ctx.tense == "past"):
        strictly = direction == -1
        before = candidate < current or (candidate == current and not strictly)
        return this_year if before else this_year - 1
    after = candidate > current or (candidate == current and direction is None)
    return this_year if after else this_year + 1


def _year(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    return "DATE", str(int(groups["year"] or 0)), _point_mod(groups, lex)


def _decade(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    text = groups["decade"] or ""
    if text[0].isdigit():
        return "DATE", text[:3], _point_mod(groups, lex)
    tens = int(text[1])
    century = 20 if ctx.dct and tens * 10 <= ctx.dct.year % 100 else 19
    return "DATE", f"{century}{tens}", _point_mod(groups, lex)


def _century(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    return "DATE", f"{int(groups['century'] or 1) - 1:02d}", _point_mod(groups, lex)


def _quarter(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    if groups.get("qnum"):
        number = int(groups["qnum"] or 1)
    elif groups.get("ord"):
        word = _word(groups, "ord") or ""
        number = lex.ordinals.get(word) or int(word[0])
    else:
        return _relative({"runit": "quarter", "dir": groups.get("dir")}, ctx, lex)
    year = _explicit_or_relative_year(groups, ctx, "qdir")
    if year is not None and ctx.dct is not None and not groups.get("qof"):
        # "profits fell in the fourth quarter" (in March): last year's
        current = (ctx.dct.month - 1) // 3 + 1
        if ctx.tense == "past" and number > current:
            year -= 1
        elif ctx.tense == "future" and number < current:
            year += 1
    return "DATE", f"{year or 'XXXX'}-Q{number}", None


def _half(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    number = 1 if (_word(groups, "half") or "").startswith(("first", "1")) else 2
    year = _explicit_or_relative_year(groups, ctx, "hdir")
    return "DATE", f"{year or 'XXXX'}-H{number}", None


def _explicit_or_relative_year(groups: Groups, ctx: Context, dir_group: str) -> int | None:
    if groups.get("year"):
        return int(groups["year"] or 0)
    if ctx.dct is None:
        return None
    shift = {"last": -1, "next": 1}.get(_word(groups, dir_group) or "", 0)
    return ctx.dct.year + shift


# --- relative to the document date ----------------------------------------------


def _deictic_day(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    phrase = _word(groups, "deictic") or _word(groups, "deictic_word") or ""
    entry = lex.deictic_days[phrase]
    part = lex.parts_of_day.get(_word(groups, "pod") or "") or entry.get("part")
    if ctx.dct is None:
        value = "XXXX-XX-XX"
    else:
        value = day_value(ctx.dct + timedelta(days=int(entry["shift"])))
    if part:
        return "TIME", f"{value}T{part}", None
    return "DATE", value, None


def _weekday(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    weekday = lex.weekdays[groups["wd"] or ""]
    part = lex.parts_of_day.get(_word(groups, "pod") or "")
    day = _weekday_date(weekday, ctx, _direction(groups, lex))
    value = day_value(day) if day else f"XXXX-WXX-{weekday}"
    if part:
        return "TIME", f"{value}T{part}", None
    return "DATE", value, None


def _weekday_date(weekday: int, ctx: Context, direction: int | None) -> date | None:
    """The day a weekday name points to: past-or-today in news unless told otherwise."""
    if ctx.dct is None:
        return None
    today = ctx.dct.isoweekday()
    back = (today - weekday) % 7
    ahead = (weekday - today) % 7
    if direction == -1:
        return ctx.dct - timedelta(days=back or 7)
    if direction == 1:
        return ctx.dct + timedelta(days=ahead or 7)
    if direction == 0:
        return ctx.dct + timedelta(days=weekday - today)
    if ctx.tense in ("future", "present"):
        return ctx.dct + timedelta(days=ahead)
    if ctx.tense == "prospective" and ahead < back:
        return ctx.dct + timedelta(days=ahead)
    return ctx.dct - timedelta(days=back)


def _weekend(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE", None
    direction = _direction(groups, lex)
    if direction is None:
        direction = 1 if ctx.tense == "future" else 0 if ctx.tense == "present" else -1
        direction = 0 if ctx.dct.isoweekday() >= 6 else direction
    return "DATE", week_value(ctx.dct + timedelta(weeks=direction)) + "-WE", None


def _relative(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    """last week / this year / the end of the year / earlier this month.

    With "the", "past/next/coming" make a duration ("the past week" = P1W) and
    "following/previous" count from the last date mentioned.
    """
    unit = _word(groups, "runit") or ""
    mod = _point_mod(groups, lex)
    word = _word(groups, "dir")
    long_unit = unit in ("decade", "century")
    if groups.get("the") and word == "next" and ctx.tense == "past":
        # "talks followed the next week": the week after the last date told, not a span
        return _anaphoric({"adir": "next", "aunit": unit}, ctx, lex)
    if groups.get("the") and (word in ("past", "next", "coming") or (long_unit and word == "last")):
        return "DURATION", duration_value(1.0, unit, lex), None
    if groups.get("the") and word in ("following", "previous", "preceding"):
        return _anaphoric({"adir": word, "aunit": unit}, ctx, lex)
    direction = _direction(groups, lex)
    if direction is None:
        direction = _edge_direction(mod, unit, ctx)
    if ctx.dct is None:
        return "DATE", _unknown_unit_value(unit), mod
    return "DATE", _unit_value(ctx.dct, unit, direction), mod


def _edge_direction(mod: str | None, unit: str, ctx: Context) -> int:
    """Which year/month "the end of the year" means: a past end is last year's, etc."""
    if ctx.dct is None:
        return 0
    position = {"year": ctx.dct.month / 12, "month": ctx.dct.day / 31}.get(unit, 0.5)
    if ctx.tense == "past" and mod in ("END", "MID") and position < (1 if mod == "END" else 0.5):
        return -1
    if (
        ctx.tense == "future"
        and mod in ("START", "MID")
        and position > (0 if mod == "START" else 0.5)
    ):
        return 1
    return 0


def _unit_value(dct: date, unit: str, shift: int) -> str:
    if unit == "week":
        return week_value(dct + timedelta(weeks=shift))
    if unit == "month":
        return month_value(*shift_months(dct.year, dct.month, shift))
    if unit == "quarter":
        year, month = shift_months(dct.year, dct.month, 3 * shift)
        return f"{year}-Q{(month - 1) // 3 + 1}"
    if unit == "decade":
        return str(dct.year // 10 + shift)
    if unit == "century":
        return f"{dct.year // 100 + shift:02d}"
    return str(dct.year + shift)


def _unknown_unit_value(unit: str) -> str:
    return {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX")


def _ago(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    unit = _unit(groups, lex) or "day"
    count = _count(groups, lex)
    mod = None
    if count is None:
        count = lex.fuzzy_counts.get(_word(groups, "fuzzy") or "", 3)
        mod = "APPROX"
    elif groups.get("dmod"):
        mod = lex.duration_mods[_word(groups, "dmod") or ""]["mod"]
    sign = 1 if (_word(groups, "ago") or "").startswith(("from", "hence")) else -1
    if ctx.dct is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    return "DATE", _shifted_value(ctx.dct, unit, sign * count, lex), mod


def _shifted_value(dct: date, unit: str, amount: float, lex: Lexicon) -> str:
    """`dct` moved by `amount` units, written at the precision of the unit."""
    info = lex.units[unit]
    amount *= float(info.get("factor", 1))
    code = info["code"]
    if info.get("time"):
        return day_value(dct)
    if code == "D":
        return day_value(dct + timedelta(days=round(amount)))
    if code == "W":
        return week_value(dct + timedelta(weeks=round(amount)))
    if code == "M":
        return month_value(*shift_months(dct.year, dct.month, round(amount)))
    if code == "Q":
        year, month = shift_months(dct.year, dct.month, round(3 * amount))
        return f"{year}-Q{(month - 1) // 3 + 1}"
    year = dct.year + round(amount)
    return str(year // 10) if unit == "decade" else str(year)


def _reference(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    return "DATE", lex.references[_word(groups, "ref") or ""], None


def _anaphoric(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    """the next day / the following week / that year, from the last date mentioned."""
    unit = _word(groups, "aunit") or "day"
    shift = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(
        _word(groups, "adir") or "", 0
    )
    if unit == "year" and ctx.anchor_year is not None:
        return "DATE", str(ctx.anchor_year + shift), None
    anchor = ctx.anchor or ctx.dct
    if anchor is None:
        return "DATE", "XXXX-XX-XX" if unit == "day" else _unknown_unit_value(unit), None
    if unit == "day":
        return "DATE", day_value(anchor + timedelta(days=shift)), None
    return "DATE", _unit_value(anchor, unit, shift), None


def _holiday(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    rule = lex.holidays[" ".join((groups.get("holiday") or "").split())]
    if groups.get("year"):
        year: int | None = int(groups["year"] or 0)
    elif ctx.dct is None:
        year = None
    else:
        month, day = holiday_date(rule, ctx.dct.year).timetuple()[1:3]
        year = _pick_year(month, day, ctx, _direction(groups, lex))
    if year is None:
        fixed = rule if rule[0].isdigit() else "XX-XX"
        return "DATE", f"XXXX-{fixed}", None
    return "DATE", day_value(holiday_date(rule, year)), None


def holiday_date(rule: str, year: int) -> date:
    """The day of a holiday in `year`: month-day ("12-25"), easter, good_friday, thanksgiving."""
    if rule == "easter":
        return _easter(year)
    if rule == "good_friday":
        return _easter(year) - timedelta(days=2)
    if rule == "thanksgiving":
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    month, day = rule.split("-")
    return date(year, int(month), int(day))


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


# --- durations, times and sets --------------------------------------------------


def _duration(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    unit = _unit(groups, lex)
    if unit is None or unit not in lex.units:
        return None
    count = _count(groups, lex)
    plural = (_word(groups, "unit") or "").endswith("s")
    if count is None and groups.get("sdir") and not groups.get("fuzzy") and not plural:
        count = 1.0
    if count is not None and (groups.get("andhalf") or groups.get("andhalf2")):
        count += 0.5
    mod = None
    if groups.get("dmod"):
        mod = lex.duration_mods[_word(groups, "dmod") or ""]["mod"]
    return "DURATION", duration_value(count, unit, lex), mod


def duration_value(count: float | None, unit: str, lex: Lexicon | None = None) -> str:
    """TIMEX3 duration: (3, "year") -> P3Y, (None, "day") -> PXD, (0.5, "hour") -> PT30M."""
    lex = lex or lexicon()
    info = lex.units[unit]
    prefix = "PT" if info.get("time") else "P"
    if count is None:
        return f"{prefix}X{info.get('fuzzy_code', info['code'])}"
    amount = count * float(info.get("factor", 1))
    code = info["code"]
    if amount != int(amount):
        amount, code, prefix = _smaller_unit(amount, code, prefix)
    return f"{prefix}{_number(amount)}{code}"


_SMALLER = {("P", "Y"): (12, "M", "P"), ("P", "D"): (24, "H", "PT"), ("PT", "H"): (60, "M", "PT")}


def _smaller_unit(amount: float, code: str, prefix: str) -> tuple[float, str, str]:
    factor, smaller, new_prefix = _SMALLER.get((prefix, code), (1, code, prefix))
    return amount * factor, smaller, new_prefix


def _number(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def _clock_duration(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    hours, minutes, seconds = (int(groups[k] or 0) for k in ("h", "m", "s"))
    return "DURATION", f"PT{hours}H{minutes}M{seconds}S", None


def _clock(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    named = _word(groups, "named")
    if named:
        hour, minute = (0, 0) if named == "midnight" else (12, 0)
    else:
        hour, minute = int(groups["hour"] or 0), int(groups["minute"] or 0)
        ampm = (groups.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if not ampm and not groups.get("tz"):
            return None
    day = ctx.sentence_day or ctx.dct
    prefix = day_value(day) if day else "XXXX-XX-XX"
    return "TIME", f"{prefix}T{hour:02d}:{minute:02d}", None


def _set(groups: Groups, ctx: Context, lex: Lexicon) -> Resolved | None:
    if groups.get("freq_word"):
        return "SET", lex.frequencies[_word(groups, "freq_word") or ""], None
    weekday = groups.get("wd") or (groups.get("wd_plural") or "").removesuffix("s")
    if weekday:
        return "SET", f"XXXX-WXX-{lex.weekdays[weekday]}", None
    if groups.get("season"):
        return "SET", f"XXXX-{lex.seasons[_word(groups, 'season') or '']}", None
    unit = _unit(groups, lex)
    if unit is None or unit not in lex.units:
        return None
    word = _word(groups, "num")
    count = 2.0 if word == "other" else (_count(groups, lex) or 1.0)
    return "SET", duration_value(count, unit, lex), None


_Resolver = Callable[[Groups, Context, Lexicon], Resolved | None]

_RESOLVERS: dict[str, _Resolver] = {
    "calendar_day": _calendar_day,
    "calendar_month": _calendar_month,
    "season": _season,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "half": _half,
    "deictic_day": _deictic_day,
    "weekday": _weekday,
    "weekend": _weekend,
    "relative_unit": _relative,
    "ago": _ago,
    "reference": _reference,
    "anaphoric": _anaphoric,
    "holiday": _holiday,
    "duration": _duration,
    "clock_duration": _clock_duration,
    "clock": _clock,
    "set": _set,
}
