"""The typer app, shared options and the edge where errors become one line."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from corroborate.errors import CorroborateError, E

if TYPE_CHECKING:
    from corroborate.store import SQLiteStore

# The stages (store, settings, gazetteers, readers) are imported where a command uses them, so
# that `corroborate --help` and small commands do not pay for imports they do not need.

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
                 help="Database: a SQLite file (default ./corroborate.db) or a postgresql:// "
                      "URL (docs/postgresql.md)."),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="Output format.")]
ConflictOption = Annotated[
    str | None,
    typer.Option("--conflict", help="Only this conflict (its name or another name of it; "
                                    "'unknown' for documents of none): see `corroborate conflicts`."),
]


def store_from(db: str | None, *, create: bool = False, readonly: bool = True) -> SQLiteStore:
    """The store of --db (else the settings' default). Reading never creates a database (a
    missing one is E305) and opens it read-only; ``ingest`` creates, ``extract`` writes."""
    from corroborate.settings import load_settings
    from corroborate.store import open_store

    return open_store(db or load_settings().db, create, readonly=readonly)


def conflict_filter(store: SQLiteStore, value: str | None) -> str | None:
    """The stored conflict --conflict names (by its name, another name of it, or any case), or
    UNKNOWN; one E402 line when no stored document is about it."""
    from corroborate.documents.conflicts import UNKNOWN, canonical_conflict

    if value is None:
        return None
    if value.strip().lower() == UNKNOWN:
        return UNKNOWN
    stored = store.conflict_names()
    wanted = canonical_conflict(value)
    for name in stored:
        if name.casefold() in (wanted.casefold(), value.strip().casefold()):
            return str(name)
    listed = "; stored: " + ", ".join(repr(n) for n in stored[:5]) if stored else ""
    raise CorroborateError(E.E402, "--conflict", reason=f"no stored document is about {value!r}"
                           f"{listed}; `corroborate conflicts` lists them")


def emit_records(records: Iterable[dict[str, Any]], fmt: str, output: Path | None,
                 what: str) -> None:
    """Write export records to ``output`` (saying how many) or to standard output."""
    from corroborate.export import FORMATS, write_records

    if fmt not in FORMATS:
        fail_usage(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if output:
        with output.open("w", encoding="utf-8", newline="") as stream:
            n = write_records(records, fmt, stream)
        err.print(f"{n} {what} written to {output}", markup=False)
    else:
        write_records(records, fmt, sys.stdout)


# Document text reaches the terminal: no markup ("[/x]" crashed rich) and no control characters
# (an escape sequence in a title could restyle or rewrite the terminal).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(value: object, style: str = "") -> Text:
    """A document-derived value for a rich table or line, shown as it is, never as markup."""
    return Text(_CONTROL.sub("\ufffd", "" if value is None else str(value)), style=style)


def escaped(value: object) -> str:
    """A document-derived value inside a string rich reads as markup (titles, progress)."""
    return escape(_CONTROL.sub("\ufffd", str(value)))


def printed_as_json(data: object, fmt: str) -> bool:
    """For commands that show a table or JSON: print ``data`` as JSON and say so when ``fmt`` is
    json; refuse any format but table (a usage error); else leave the table to the caller."""
    if fmt == "json":
        out.print(json.dumps(data, ensure_ascii=False, indent=2), markup=False)
        return True
    if fmt != "table":
        fail_usage(f"--format must be table or json, not {fmt!r}")
    return False


class Interrupted(BaseException):
    """Ctrl-C, raised by the CLI's own SIGINT handler: click turns a KeyboardInterrupt into
    "Aborted!" and exit status 1, and this passes it by to the one-line edge (exit 130)."""


def fail_usage(message: str) -> None:
    err.print(f"Error: {message}", markup=False)
    raise typer.Exit(2)
