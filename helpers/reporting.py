"""Figures a notebook measures, shown to the reader and collected into the course report.

A notebook calls :func:`publish` with a title and a table (or a single value). The reader
sees the table as usual; the same output also carries a machine-readable copy, under the
MIME type :data:`REPORT_MIME`, which ``make course`` collects from the executed notebook
into ``build/report.md`` ("Measured in the notebooks"). No files are written: the figure
travels inside the notebook's own output.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"variant": ["float64", "int8"], "bytes": [205_000, 56_000]})
>>> print(markdown_table(table))
| variant | bytes |
|---|---|
| float64 | 205000 |
| int8 | 56000 |
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["REPORT_MIME", "markdown_table", "publish"]

#: MIME type of the machine-readable copy of a published figure.
REPORT_MIME = "application/x-course-report+json"


def _cell(value: Any, digits: int) -> str:
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return ""
        return f"{value:.{digits}g}" if abs(value) < 10**digits else f"{value:,.0f}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown_table(table: pd.DataFrame | pd.Series | Mapping[str, Any], *,
                   digits: int = 4) -> str:
    """Render a small table as GitHub-flavoured Markdown.

    Parameters
    ----------
    table : DataFrame, Series or mapping
        A Series or mapping becomes two columns (name, value). The index of a DataFrame
        is kept when it is not a plain 0..n-1 range.
    digits : int, default 4
        Significant digits of floats.

    Returns
    -------
    str
        The table, one row per line.
    """
    if isinstance(table, Mapping):
        table = pd.Series(dict(table))
    if isinstance(table, pd.Series):
        table = table.rename(table.name or "value").rename_axis(table.index.name or "name")
        table = table.reset_index()
    elif not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be a DataFrame, Series or mapping, got {type(table).__name__}")
    elif not isinstance(table.index, pd.RangeIndex) or table.index.start != 0:
        table = table.reset_index()
    header = "| " + " | ".join(_cell(c, digits) for c in table.columns) + " |"
    lines = [header, "|" + "---|" * table.shape[1]]
    for row in table.itertuples(index=False):
        lines.append("| " + " | ".join(_cell(v, digits) for v in row) + " |")
    return "\n".join(lines)


def publish(title: str, table: pd.DataFrame | pd.Series | Mapping[str, Any], *,
            note: str = "") -> None:
    """Show a measured table and mark it for the course report.

    Parameters
    ----------
    title : str
        What the table measures, e.g. ``"Compression: size, latency and accuracy"``.
    table : DataFrame, Series or mapping
        The figures.
    note : str, optional
        One line of context (machine, sizes), shown under the table in the report.
    """
    if not isinstance(title, str) or not title.strip():
        raise ValueError("title must be a non-empty string")
    markdown = markdown_table(table)
    text = f"{title}\n{markdown}" + (f"\n{note}" if note else "")
    try:
        from IPython import get_ipython
        from IPython.display import publish_display_data
    except ImportError:  # pragma: no cover - IPython ships with the course
        get_ipython = None
    if get_ipython is None or get_ipython() is None:  # plain Python: print it
        print(text)
        return
    publish_display_data({
        "text/plain": text,
        "text/markdown": f"**{title}**\n\n{markdown}" + (f"\n\n*{note}*" if note else ""),
        REPORT_MIME: {"title": title, "markdown": markdown, "note": note},
    })
