"""Deterministic large reports for the benchmarks.

    python benchmarks/generate.py N OUT.json

A report of N numbered paragraphs in the shape of the largest UN reports: chapters of
100 paragraphs, each in four lettered sections; a note every third paragraph (every
ninth one a citation of a registered participant), a subparagraph list (a)–(c) with a
nested (i)–(ii) every fifth paragraph, a cross-reference every seventh, emphasis every
eleventh. The same N always gives the same bytes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

PER_CHAPTER = 100
PER_SECTION = 25

_TEXT = (
    "The panel discussed the role of science, technology and innovation in building resilient and inclusive "
    "economies, noting that capacities differ widely between and within countries and that international "
    "cooperation, including South-South and triangular cooperation, remains essential to close digital divides"
)
_WORDS = tuple(_TEXT.split())


def _sentence(n: int, length: int = 45) -> str:
    start = (n * 7) % len(_WORDS)
    words = [_WORDS[(start + i) % len(_WORDS)] for i in range(length)]
    return f"Paragraph {n}: " + " ".join(words) + "."


def _paragraph(n: int) -> dict[str, Any]:
    text: list[Any] = [_sentence(n)]
    if n % 11 == 0:
        text += [" See ", {"emphasis": "Technology and Innovation Report 2023"}, "."]
    if n % 7 == 0 and n > 1:
        text += [" As noted in paragraph ", {"ref": f"p{n - 1}"}, ", the point stands."]
    if n % 3 == 0:
        if n % 9 == 0:
            text.append({"cite": ["chair"] if n % 2 else ["chair", "thailand"]})
        else:
            text.append({"note": f"See document E/CN.16/2022/{n}, available at https://unctad.org/meeting/{n}."})
    para: dict[str, Any] = {"id": f"p{n}", "text": text}
    if n % 5 == 0:
        para["subparagraphs"] = [
            {"text": f"First item of paragraph {n}, on skills and education;"},
            {
                "text": f"Second item of paragraph {n}, on infrastructure:",
                "subparagraphs": [{"text": "Broadband networks;"}, {"text": "Data centres and cloud services;"}],
            },
            {"text": f"Third item of paragraph {n}, on finance and partnerships."},
        ]
    return para


def report_data(paragraphs: int) -> dict[str, Any]:
    """The JSON data of a report with this many numbered paragraphs."""
    chapters: list[dict[str, Any]] = []
    n = 0
    while n < paragraphs:
        c = len(chapters) + 1
        sections: list[dict[str, Any]] = []
        while n < paragraphs and len(sections) < PER_CHAPTER // PER_SECTION:
            s = len(sections) + 1
            content = []
            for _ in range(min(PER_SECTION, paragraphs - n)):
                n += 1
                content.append(_paragraph(n))
            sections.append({"id": f"c{c}s{s}", "title": f"Section {s} of chapter {c}", "content": content})
        chapters.append({"id": f"c{c}", "title": f"Chapter {c} of the report", "sections": sections})
    return {
        "masthead": {"symbol": "E/CN.16/2099/2", "date": "2099-02-01"},
        "body": "Commission on Science and Technology for Development",
        "session": {"number": 99, "place": "Geneva", "start": "2099-03-28", "end": "2099-04-01"},
        "title": f"Report of a generated meeting ({paragraphs} paragraphs)",
        "agenda_items": [{"number": 3, "title": "Science and technology for development"}],
        "agenda_symbol": "E/CN.16/2099/1",
        "subtitles": [["Prepared by the UNCTAD secretariat", {"note": "Generated for the benchmarks."}]],
        "participants": {
            "chair": {"kind": "person", "honorific": "Ms.", "name": "Jane Doe", "country": "Portugal"},
            "thailand": {"kind": "delegation", "country": "Thailand"},
        },
        "chapters": chapters,
    }


_VERBS = ("Requests", "Encourages", "Invites", "Calls upon", "Decides", "Welcomes", "Urges", "Stresses")
_OPENINGS = ("Recalling", "Reaffirming", "Noting with appreciation", "Recognizing", "Bearing in mind", "Welcoming")


def _resolution(c: int) -> dict[str, Any]:
    """A draft resolution of the size the Commission's own have: 8 preambular, 14 operative paragraphs."""
    preamble = [{"text": [{"emphasis": _OPENINGS[i % len(_OPENINGS)]}, " " + _sentence(c * 100 + i, 30)[:-1] + ",",
                          *([{"note": f"General Assembly resolution {70 + i}/{c}."}] if i % 3 == 0 else [])]}
                for i in range(8)]
    operative: list[dict[str, Any]] = []
    for i in range(14):
        verb = {"emphasis": _VERBS[i % len(_VERBS)]}
        para: dict[str, Any] = {"id": f"r{c}o{i}", "text": [verb, " " + _sentence(c * 100 + 50 + i, 35)[:-1] + ";"]}
        if i % 4 == 1:
            para["subparagraphs"] = [{"text": f"To strengthen capacity in area {k};"} for k in range(1, 4)]
        operative.append(para)
    return {"id": f"r{c}", "title": f"Science, technology and innovation for development, part {c}",
            "enacting": "The Economic and Social Council,", "preamble": preamble, "operative": operative}


def _decision(c: int) -> dict[str, Any]:
    return {"id": f"d{c}", "title": f"Report of the Commission on its session, part {c}",
            "paragraphs": [{"text": "The Economic and Social Council:", "subparagraphs": [
                {"text": f"Takes note of the report of the Commission on item {k};"} for k in range(1, 5)]}]}


def _table(c: int) -> dict[str, Any]:
    """A table of votes as E/2025/28 prints them: a two-row header with a spanned "Votes", 12 rows,
    a lettered note marked in a cell, a source with a symbol."""
    rows = [[f"Draft resolution {c}.{r}", f"Item {r % 7 + 1}",
             {"text": [str(40 + r), {"table_note": f"t{c}-recorded"}]} if r == 3 else str(40 + r),
             str(r % 4), str(r % 3)] for r in range(1, 13)]
    return {"id": f"t{c}", "title": f"Votes on the draft proposals of chapter {c}",
            "columns": [{"width": 34}, {"width": 18}, {"width": 16, "align": "right"},
                        {"width": 16, "align": "right"}, {"width": 16, "align": "right"}],
            "header": [[{"text": "Proposal", "rowspan": 2}, {"text": "Agenda item", "rowspan": 2},
                        {"text": "Votes", "colspan": 3, "align": "center"}],
                       ["In favour", "Against", "Abstentions"]],
            "rows": rows,
            "notes": [{"id": f"t{c}-recorded", "text": "A recorded vote was requested."}],
            "source": [{"link": "E/2025/28"}, f", chap. {c}."]}


def session_report_data(paragraphs: int) -> dict[str, Any]:
    """``report_data(paragraphs)`` with what a session report adds: in every chapter, a section of
    instruments (a draft resolution of 22 paragraphs and a draft decision) and a table of the votes
    on them (cited in the text) before the others; their paragraphs are operative, so the report's
    own numbering is unchanged."""
    data = report_data(paragraphs)
    for c, chapter in enumerate(data["chapters"], start=1):
        intro = {"id": f"c{c}-instruments-intro", "text": "The Commission recommends the adoption of the following:"}
        votes = {"id": f"c{c}-votes", "text": ["The votes are set out in table ", {"ref": f"t{c}"}, "."]}
        chapter["sections"].insert(0, {"id": f"c{c}s0", "title": f"Instruments of chapter {c}",
                                       "content": [intro, _resolution(c), _decision(c), votes, _table(c)]})
    data["title"] = f"Report of a generated session ({paragraphs} paragraphs, with resolutions and decisions)"
    return data


def revised_data(paragraphs: int) -> dict[str, Any]:
    """The next version of ``report_data(paragraphs)``, as an editor would leave it (for redlines).

    A paragraph with a note added at the start (every later paragraph is renumbered), a word
    changed in every 50th paragraph, every 97th removed (never one a cross-reference names),
    the note of every 201st edited, chapters 2 and 3 swapped and chapter 5 moved to the end.
    """
    data = report_data(paragraphs)
    chapters = data["chapters"]
    for chapter in chapters:
        for section in chapter["sections"]:
            kept = []
            for para in section["content"]:
                n = int(para["id"][1:])
                if n % 97 == 0 and (n + 1) % 7 != 0:
                    continue
                if n % 50 == 0:
                    para["text"][0] = para["text"][0].replace("panel", "meeting", 1).replace("role", "part", 1)
                if n % 201 == 0:
                    for item in para["text"]:
                        if isinstance(item, dict) and "note" in item:
                            item["note"] = item["note"].replace("See document", "See the revised document")
                kept.append(para)
            section["content"] = kept
    chapters[0]["sections"][0]["content"].insert(
        0, {"id": "p-added", "text": ["A paragraph added in the revision.", {"note": "Added with it."}]})
    if len(chapters) >= 5:
        chapters[1], chapters[2] = chapters[2], chapters[1]
        chapters.append(chapters.pop(4))
    return data


def write_revised(paragraphs: int, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(revised_data(paragraphs), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def report_json(paragraphs: int) -> str:
    return json.dumps(report_data(paragraphs), ensure_ascii=False, indent=2) + "\n"


def write(paragraphs: int, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(report_json(paragraphs), encoding="utf-8")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/generate.py N OUT.json")
    print(write(int(sys.argv[1]), sys.argv[2]))
