"""Problems found in an uploaded file, said in the interface language with where and how to fix.

A problem names the file, sheet, row as the user sees it in Excel (header = its own row number),
column and value. Errors block the whole file; warnings are listed and the file still imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from common.formatting import number
from common.i18n import DEFAULT_LANGUAGE, t

ERROR = "error"
WARNING = "warning"
# Values that are counts, written with thousands separators ('2.158.000'); years and row numbers are not.
COUNT_VALUES = frozenset(
    {"more", "cells", "limit", "total", "parts_sum", "millions", "thousands", "factor", "length", "count"}
)


class ValueProblem(ValueError):
    """Raised by a value parser: an i18n key and the values its message needs, or, for messages
    made elsewhere (the region resolver), the finished text in every language."""

    def __init__(self, key: str, translated: dict[str, str] | None = None, **values: object) -> None:
        self.key = key
        self.values = values
        self.translated = translated
        super().__init__(translated[DEFAULT_LANGUAGE] if translated else t(key, DEFAULT_LANGUAGE, **values))


@dataclass(frozen=True)
class Problem:
    severity: str
    key: str
    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None  # as shown to users; NIK values are masked before they get here
    values: dict = field(default_factory=dict)
    translated: dict[str, str] | None = None

    def detail(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """What is wrong and how to fix it, without the place."""
        if self.translated:
            return self.translated.get(lang) or self.translated[DEFAULT_LANGUAGE]
        shown = {
            name: number(value, lang) if name in COUNT_VALUES and isinstance(value, int) else value
            for name, value in self.values.items()
        }
        text = t(self.key, lang, **shown)
        if self.values.get("also_count"):  # the same cause in further rows, said once
            text += " " + t("imp_also_rows", lang, count=self.values["also_count"], rows=self.values["also_rows"])
        return text

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """'Baris 14, kolom wilayah: 'Kutai Kartanegra' tidak dikenal. Maksud Anda …?'"""
        place = []
        if self.row is not None:
            place.append(t("imp_place_row", lang, row=self.row))
        if self.column:
            place.append(t("imp_place_column", lang, column=self.column))
        prefix = ", ".join(place)
        if prefix:
            prefix = prefix[0].upper() + prefix[1:] + ": "
        return prefix + self.detail(lang)

    def full_message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """With the file and sheet, for the command line and logs."""
        where = self.file + (f" [{self.sheet}]" if self.sheet else "")
        return f"{where}: {self.message(lang)}"


class FileProblem(Exception):
    """A problem with the file as a whole (empty, wrong type, too large): nothing can be read."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.full_message())
