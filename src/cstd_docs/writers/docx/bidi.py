"""Right to left: Arabic (and Hebrew) runs marked ``w:rtl``, after the whole story is laid out."""

from __future__ import annotations

import re

from docx.oxml.ns import qn

from cstd_docs.writers.docx.oxml.build import RPR_ORDER, Element, make, put_in_order

#: Arabic letters and presentation forms: runs holding them are laid out right to left.
_RIGHT_TO_LEFT_TEXT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def mark_right_to_left_runs(root: Element) -> None:
    """``w:rtl`` on each run whose text is Arabic (Hebrew too); Latin-only runs (a symbol, a URL) stay as they are."""
    for r in root.iter(qn("w:r")):
        words = "".join(t.text or "" for t in r.iter(qn("w:t")))
        if not _RIGHT_TO_LEFT_TEXT.search(words):
            continue
        properties = r.find(qn("w:rPr"))
        if properties is None:
            properties = make("w:rPr")
            r.insert(0, properties)
        if properties.find(qn("w:rtl")) is None:
            put_in_order(properties, make("w:rtl"), RPR_ORDER)
