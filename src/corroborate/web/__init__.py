"""The web page: a static single page (ES modules, CSS, vendored Leaflet) the API serves at "/".

No build step: the files under ``static/`` are served as they are (index.html at "/", the rest under
"/static"). The page reads only the JSON API of the same origin (see docs/web.md)."""

from pathlib import Path

STATIC_DIR: Path = Path(__file__).parent / "static"
"""The folder the API mounts at "/static"; ``STATIC_DIR / "index.html"`` is the page at "/"."""

INDEX_HTML: Path = STATIC_DIR / "index.html"
