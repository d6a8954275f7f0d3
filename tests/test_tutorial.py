"""docs/tutorial.md, followed step by step: every command it shows prints what it shows.

The tutorial copies real output; later changes (the diff on the resolved document) made
it stale once. Here its edits are made as it describes them (the JSON snippet it shows,
the Word edit with python-docx) and each console block is compared with what the
commands print now.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from tests.conftest import REPO

from cstd_docs.cli import main

TUTORIAL = REPO / "docs" / "tutorial.md"


def _fenced(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", TUTORIAL.read_text(encoding="utf-8"), re.S)


def _consoles() -> list[list[tuple[str, str]]]:
    """Each console block as (command, what it printed) pairs."""
    blocks = []
    for block in _fenced("console"):
        steps: list[tuple[str, str]] = []
        for line in block.splitlines(keepends=True):
            if line.startswith("$ "):
                steps.append((line[2:].strip(), ""))
            else:
                steps[-1] = (steps[-1][0], steps[-1][1] + line)
        blocks.append(steps)
    return blocks


def _run(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    words = command.split()
    assert words[0] == "cstd-docs"
    assert main(words[1:]) in (0, 1)
    captured = capsys.readouterr()
    return captured.out + captured.err


def _edit_in_word(folder: Path) -> None:
    """The colleague's edit: a paragraph typed with "2." after paragraph 1, the first theme renamed."""
    from docx.text.paragraph import Paragraph

    import docx

    document = docx.Document(str(folder / "report.docx"))
    paragraphs = {p.text: p for p in document.paragraphs}
    first = paragraphs["1.\tThe meeting was opened by the Chair."]
    inserted = copy.deepcopy(first._p)
    first._p.addnext(inserted)
    for child in list(inserted):
        if not child.tag.endswith("}pPr"):
            inserted.remove(child)
    Paragraph(inserted, first._parent).add_run("2.\tThe Vice-Chair summarized the discussion of the first day.")
    for run in paragraphs["(a)\tFirst theme;"].runs:
        run.text = run.text.replace("First theme", "Digital cooperation")
    document.save(str(folder / "report-edited.docx"))


def test_the_tutorial_s_commands_print_what_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    consoles = _consoles()
    body, thanks = _fenced("json")
    shown = iter(step for block in consoles for step in block if not step[0].startswith("cstd-docs completion"))

    def step() -> None:
        command, printed = next(shown)
        assert _run(command, capsys) == printed, command

    step()  # new
    report = Path("report.json")
    text = report.read_text(encoding="utf-8")
    assert body.rstrip() in text  # the body it shows
    text = text.replace('"name": "Firstname Lastname",\n      "country": "Country"',
                        '"name": "Jane Doe",\n      "country": ”Portugal"')  # the curly-quote slip
    text = text.replace('"kind": "delegation",\n      "country": "Country"', '"kind": "delegation",\n      "country": "Thailand"')
    themes_end = '              "text": "Second theme."\n            }\n          ]\n        }'
    assert themes_end in text
    report.write_text(text.replace(themes_end, themes_end + ",\n" + thanks.rstrip("\n")), encoding="utf-8")
    step()  # validate: the curly quote
    report.write_text(report.read_text(encoding="utf-8").replace("”Portugal", '"Portugal'), encoding="utf-8")
    step()  # validate: the misspelt id
    report.write_text(report.read_text(encoding="utf-8").replace('"ref": "theme"', '"ref": "themes"'), encoding="utf-8")
    step()  # validate: valid
    step()  # render .docx
    step()  # render .md
    (markdown,) = _fenced("markdown")
    assert markdown in Path("report.md").read_text(encoding="utf-8")
    _edit_in_word(tmp_path)
    step()  # import
    step()  # diff
    step()  # validate v2
    step()  # render v2
    assert next(shown, None) is None, "every command shown was run"
