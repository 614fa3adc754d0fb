"""The typer app, shared options and the edge where errors become one line."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from corroborate.settings import load_settings
from corroborate.store import SQLiteStore, open_store

app = typer.Typer(
    name="corroborate",
    help="Turn documents about an armed conflict into attributed claims, aligned across sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="CORROBORATE_DB",
                 help="Database: a SQLite file (default ./corroborate.db) or a postgresql:// URL."),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="Output format.")]


def store_from(db: str | None) -> SQLiteStore:
    return open_store(db or load_settings().db)


def fail_usage(message: str) -> None:
    err.print(f"Error: {message}", markup=False)
    raise typer.Exit(2)
