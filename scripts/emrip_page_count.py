"""How many pages A/HRC/EMRIP/2025/2 takes in our Geneva layout, against the 20 it prints.

    python scripts/emrip_page_count.py [--json OUT.json] [--pdf OUT.pdf]

examples/emrip-study.json holds the study's first page only (its front block, title and first
chapter's title), so it cannot answer the question. This script rebuilds the whole text from
the sample's text version (../shared/samples/A_HRC_EMRIP_2025_2.txt, `pdftotext -layout`):
its summary (as unnumbered text: the model has no box), its nine chapters and their sections,
its numbered paragraphs, the 117 notes (each at its mark where the page's text shows the mark,
else at the end of the paragraph running at the page's foot) and the annex (Expert Mechanism
Advice No. 18, its texts bold). The front block and the title come from examples/emrip-study.json.
It renders the report through LibreOffice and prints the page count; docs/layout-geneva.md
records the figure. Set CSTD_SHARED_DIR where ../shared is not beside the repository.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs

import cstd_docs
from cstd_docs.model import Annex, Chapter, Inline, Note, Paragraph, Report, Section, Strong, UnnumberedText
from cstd_docs.resolve import resolve

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CSTD_SHARED_DIR") or REPO.parent / "shared")
TEXT = SHARED / "samples" / "A_HRC_EMRIP_2025_2.txt"
PRINTED_PAGES = 20

_NOISE = re.compile(r"^\s*(A/HRC/EMRIP/2025/2|GE\.25-06162.*|\d{1,2}\s+GE\.25-06162|GE\.25-06162\s+\d{1,2})\s*$")
_NOTE = re.compile(r"^\s{5,14}(\d{1,3})\s{1,3}(\S.*)$")
_CHAPTER = re.compile(r"^\s*([IVX]+)\.\s+(\S.*)$")
_SECTION = re.compile(r"^\s*([A-H])\.\s+(\S.*)$")
_PARAGRAPH = re.compile(r"^\s*(\d{1,3})\.\s+(\S.*)$")


@attrs.define
class _Block:
    kind: str  # "chapter", "section", "paragraph", "annex", "summary"
    text: str = ""
    notes: list[tuple[int, str]] = attrs.field(factory=list)  # (mark's offset in text, note number)


def _join(text: str, line: str) -> str:
    line = line.strip()
    if not text:
        return line
    return text[:-1] + line if text.endswith("-") and not text.endswith(" -") else f"{text} {line}"


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.notes: dict[int, str] = {}
        self.next_note = 1
        self.heading_open = False

    def page(self, lines: list[str], first: bool) -> None:
        body, notes = self.split(lines)
        start = len(self.blocks)
        for line in body:
            self.body_line(line, first)
        page_blocks = self.blocks[max(start - 1, 0):]
        for number in notes:
            self.place(number, page_blocks)

    def split(self, lines: list[str]) -> tuple[list[str], list[int]]:
        """The page's body lines, and its notes (their texts kept in self.notes)."""
        body: list[str] = []
        numbers: list[int] = []
        for line in lines:
            found = _NOTE.match(line)
            if found and int(found.group(1)) == self.next_note:
                number = self.next_note
                self.notes[number] = found.group(2).strip()
                numbers.append(number)
                self.next_note += 1
            elif numbers:
                if line.strip():
                    self.notes[numbers[-1]] = _join(self.notes[numbers[-1]], line)
            else:
                body.append(line)
        return body, numbers

    def body_line(self, line: str, first: bool) -> None:
        text = line.strip()
        if not text or _NOISE.match(line):
            self.heading_open = False
            return
        if first:  # page 1: the summary's text, after its heading, before the asterisk note
            if text == "Summary":
                self.blocks.append(_Block("summary"))
            elif self.blocks and not text.startswith("*"):
                self.blocks[-1].text = _join(self.blocks[-1].text, text)
            return
        for kind, pattern in (("paragraph", _PARAGRAPH), ("chapter", _CHAPTER), ("section", _SECTION)):
            found = pattern.match(line)
            if found and not (kind == "chapter" and self.in_annex()):
                self.blocks.append(_Block(kind, found.group(2).strip()))
                self.heading_open = kind != "paragraph"
                return
        if text == "Annex":
            self.blocks.append(_Block("annex"))
            self.heading_open = True
            return
        if self.blocks:
            self.blocks[-1].text = _join(self.blocks[-1].text, text)

    def in_annex(self) -> bool:
        return any(b.kind == "annex" for b in self.blocks)

    def place(self, number: int, blocks: list[_Block]) -> None:
        """The note at its mark in the page's text ("needs.1", "Peoples. 2 Indigenous"), else at the end of
        the page's last paragraph."""
        mark = re.compile(rf"(?<=[\w.,;:”’)])\s?{number}(?=[\s.,;]|$)")
        for block in blocks:
            if block.kind != "paragraph":
                continue
            found = mark.search(block.text)
            if found and not re.search(r"(para\.|paras\.|art\.|No\.|\d)\s?$", block.text[:found.start()]):
                block.text = block.text[:found.start()] + block.text[found.end():]
                block.notes.append((found.start(), number))
                return
        last = next(b for b in reversed(blocks) if b.kind in ("paragraph", "summary"))
        last.notes.append((len(last.text), number))


def _inlines(block: _Block, notes: dict[int, str], strong: bool = False) -> tuple[Inline, ...]:
    out: list[Inline] = []
    at = 0
    for offset, number in sorted(block.notes):
        piece = block.text[at:offset]
        if piece:
            out.append(Strong(piece) if strong else piece)
        out.append(Note(notes[number]))
        at = offset
    rest = block.text[at:]
    if rest:
        out.append(Strong(rest) if strong else rest)
    return tuple(out)


def build() -> Report:
    """The whole study as a report: the example's front page, the sample's text."""
    pages = TEXT.read_text(encoding="utf-8").split("\f")
    reader = _Reader()
    for index, page in enumerate(pages):
        reader.page(page.splitlines(), index == 0)
    front = cstd_docs.load(REPO / "examples" / "emrip-study.json")
    summary = [UnnumberedText(b.text) for b in reader.blocks if b.kind == "summary"]
    chapters: list[Chapter] = []
    annex_title, annex_content = "", []
    for block in reader.blocks:
        if block.kind == "chapter":
            chapters.append(Chapter(block.text))
        elif block.kind == "section":
            chapters[-1] = attrs.evolve(chapters[-1], sections=(*chapters[-1].sections, Section(block.text)))
        elif block.kind == "annex":
            annex_title = block.text.replace("Expert Mechanism Advice No. 18 (2025): ", "")
        elif block.kind == "paragraph" and annex_title:
            annex_content.append(Paragraph(_inlines(block, reader.notes, strong=True)))
        elif block.kind == "paragraph":
            paragraph = Paragraph(_inlines(block, reader.notes))
            chapter = chapters[-1]
            if chapter.sections:
                section = chapter.sections[-1]
                assert isinstance(section, Section)
                section = attrs.evolve(section, content=(*section.content, paragraph))
                chapters[-1] = attrs.evolve(chapter, sections=(*chapter.sections[:-1], section))
            else:
                chapters[-1] = attrs.evolve(chapter, content=(*chapter.content, paragraph))
    return attrs.evolve(front, content=tuple(summary), chapters=tuple(chapters),
                        annexes=(Annex(annex_title, tuple(annex_content)),))


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found is not None
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the rebuilt report here")
    parser.add_argument("--pdf", type=Path, help="keep the PDF here")
    arguments = parser.parse_args()
    report = build()
    paragraphs = sum(1 for c in report.chapters for _ in (*c.content, *(p for s in c.sections for p in s.content)))
    notes = len(resolve(report).notes)
    if arguments.json:
        cstd_docs.dump(report, arguments.json)
    with tempfile.TemporaryDirectory() as folder:
        pdf = arguments.pdf or Path(folder) / "emrip.pdf"
        cstd_docs.render_pdf(report, pdf)
        count = pages(pdf)
    print(f"{len(report.chapters)} chapters, {paragraphs} paragraphs, {len(report.annexes[0].content)} in the "
          f"annex, {notes} notes: {count} pages (printed: {PRINTED_PAGES})")
    return 0 if abs(count - PRINTED_PAGES) <= 1 else 1


if __name__ == "__main__":
    sys.exit(main())
