"""The clickable region map: a plotly map figure drawn in a component that keeps its chart between
reruns, so a click to the next level redraws the same MapLibre map instead of mounting a new one.

Why not `st.plotly_chart`: Streamlit 1.67 gives a chart with selections an identity made of its
figure (`key_as_main_identity=False`), so every new level is a new element — a new MapLibre map, a
new WebGL context and its shaders compiled again — and a map click took 0,81 s (warm median of 20)
at 5.000.000 rows in the benchmark's run f (issue 16; Streamlit pull request 16052 would give keyed
charts a stable identity). A component with a key keeps its frame (`key_as_main_identity={"name",
"url"}`) as long as it stays in the same place of the page, and its page (`ui/map_frame/index.html`)
hands each new figure to `Plotly.react`.

The frame loads the plotly.js that ships with the installed plotly package (4,8 MB), copied with the
page into a private folder of the system's temporary directory for this process (removed when it
exits): nothing is fetched from outside. Each process therefore needs a writable temporary directory.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import plotly
import plotly.graph_objects as go
import streamlit.components.v1 as components

FRAME_PAGE = Path(__file__).resolve().parent / "map_frame" / "index.html"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def fill_frame_folder(folder: Path) -> Path:
    """Copy the frame's page and plotly.min.js into `folder` (which must exist) and return it.
    Raises OSError when it cannot be written."""
    shutil.copyfile(FRAME_PAGE, folder / "index.html")
    shutil.copyfile(PLOTLY_JS, folder / "plotly.min.js")
    return folder


# Private to this process (mode 0700): no other account can place files the app would serve.
_FOLDER = tempfile.TemporaryDirectory(prefix="sinergi-map-frame-")
_frame = components.declare_component("region_map", path=str(fill_frame_folder(Path(_FOLDER.name))))


def region_map(figure: go.Figure, config: dict[str, Any], *, key: str, on_click: Callable[[], None]) -> None:
    """Draw `figure` (a `domain.maps.choropleth`) with plotly's `config`; a click on a region or a
    program point stores {"selection": {"points": [{"location", "customdata"}]}, "clicked": ms} under
    `st.session_state[key]` (read it with `domain.maps.selected_region`) and calls `on_click`. The
    component must stay in the same place of the page at every level, or Streamlit mounts it anew."""
    _frame(
        figure=figure.to_json(), config=config, key=key, on_change=on_click, default=None, height=figure.layout.height
    )
