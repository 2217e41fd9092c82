"""The Typer application every command module registers on."""

from __future__ import annotations

from typing import Any

import typer


def _show_flags_as_flags() -> None:
    """Make help list a flag (`--undated`) with no value type.

    Typer 0.29 labels flags `<bool>` in help, as if they took a value, yet
    `--undated true` is an error: a flag takes none. Older versions show no type.
    """
    from typer.core import TyperOption

    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None or getattr(shown, "flags_hidden", False):
        return

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    display_type_rich.flags_hidden = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_show_flags_as_flags()

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
