"""pytest configuration shared by the whole repository."""

# Entry-point modules run their command when imported; keep them out of doctest collection.
# Fixture notebooks are inputs of tests (some fail on purpose), not notebooks for nbval.
collect_ignore_glob = ["*/__main__.py", "tests/fixtures/*"]
