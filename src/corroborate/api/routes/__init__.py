"""The API's routes, one module per resource: catalog (what is stored), claims (claims, facts,
disputes), maps (places, basemap, control, timeline), ingest."""
