"""pytest configuration shared by the whole repository."""

# Entry-point modules run their command when imported; keep them out of doctest collection.
collect_ignore_glob = ["*/__main__.py"]
