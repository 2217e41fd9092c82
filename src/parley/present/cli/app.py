"""The Typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="parley",
    help=(
        "Parley turns news coverage of a negotiation into a sourced dossier "
        "(actors, quotes, timeline) and forecasts its outcome.\n\n"
        "Start with `parley demo`, then `parley build PATH --case CASE.yaml`."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_show_locals=False,
)
