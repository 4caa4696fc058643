"""Reference data as the pages show it: the PPKS categories, the store's contents and the import
history, read through the scoped reader."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from domain.reader import Reader


@dataclass(frozen=True)
class Categories:
    """The 26 PPKS categories of Permensos 8/2012: `table` has id, name (as in the regulation),
    abbreviation, abbreviation_official."""

    table: pd.DataFrame

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(int(i) for i in self.table["id"])


def categories(reader: Reader) -> Categories:
    """The PPKS categories in number order."""
    return Categories(
        table=reader.query("SELECT id, name, abbreviation, abbreviation_official FROM ppks_category_list ORDER BY id")
    )
