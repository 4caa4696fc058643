"""The one place for colours. Each funding source keeps its Okabe–Ito colour on every chart,
legend, map and report (colour-blind safe; see docs/design.md)."""

from __future__ import annotations

FUNDING_SOURCES: tuple[tuple[str, str, str], ...] = (
    # (code, name, colour)
    ("APBN", "APBN", "#0072B2"),
    ("APBD_PROV", "APBD Provinsi", "#009E73"),
    ("APBD_KABKOTA", "APBD Kabupaten/Kota", "#56B4E9"),
    ("DANA_DESA", "Dana Desa", "#E69F00"),
    ("CSR", "CSR/TJSL", "#D55E00"),
    ("PPM", "PPM", "#CC79A7"),
    ("LAINNYA", "Lainnya", "#999999"),
)
SOURCE_COLORS = {code: colour for code, _, colour in FUNDING_SOURCES}
SOURCE_NAMES = {code: name for code, name, _ in FUNDING_SOURCES}

TEXT = "#1F2933"
MUTED_TEXT = "#52606D"
GRID = "#E4E7EB"
ACCENT = "#0072B2"
