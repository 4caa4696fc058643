"""Text that is safe to store, show and export: without characters that do not print."""

from __future__ import annotations

import re

# C0/C1 controls (NUL, ESC …), zero-width characters and bidirectional overrides (which can make
# 'exe.pdf' read as 'fdp.exe'); tabs, line breaks, vertical tabs and form feeds become one space.
# Excel refuses the C0 controls in a cell (openpyxl raises IllegalCharacterError for them).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
LINE_BREAKS = re.compile("[\t\n\r\x0b\x0c]+")


def without_control_characters(value: str) -> str:
    """`value` without characters that do not print; tabs and line breaks as one space."""
    return LINE_BREAKS.sub(" ", CONTROL_CHARACTERS.sub("", value))
