"""corroborate conflicts: which conflict each stored document is about, given or inferred."""

from __future__ import annotations

from rich.table import Table

from corroborate.cli._app import DbOption, FormatOption, app, out, plain, printed_as_json, store_from


@app.command("conflicts")
def conflicts_cli(db: DbOption = None, fmt: FormatOption = "table") -> None:
    """List each conflict with its documents and sources, marking conflicts inferred from a
    document's text. Correct one with `conflict = "..."` in sources.toml or `ingest --conflict`."""
    from corroborate.documents.conflicts import UNKNOWN

    with store_from(db) as store:
        conflicts = store.conflicts()
    if printed_as_json(conflicts, fmt):
        return
    table = Table(title=f"{len(conflicts)} conflicts", title_justify="left")
    for column in ("conflict", "source", "document", "conflict is"):
        table.add_column(column)
    for entry in conflicts:
        documents, sources = len(entry["documents"]), len(entry["sources"])
        heading = (f"{entry['conflict'] or UNKNOWN}\n{documents} document{'s' * (documents != 1)}, "
                   f"{sources} source{'s' * (sources != 1)}")
        for number, doc in enumerate(entry["documents"]):
            table.add_row(plain(heading if number == 0 else ""), plain(doc["source"]),
                          plain(doc["location"]),
                          plain("inferred", style="yellow") if doc["inferred"] else "given",
                          end_section=number == documents - 1)
    out.print(table)
