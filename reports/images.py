"""The one place that turns plotly figures into images for the packs: PNG through kaleido, which
drives a local Chromium (Debian's `/usr/bin/chromium` unless the `BROWSER_PATH` setting names
another). Rendering is offline: plotly.js comes from the installed plotly package and MathJax (which
kaleido would fetch from a CDN) is switched off; the map's `white-bg` style needs no tiles. One
browser renders every figure of a pack, two tabs at a time."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import kaleido
import plotly.graph_objects as go

DEFAULT_BROWSER = "/usr/bin/chromium"
PIXELS_PER_INCH = 144  # 1920 px across a 13.333-inch slide: the figure's type reads as on the projector
SCALE = 1.5  # extra pixels for print and large screens
TABS = 2
TIMEOUT_SECONDS = 60


class ImageError(RuntimeError):
    """The browser is missing or a figure could not be rendered (the message says which and the fix)."""


def browser_path() -> str:
    """The Chromium kaleido drives: the `BROWSER_PATH` setting (environment), else `/usr/bin/chromium`."""
    return os.environ.get("BROWSER_PATH", "").strip() or DEFAULT_BROWSER


def render(figures: Sequence[tuple[go.Figure, float, float]]) -> list[bytes]:
    """PNG bytes of each (figure, width, height) — sizes in inches on the slide, drawn at
    `PIXELS_PER_INCH` × `SCALE`. Runs its own event loop in a worker thread, so it can be called from
    any thread (a Streamlit script's too). Raises ImageError when the browser is missing or a figure
    fails to render."""
    if not figures:
        return []
    path = browser_path()
    if not Path(path).is_file():
        raise ImageError(
            f"Chromium tidak ditemukan di {path}; pasang paket 'chromium' atau atur BROWSER_PATH. / "
            f"Chromium not found at {path}; install the 'chromium' package or set BROWSER_PATH."
        )
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, _render(figures, path)).result()


async def _render(figures: Sequence[tuple[go.Figure, float, float]], path: str) -> list[bytes]:
    options = [
        {"format": "png", "width": round(w * PIXELS_PER_INCH), "height": round(h * PIXELS_PER_INCH), "scale": SCALE}
        for _, w, h in figures
    ]
    async with kaleido.Kaleido(path=path, n=min(TABS, len(figures)), timeout=TIMEOUT_SECONDS, mathjax=False) as browser:
        results = await asyncio.gather(
            *(browser.calc_fig(figure, opts=opts) for (figure, _, _), opts in zip(figures, options, strict=True)),
            return_exceptions=True,
        )
    for index, result in enumerate(results):
        if isinstance(result, BaseException):
            raise ImageError(f"Grafik {index + 1} gagal digambar / chart {index + 1} failed to render: {result}")
    return list(results)
