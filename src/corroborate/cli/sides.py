"""corroborate sides: the sides a corpus's claims use, with each source's words for them."""

from __future__ import annotations

from rich.table import Table

from corroborate.cli._app import (
    ConflictOption,
    DbOption,
    FormatOption,
    app,
    out,
    plain,
    printed_as_json,
    store_from,
)
from corroborate.export.sides import sides_used


@app.command("sides")
def sides_cli(db: DbOption = None, conflict: ConflictOption = None,
              fmt: FormatOption = "table") -> None:
    """List the sides and actors stored claims name (canonical), with the variants each source
    wrote ("Argentine", "Argentines") and how many claims use them."""
    with store_from(db) as store:
        sides = sides_used(store.claims(conflict=conflict))
    if printed_as_json(sides, fmt):
        return
    table = Table(title=f"{len(sides)} sides", title_justify="left")
    for column in ("side", "claims", "source", "as written"):
        table.add_column(column)
    for entry in sides:
        sources = list(entry["sources"].items())
        for number, (source, words) in enumerate(sources):
            table.add_row(plain(entry["side"] if number == 0 else ""),
                          str(entry["claims"]) if number == 0 else "", plain(source),
                          plain(", ".join(f"{w} ({n})" for w, n in words.items())),
                          end_section=number == len(sources) - 1)
    out.print(table)
