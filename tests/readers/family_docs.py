"""Word documents made in each style family with python-docx: not ours, no source report embedded.

``build`` writes one report's worth of structure — masthead table, the block under it, a title,
chapters, a section, a subsection, paragraphs with their items, an annex — in the styles a family
gives each role, so that a test can read it back and compare with what was written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from tests.ooxml import W, w

#: A style as a document defines it: its id, its name, and extra pPr XML (an outline level, a numbering).
Style = tuple[str, str, str]

#: Each family's styles, by the role they play in the document below.
FAMILIES: dict[str, dict[str, Style]] = {
    "unog-ids": {"title": ("HMG", "HMG", ""), "chapter": ("HChG", "HChG", ""), "section": ("H1G", "H1G", ""),
                 "subsection": ("H23G", "H23G", ""), "body": ("SingleTxtG", "SingleTxtG", "")},
    "unog-names": {"title": ("Style1", "_ H __M_G", ""), "chapter": ("Style2", "_ H _Ch_G", ""),
                   "section": ("Style3", "_ H_1_G", ""), "subsection": ("Style4", "_ H_2/3_G", ""),
                   "body": ("Style5", "_ Single Txt_G", "")},
    "new-york": {"title": ("HM", "_ H __M", ""), "chapter": ("HCh", "_ H _Ch", ""), "section": ("H1", "_ H_1", ""),
                 "subsection": ("H23", "_ H_2/3", ""), "body": ("SingleTxt", "_ Single Txt", "")},
    "word-german": {"title": ("Titel", "Title", ""), "chapter": ("berschrift1", "heading 1", ""),
                    "section": ("berschrift2", "heading 2", ""), "subsection": ("berschrift3", "heading 3", ""),
                    "body": ("Standard", "Normal", "")},
    "word-outline": {"title": ("Title", "Title", ""),
                     "chapter": ("MyHead1", "My head one", '<w:outlineLvl w:val="0"/>'),
                     "section": ("MyHead2", "My head two", '<w:outlineLvl w:val="1"/>'),
                     "subsection": ("MyHead3", "My head three", '<w:outlineLvl w:val="2"/>'),
                     "body": ("Standard", "Normal", "")},
    "unfccc": {"title": ("HChG", "_ H _Ch_G", ""), "chapter": ("RegHChG", "Reg_H__Ch_G", ""),
               "section": ("RegH1G", "Reg_H_1_G", ""), "subsection": ("RegH23G", "Reg_H_2/3_G", ""),
               "body": ("RegSingleTxtG", "Reg_Single Txt_G", ""), "annex": ("AnnoHChG", "Anno _ H_CH_G", "")},
}

#: The body as (role, text): headings typed TAB number TAB title, paragraphs number TAB text.
BODY: list[tuple[str, str]] = [
    ("chapter", "\tI.\tIntroduction"),
    ("body", "1.\tThe Commission met in Geneva."),
    ("body", "2.\tThe themes were:"),
    ("body", "(a)\tfirst theme;"),
    ("body", "(b)\tsecond theme."),
    ("section", "\tA.\tBackground"),
    ("body", "3.\tThe secretariat reported."),
    ("subsection", "\t1.\tEarlier work"),
    ("body", "4.\tEarlier work was recalled."),
    ("chapter", "\tII.\tConclusions"),
    ("body", "5.\tThe Commission may wish to consider the report."),
    ("annex", "Annex"),
    ("annex", "\t\tList of participants"),
    ("body", "1.\tThe following attended."),
]


def _style(d: Any, ident: str, name: str, ppr: str) -> Any:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    existing = next((s for s in d.styles if s.type == WD_STYLE_TYPE.PARAGRAPH and s.name.lower() == name.lower()),
                    None)
    style = existing or d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(w("styleId"), ident)
    if ppr:
        style.element.append(parse_xml(f'<w:pPr xmlns:w="{W}">{ppr}</w:pPr>'))
    return style


def masthead(d: Any, date: bool = True) -> None:
    table = d.add_table(rows=2, cols=4)
    table.cell(0, 1).text = "United Nations"
    table.cell(0, 2).text = "E/CN.16/2023/3"
    table.cell(1, 0).text = "Economic and Social Council"
    box = table.cell(1, 3)
    box.text = "Distr.: General"
    for line in ("14 February 2023" if date else "", "", "Original: English"):
        box.add_paragraph(line)


def build(path: Path, styles: Mapping[str, Style], *, session: bool = True, date: bool = True,
          extra: Callable[[Any], None] | None = None) -> None:
    """A report in ``styles`` (a role missing from them is set in "Normal"); without ``session`` or
    ``date`` the first page gives none."""
    import docx

    d = docx.Document()
    made = {role: _style(d, *spec) for role, spec in styles.items()}
    masthead(d, date)
    d.add_paragraph("Commission on Science and Technology for Development")
    if session:
        d.add_paragraph("Twenty-sixth session")
        d.add_paragraph("Geneva, 27–31 March 2023")
    d.add_paragraph("\t\tHarnessing science for resilient recovery", made.get("title"))
    for role, text in BODY:
        style = made.get(role) or made.get("chapter" if role == "annex" else "body")
        d.add_paragraph(text, style)
    if extra is not None:
        extra(d)
    d.save(str(path))
