"""User templates run in Jinja2's sandbox: they lay out the report, nothing more.

A template that reaches for Python internals, the file system or unbounded memory
fails with ReportError (exit 1 from the command line) before doing it; a legitimate
override of the built-in template still works.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.conftest import REPO

import cstd_docs
from cstd_docs import ReportError
from cstd_docs.cli import main

EXAMPLE = REPO / "examples" / "short-en.json"
SECRET = "top secret: must never reach an output"

#: Templates that must be refused, and words the message must hold.
HOSTILE = {
    "mro": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe"),
    "globals-of-a-function": ("{{ lipsum.__globals__['os'].system('touch PWNED') }}", "unsafe"),
    "cycler-to-os": ("{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}", "unsafe"),
    "joiner-to-os": ("{{ joiner.__init__.__globals__.os }}", "unsafe"),
    "template-context": ("{{ self._TemplateReference__context }}", "unsafe"),
    "attr-filter": ("{{ doc | attr('__class__') }}", "unsafe"),
    "subscript-dunder": ("{{ doc['__class__'] }}", "unsafe"),
    "format-string": ("{{ '{0.__class__.__init__.__globals__}'.format(doc) }}", "unsafe"),
    "format-map": ("{{ '{x.__class__}'.format_map({'x': doc}) }}", "unsafe"),
    "percent-format": ("{{ '%s' % doc.__class__ }}", "unsafe"),
    "attrs-internals": ("{{ doc.source.__attrs_attrs__ }}", "unsafe"),
    "model-constructor": ("{{ doc.source.__init__ }}", "unsafe"),
    "function-code": ("{{ doc.blocks.__len__.__self__ }}", "unsafe"),
    "mutate-a-list": ("{% set notes = [1] %}{{ notes.append(2) }}", "unsafe"),
    "mutate-a-dict": ("{{ doc.source.participants.clear() }}", "unsafe"),
    "huge-string": ("{{ 'x' * 10**9 }}", "too large"),
    "huge-list": ("{{ [0] * 10**9 }}", "too large"),
    "huge-power": ("{{ 2 ** 100000000 }}", "too large"),
    "huge-range": ("{% for i in range(10**9) %}{% endfor %}", "Range too big"),
    "include-absolute": ('{% include "/etc/passwd" %}', "no template '/etc/passwd'"),
    "include-parent": ('{% include "../../../../etc/passwd" %}', "no template '../../../../etc/passwd'"),
    "extends-parent": ('{% extends "../secret.txt" %}', "no template '../secret.txt'"),
    "import-parent": ('{% import "../secret.txt" as s %}', "no template '../secret.txt'"),
    "include-symlink-out": ('{% include "link.j2" %}', "leads outside the template folder"),
    "division-by-zero": ("{{ 1 / 0 }}", "ZeroDivisionError"),
    "syntax-error": ("{% if %}", "template error"),
    "undefined-name": ("{{ os }}", "'os' is undefined"),
    "config-object": ("{{ config.items() }}", "'config' is undefined"),
}


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    """A template folder beside a secret file, with a link out to it."""
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "link.j2").symlink_to(tmp_path / "secret.txt")
    return folder


@pytest.fixture(scope="module")
def report() -> cstd_docs.model.Report:
    return cstd_docs.load(EXAMPLE)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_template_is_refused_before_doing_anything(
    name: str, templates: Path, report: cstd_docs.model.Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, words = HOSTILE[name]
    (templates / "report.md.j2").write_text(source, encoding="utf-8")
    monkeypatch.chdir(templates.parent)
    with pytest.raises(ReportError) as caught:
        cstd_docs.render_markdown(report, template_dir=templates)
    problem = caught.value.problems[0]
    assert words in problem.message, problem
    assert problem.hint
    assert SECRET not in str(caught.value)
    assert not (templates.parent / "PWNED").exists()


@pytest.mark.parametrize("name", ["cycler-to-os", "include-parent", "include-symlink-out", "huge-string", "huge-range"])
def test_hostile_template_through_the_command_line_exits_1(
    name: str, templates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (templates / "report.md.j2").write_text(HOSTILE[name][0], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.md"
    out.write_text("previous", encoding="utf-8")
    code = main(["render", str(EXAMPLE), "-o", str(out), "--templates", str(templates)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and "internal error" not in err
    assert HOSTILE[name][1] in err
    assert SECRET not in err
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md", "secret.txt", "templates"]


def test_missing_template_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["render", str(EXAMPLE), "-o", str(tmp_path / "o.md"), "--templates", str(tmp_path / "nope")])
    assert code == 1
    assert "the template folder does not exist" in capsys.readouterr().err


def test_a_legitimate_override_still_works(templates: Path, report: cstd_docs.model.Report) -> None:
    (templates / "report.md.j2").write_text(
        '{% import "macros.md.j2" as m %}'
        "# {{ doc.title | runs }}\n\n"
        "{% for block in blocks %}{% if block.kind == 'paragraph' %}{{ m.block(block) }}\n\n{% endif %}{% endfor %}"
        "{% for note in doc.notes %}[^{{ note.mark }}]: {{ note.text | runs }}\n\n{% endfor %}"
        "{{ 'Paragraphs: ' ~ (blocks | selectattr('kind', 'equalto', 'paragraph') | list | length) }}\n"
        "{{ '-' * 20 }} {{ 2 ** 10 }} {{ doc.source.participants | length }}\n",
        encoding="utf-8",
    )
    text = cstd_docs.render_markdown(report, template_dir=templates, embed_source=False)
    assert text.startswith("# Report of the intersessional panel meeting\n\n1\\. ")
    assert "[^1]: " in text
    assert "Paragraphs: " in text
    assert "-" * 20 + " 1024 2" in text


def test_an_override_can_include_its_own_partials(templates: Path, report: cstd_docs.model.Report) -> None:
    (templates / "parts").mkdir()
    (templates / "parts" / "title.j2").write_text("TITLE: {{ doc.title | runs }}", encoding="utf-8")
    (templates / "report.md.j2").write_text('{% include "parts/title.j2" %}\n', encoding="utf-8")
    text = cstd_docs.render_markdown(report, template_dir=templates, embed_source=False)
    assert text == "TITLE: Report of the intersessional panel meeting\n"


def test_the_command_line_renders_with_an_override(templates: Path, tmp_path: Path) -> None:
    (templates / "report.md.j2").write_text("{{ doc.title | runs }}\n", encoding="utf-8")
    out = tmp_path / "out.md"
    assert main(["render", str(EXAMPLE), "-o", str(out), "--templates", str(templates)]) == 0
    assert out.read_text(encoding="utf-8").startswith("Report of the intersessional panel meeting\n")


def test_the_built_in_templates_give_the_same_text_inside_the_sandbox(
    report: cstd_docs.model.Report, templates: Path
) -> None:
    # The package's own templates run outside the sandbox (for speed); an empty user folder
    # makes the same templates run inside it. Both must agree, and the user's must be sandboxed.
    from jinja2.sandbox import SandboxedEnvironment

    from cstd_docs.writers.markdown import _environment

    assert isinstance(_environment(templates), SandboxedEnvironment)
    assert not isinstance(_environment(None), SandboxedEnvironment)
    assert os.path.exists(REPO / "src" / "cstd_docs" / "writers" / "templates" / "markdown" / "report.md.j2")
    built_in = cstd_docs.render_markdown(report)
    assert built_in.startswith("**United Nations**")
    assert cstd_docs.render_markdown(report, template_dir=templates) == built_in
