"""The clickable region map: a plotly map figure drawn in a component that keeps its chart between
reruns, so a click to the next level redraws the same MapLibre map instead of mounting a new one.

Why not `st.plotly_chart`: Streamlit 1.67 gives a chart with selections an identity made of its
figure (`key_as_main_identity=False`), so every new level is a new element — a new MapLibre map, a
new WebGL context and its shaders compiled again — and a map click took 0,81–0,85 s warm at
5.000.000 rows in the benchmark (issue 16; Streamlit pull request 16052 would give keyed charts a
stable identity). A component with a key keeps its frame (`key_as_main_identity={"name", "url"}`),
and its page (`ui/map_frame/index.html`) hands each new figure to `Plotly.react`.

The frame loads the plotly.js that ships with the installed plotly package, copied once beside the
page into a folder of the system's temporary directory: nothing is fetched from outside.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import plotly
import plotly.graph_objects as go
import streamlit.components.v1 as components

FRAME_PAGE = Path(__file__).resolve().parent / "map_frame" / "index.html"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def _copy(source: Path, target: Path) -> None:
    """`source` to `target` unless `target` already has its bytes; written whole or not at all, so two
    servers starting together never serve half a file."""
    if target.exists() and target.read_bytes() == source.read_bytes():
        return
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    shutil.copyfile(source, partial)
    os.replace(partial, target)


def frame_folder() -> Path:
    """The folder the component serves: the frame's page and plotly.min.js (about 4,7 MB), under
    `tempfile.gettempdir()`, one per plotly version. Raises OSError when it cannot be written."""
    folder = Path(tempfile.gettempdir()) / f"sinergi-map-frame-{version('plotly')}"
    folder.mkdir(exist_ok=True)
    _copy(PLOTLY_JS, folder / "plotly.min.js")
    _copy(FRAME_PAGE, folder / "index.html")
    return folder


_frame = components.declare_component("region_map", path=str(frame_folder()))


def region_map(figure: go.Figure, config: dict[str, Any], *, key: str, on_click: Callable[[], None]) -> None:
    """Draw `figure` (a `domain.maps.choropleth`) with plotly's `config`; a click on a region or a
    program point stores {"selection": {"points": [{"location", "customdata"}]}, "clicked": ms} under
    `st.session_state[key]` (read it with `domain.maps.selected_region`) and calls `on_click`."""
    _frame(
        figure=figure.to_json(),
        config=json.dumps(config),
        key=key,
        on_change=on_click,
        default=None,
        height=figure.layout.height,
    )
