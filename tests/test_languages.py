"""Both languages, whole (issue 10): every registered page on the sample data, in Bahasa Indonesia and
in English, shows no word of the other language except proper names (regions, programs, agencies,
companies, files, the funding sources' own names), and never `None`, `NaN` or `NaT`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from data_loaders.demo import build_demo
from data_loaders.regions import kabkota_facts
from data_loaders.store import open_store
from tests.conftest import app_test, chart_specs, tab_queries
from ui.pages import PAGES

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")

# Words that only one of the two languages uses (whole words, case-sensitive).
INDONESIAN = [
    "dan",
    "yang",
    "tidak",
    "dari",
    "untuk",
    "dengan",
    "atau",
    "belum",
    "Belum",
    "Sumber",
    "sumber",
    "Pagu",
    "Realisasi",
    "realisasi",
    "Penerima",
    "penerima",
    "jiwa",
    "Kategori",
    "Semua",
    "Tahun",
    "Tahunan",
    "Lainnya",
    "Lintas",
    "usulan",
    "berjalan",
    "selesai",
    "komitmen",
    "Wilayah",
    "wilayah",
    "Jumlah",
    "orang",
    "Tunai",
    "Sembako",
    "Persentase",
    "hijau",
    "kuning",
    "merah",
    "tercapai",
    "Cakupan",
    "Celah",
    "Rekomendasi",
    "Anggaran",
    "Bulan",
]
ENGLISH = [
    "the",
    "and",
    "of",
    "with",
    "not",
    "People",
    "people",
    "Planned",
    "Spent",
    "Source",
    "Other",
    "households",
    "persons",
    "Coverage",
    "Overview",
    "reached",
    "missing",
    "Amount",
    "Year",
    "Funding",
]
MISSING = ("None", "NaN", "NaT", "nan")


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory) -> Iterator[str]:
    url = f"duckdb:///{tmp_path_factory.mktemp('languages') / 'sample.duckdb'}"
    store = open_store(url)
    build_demo(store, beneficiaries=20_000)
    store.close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        yield url


@pytest.fixture(scope="module")
def proper_names(sample_url) -> list[str]:
    """Names that stay as they are in both languages, longest first (so a longer name is removed
    before a shorter one inside it)."""
    store = open_store(sample_url)
    names: set[str] = {"APBN", "APBD Provinsi", "APBD Kabupaten/Kota", "Dana Desa", "CSR/TJSL", "PPM", "PPKS"}
    for sql in (
        "SELECT DISTINCT name FROM programs",
        "SELECT DISTINCT implementer FROM programs",
        "SELECT DISTINCT program_code FROM programs",
        "SELECT DISTINCT name FROM partners",
        "SELECT DISTINCT name FROM regions",
        "SELECT DISTINCT file_name FROM imports",
        "SELECT DISTINCT coalesce(data_source, '') FROM ppks_counts",
        "SELECT DISTINCT coalesce(data_source, '') FROM indicators",
        "SELECT DISTINCT coalesce(source, '') FROM indicator_definitions",
    ):
        names.update(str(value) for value in store.query(sql).iloc[:, 0] if value)
    store.close()
    # Citations are shown as the source wrote them (the reference page's sources per kab/kota).
    names.update(fact.sources for fact in kabkota_facts())
    return sorted(names, key=len, reverse=True)


def _frame_texts(proto) -> list[str]:
    """What a dataframe element shows: its display values where a Styler formats it, else its data."""
    styler = proto.arrow_data.styler
    styled = bool(styler.display_values)
    frame = pa.ipc.open_stream(styler.display_values if styled else proto.arrow_data.data).read_all().to_pandas()
    texts = [str(column) for column in frame.columns]
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            # A missing cell of a plain table is drawn as the table's placeholder (checked to be "–");
            # a styled table's display values are the text itself.
            texts += ["None" if v is None else str(v) for v in values if styled or not pd.isna(v)]
    return texts


def _chart_texts(spec: dict) -> list[str]:
    texts: list[str] = []

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in ("geojson", "customdata", "colorscale", "color", "font", "line", "marker"):
                    walk(v, k)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str) and key in ("text", "name", "hovertext", "label", "ticktext", "title"):
            texts.append(re.sub(r"<[^>]+>", " ", node))

    walk(spec)
    return texts


def page_texts(at: AppTest) -> list[str]:
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "text", "info", "warning", "error", "success"):
        texts += [element.value for element in getattr(at, kind)]
    for metric in at.metric:
        texts += [metric.label, metric.value, metric.proto.delta, metric.proto.help]
    for kind in ("selectbox", "multiselect", "radio", "number_input", "text_input", "toggle", "checkbox", "button"):
        for widget in getattr(at, kind):
            texts.append(widget.label)
            texts += [str(option) for option in getattr(widget, "options", [])]
    for element in at.get("button_group"):
        texts += [str(option.content) for option in element.proto.options]
    for tab in at.tabs:
        texts.append(tab.label)
    for expander in at.expander:
        texts.append(expander.label)
    for frame in at.dataframe:
        texts += _frame_texts(frame.proto)
    for table in at.table:
        texts += _frame_texts(table.proto)
    for spec in chart_specs(at):
        texts += _chart_texts(spec)
    return [text for text in texts if text]


def foreign_words(texts: list[str], words: tuple[str, ...] | list[str], names: list[str]) -> set[str]:
    found: set[str] = set()
    for text in texts:
        for name in names:
            text = text.replace(name, " ")
        found.update(word for word in words if re.search(rf"(?<![\w/]){re.escape(word)}(?![\w/])", text))
    return found


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.stem)
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("region", [None, "Bontang"], ids=["province", "bontang"])
def test_page_speaks_one_language(sample_url, proper_names, spec, lang, region):
    # Every tab of a page whose tabs run only when open, province-wide; its first tab for a kab/kota.
    for tab in tab_queries(spec.script, lang)[: None if region is None else 1]:
        at = app_test("admin", timeout=180)  # the admin opens every page
        at.query_params["lang"] = lang
        for key, value in tab.items():
            at.query_params[key] = value
        if region:  # a kab/kota selected: pages switch to kecamatan and show region-wide rows
            at.query_params["wilayah"] = region
        at.run()
        if not spec.default:
            at.switch_page(spec.script).run()
        assert not at.exception, [e.value for e in at.exception]
        # Streamlit draws a missing cell as "None" unless the table says otherwise.
        assert all(frame.proto.placeholder == "–" for frame in at.dataframe)
        texts = page_texts(at)
        assert len(texts) > 10, tab
        other = ENGLISH if lang == "id" else INDONESIAN
        assert foreign_words(texts, other, proper_names) == set(), tab
        assert foreign_words(texts, MISSING, proper_names) == set(), tab
