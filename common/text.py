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


# Markdown that starts anywhere in a line (CommonMark, GitHub's extensions, Streamlit's directives and
# formulas): code, emphasis, strikethrough, links and images ('[' — which also ends ':red[…]'),
# raw HTML and autolinks, entities, table cells, '$…$'. A backslash makes each one literal
# (CommonMark 2.4); '_' only where it can open or close emphasis, not inside a word ('file_2025').
INLINE_MARKS = re.compile(r"([\\`*~\[\]<>&$|]|(?<![^\W_])_|_(?![^\W_]))")
# Block Markdown exists only at the start of a line, and line breaks become spaces: a heading, quote,
# list or rule at the start of the text.
BLOCK_START = re.compile(r"^\s*(?:\d+(?=[.)])|(?=[#>+\-=]))")
# GitHub turns 'http://…', 'www.…' and 'name@host.tld' into links, and Streamlit ':material/…:' and
# ':smile:' into icons, in text after escapes are resolved: an invisible WORD JOINER after a ':' or
# '@' that touches the next character, and after 'www' before a dot, breaks those patterns.
LINK_MARKS = re.compile(r"(?<=[:@])(?=\S)|(?<=(?i:www))(?=\.)")
WORD_JOINER = "\u2060"


def inert_markdown(value: object) -> str:
    """`value` as text that Streamlit's Markdown (st.markdown, st.caption, st.title, st.info, widget
    labels, st.table cells …) shows exactly as written, e.g. a whole message built from data such as
    'Sumber: impor ![i](http://x/p.png)'. Markdown characters are backslash-escaped (see
    `INLINE_MARKS`, `BLOCK_START`), a WORD JOINER stops web addresses, e-mail addresses and icon names
    from becoming links or icons (`LINK_MARKS`), control characters are removed and line breaks made
    one space. Plain words, numbers, '.', ',', '/', '(' and ')' are left as they are."""
    text = INLINE_MARKS.sub(r"\\\1", without_control_characters(str(value)))
    text = BLOCK_START.sub(lambda start: start.group(0) + "\\", text, count=1)
    return LINK_MARKS.sub(WORD_JOINER, text)


def plain_label(value: object) -> str:
    """`value` as text that plotly draws literally in labels, ticks, legends and hover boxes:
    '&', '<' and '>' as HTML entities (plotly reads `<a>`, `<b>`, `<br>` … in text as markup and
    shows entities as the character). Control characters removed, line breaks one space."""
    text = without_control_characters(str(value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
