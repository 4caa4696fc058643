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

# Map classes, light to dark: one sequential scale per kind of metric (ColorBrewer, colour-blind safe
# and readable in grey), a diverging scale around 100 % for coverage, and grey for 'no data'.
CLASS_COLORS = {
    "need": ("#FEEDDE", "#FDBE85", "#FD8D3C", "#E6550D", "#A63603"),
    "money": ("#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C"),
    "count": ("#EDF8E9", "#BAE4B3", "#74C476", "#31A354", "#006D2C"),
    "coverage": ("#E66101", "#FDB863", "#B2ABD2", "#5E3C99"),
}
# A partner's places (Mitra page): spending inside its operating regions, spending outside them, and
# an operating region without spending — the money scale's dark blue, the coverage scale's orange
# and the money scale's light blue, so the three read apart in colour and in grey.
PLACE_COLORS = {"inside": "#3182BD", "outside": "#E66101", "idle": "#BDD7E7"}
# Traffic lights (Evaluasi, Mode Rapat, meeting packs): the symbol, drawn white on its colour (each
# fill keeps at least 4.5:1 contrast with white, WCAG AA; tests/test_meeting.py), and the named
# colour of st.metric's delta for the same light. Lights are never told by a colour word alone.
LIGHT_MARKS = {
    "green": ("✓", "#166534"),
    "amber": ("!", "#92400E"),
    "red": ("✕", "#B91C1C"),
    "none": ("–", "#4B5563"),
}
LIGHT_METRIC_COLORS = {"green": "green", "amber": "orange", "red": "red", "none": "gray"}
NO_DATA = "#D9D9D9"
MAP_LINE = "#FFFFFF"
SELECTED_LINE = "#1F2933"
