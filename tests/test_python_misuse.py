"""Misuse from Python fails early and clearly: a ReportError naming the field, never another exception.

A property test puts wrong values into every field of every model class and every
argument of every public function; each either works (a value that is acceptable,
like an ISO date string) or raises ReportError. A report that was built renders.
"""

from __future__ import annotations

import contextlib
import datetime
import inspect
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import REFERENCE_EXAMPLE
from tests.tables.helpers import PNG

import cstd_docs
from cstd_docs import ReportError
from cstd_docs import model as m
from cstd_docs.resolve import resolve

DAY = datetime.date(2026, 4, 13)
#: Every function of the package's top level (check and redline come from their own modules).
API = sorted(name for name in cstd_docs.__all__ if callable(getattr(cstd_docs, name))
             and not isinstance(getattr(cstd_docs, name), type))

#: One valid value for each field of each model class.
SAMPLES: dict[type, dict[str, Any]] = {
    m.Emphasis: {"text": "Road Map"},
    m.Strong: {"text": "States should"},
    m.Link: {"text": "A/HRC/60/12", "url": ""},
    m.CrossRef: {"target": "p1"},
    m.Note: {"text": "A note."},
    m.Citation: {"participants": ("chair",)},
    m.Person: {"honorific": "Ms.", "name": "Jane Doe", "position": None, "organization": None, "country": "Chile"},
    m.Delegation: {"country": "Thailand"},
    m.Organization: {"name": "UNCTAD", "country": None},
    m.Subparagraph: {"id": None, "text": "item;", "subparagraphs": ()},
    m.Paragraph: {"id": "p1", "text": ("Text", m.Citation("chair")), "subparagraphs": (), "level": 1},
    m.UnnumberedText: {"id": None, "unnumbered": "Text.", "subparagraphs": ()},
    m.Subsection: {"id": None, "title": "Sub", "content": (), "numbered": True},
    m.Section: {"id": None, "title": "Section", "content": (), "subsections": (), "numbered": False},
    m.Suggestion: {"id": None, "addressee": "Member States", "courses": (m.Subparagraph("act;"),)},
    m.Findings: {"id": None, "theme": "Theme", "main_findings": (), "suggestions": ()},
    m.Chapter: {"id": None, "title": "Introduction", "content": (m.Paragraph("Opened.", id="p1"), m.Bullet("A bullet."),
                                                                 m.IndentedLines((m.Line("A line."),))), "sections": (),
                "numbered": True},
    m.Annex: {"id": None, "title": "Annex", "content": (), "chapters": (), "numbering": None},
    m.Preambular: {"id": None, "text": ("Recalling", " its resolution,")},
    m.Operative: {"id": "op1", "heading": "Taking stock", "text": "Requests;",
                  "subparagraphs": (m.Subparagraph("act;"),)},
    m.Resolution: {"id": None, "official_number": "68/1", "title": "Title", "enacting": "The Council,",
                   "preamble": (m.Preambular("Recalling,"),), "operative": (m.Operative("Decides;"),),
                   "note_numbering": m.NoteNumbering.OWN},
    m.DecisionParagraph: {"id": None, "text": "The Council:", "subparagraphs": (m.Subparagraph("takes note;"),)},
    m.Decision: {"id": None, "official_number": None, "title": "Title", "paragraphs": (m.DecisionParagraph("Text."),),
                 "note_numbering": m.NoteNumbering.REPORT},
    m.Box: {"id": None, "title": "Good practices", "content": (m.UnnumberedText("One."),)},
    m.Letter: {"date": DAY, "sender": "the Co-Chairs", "addressee": "the President", "paragraphs": ("We …",),
               "signatories": ("Jane Doe",), "signatory_title": None},
    m.StrongEmphasis: {"text": "Road"},
    m.Bullet: {"id": None, "bullet": ("Item ", m.StrongEmphasis("bold italic")), "bullets": (m.Bullet("sub"),)},
    m.Line: {"id": None, "line": (m.Emphasis("Chair"), ":"), "indent": 0},
    m.IndentedLines: {"id": None, "lines": (m.Line("Jane Doe (Chile)"),)},
    # tables and figures (issue 13)
    m.TableNoteMark: {"note": "n1"},
    m.Column: {"width": 40, "align": m.Alignment.RIGHT},
    m.Cell: {"text": ("Chair", m.TableNoteMark("n1")), "colspan": 1, "rowspan": 1, "align": None},
    m.TableNote: {"id": "n1", "text": "Acting."},
    m.Table: {"id": "t1", "title": "Officers", "columns": (m.Column(40), m.Column()), "header": (("Office", "Officer"),),
              "rows": ((m.Cell(("Chair", m.TableNoteMark("n1"))), "Ms. Doe"),), "notes": (m.TableNote("n1", "Acting."),),
              "source": "E/2025/28."},
    m.Figure: {"id": "f1", "title": "Seizures", "image": PNG, "description": "A chart", "width": 50, "source": "UNODC."},
    m.AgendaDocument: {"id": None, "title": "Report of the Secretary-General", "symbol": "E/CN.16/2026/2"},
    m.ProvisionalSubItem: {"id": None, "text": "Gender statistics;", "documentation": ()},
    m.ProvisionalItem: {"id": "item1", "heading": "Operational segment", "separated": False,
                        "text": "Election of officers.", "sub_items": (m.ProvisionalSubItem("(a)"),),
                        "documentation": (m.AgendaDocument("Note"),)},
    m.ProvisionalAgenda: {"id": None, "title": "Provisional agenda", "items": (m.ProvisionalItem("Election."),)},
    m.Masthead: {"symbol": "E/CN.16/2026/2", "distribution": m.Distribution.GENERAL, "date": DAY,
                 "original_language": "en", "single_language": False, "versions": ("en", "fr"),
                 "organ": "Economic and Social Council",
                 "job_number": None},
    m.Session: {"number": 29, "place": "Geneva", "start": DAY, "end": DAY},
    m.AgendaItem: {"number": 2, "title": "An item", "provisional": True, "sub_item": "(b)"},
}
SAMPLES[m.Report] = {
    "schema": None, "language": "en", "masthead": m.Masthead(**SAMPLES[m.Masthead]), "body": "Commission",
    "parent_body": "Council", "title_style": m.TitleStyle.HCHG, "layout": m.DutyStation.NEW_YORK,
    "session": m.Session(**SAMPLES[m.Session]), "agenda_items": (), "agenda_symbol": None, "title": "Report",
    "agenda_label": m.AgendaLabel.JOINED,
    "subtitles": (), "first_page_notes": m.FirstPageNotes.NUMBERED,
    "participants": {"chair": m.Person("Ms.", "Jane Doe")}, "content": (),
    "chapters": (m.Chapter(**SAMPLES[m.Chapter]),),
    "annexes": (), "summary": (m.UnnumberedText("In short."),), "letter": None,
    "numbering": m.Numbering.UN, "annex_numerals": m.AnnexNumerals.ROMAN,
}
# --- contents and Official Records (issue 14)
SAMPLES[m.Contents] = {"paragraphs": False}
SAMPLES[m.OfficialRecords] = {"supplement": "8", "issn": "0251-9941", "year": None}
SAMPLES[m.Report] |= {"contents": m.Contents(), "official_records": m.OfficialRecords(supplement="8")}
CLASSES = sorted(SAMPLES, key=lambda c: c.__name__)

#: Values of the wrong type, or of the right type in the wrong place.
wrong_values = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.text(max_size=5),
    st.binary(max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.lists(st.one_of(st.integers(), st.none(), st.text(max_size=3)), max_size=3),
    st.sampled_from([
        DAY, datetime.datetime(2026, 1, 1, 12), object(), m.Subsection("x"), m.Paragraph("x"), m.Emphasis("x"),
        ("a ", {"emphasis": "b"}), m.Distribution.LIMITED, Path("x.json"), (m.Subsection("x"),),
        {"chair": {"kind": "person"}}, "2026-04-03", "2026-02-30",
    ]),
)


def test_the_samples_cover_every_model_class_and_build() -> None:
    classes = {getattr(m, name) for name in m.__all__ if attrs.has(getattr(m, name))}
    assert classes == set(SAMPLES)
    for cls, fields in SAMPLES.items():
        assert set(fields) == {f.name for f in attrs.fields(cls)}
        cls(**fields)
    resolve(m.Report(**SAMPLES[m.Report]))


def _report_with(obj: object) -> m.Report | None:
    """A report holding ``obj`` where such an object goes, to see that a built object also renders."""
    base = SAMPLES[m.Report]
    if isinstance(obj, m.Report):
        return obj
    if isinstance(obj, m.Masthead):
        return m.Report(**{**base, "masthead": obj})
    if isinstance(obj, m.Session):
        return m.Report(**{**base, "session": obj})
    if isinstance(obj, m.Chapter):
        return m.Report(**{**base, "chapters": (obj,)})
    if isinstance(obj, (m.Paragraph, m.Table, m.Figure)):
        return m.Report(**{**base, "chapters": (m.Chapter("C", (obj,)),)})
    return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cls=st.sampled_from(CLASSES), data=st.data(), value=wrong_values)
def test_a_wrong_value_in_any_field_is_a_report_error(cls: type, data: st.DataObject, value: object) -> None:
    name = data.draw(st.sampled_from([f.name for f in attrs.fields(cls)]))
    try:
        built = cls(**{**SAMPLES[cls], name: value})
    except ReportError as error:
        assert error.problems[0].path.startswith(f"{cls.__name__}.{name}")
        return
    # Accepted (an ISO date, a list for a tuple, text for a run of inlines): the report renders
    # or names its problems; nothing fails inside.
    report = _report_with(built)
    if report is not None:
        with contextlib.suppress(ReportError):
            cstd_docs.render_markdown(report)
            cstd_docs.dumps(report)


def _arguments(function: Any, report: m.Report, tmp: Path) -> dict[str, Any]:
    valid = {
        "report": report, "old": report, "new": report, "path": tmp / "out.docx", "text": "{}",
        "reference_docx": None, "emblem": None, "template_dir": None, "embed_source": True, "warnings": None,
        "changes": [], "enable": (), "disable": (), "document": "secretariat", "word_limit": None,
        "author": None, "date": None,
    }
    if function is cstd_docs.load:
        valid["path"] = REFERENCE_EXAMPLE
    if function is cstd_docs.read_markdown:
        valid["text"] = "# Title\n"
    return {name: valid[name] for name in inspect.signature(function).parameters}


@pytest.fixture(scope="module")
def report() -> m.Report:
    return cstd_docs.load(REFERENCE_EXAMPLE)


def test_the_misuse_test_covers_the_whole_top_level() -> None:
    assert {"check", "redline", "render_docx", "read_markdown", "diff_text"} <= set(API)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(set(API) - {"render_pdf"})), data=st.data(), value=wrong_values)
def test_a_wrong_argument_to_any_public_function_is_a_report_error(
    name: str, data: st.DataObject, value: object, report: m.Report, tmp_path: Path
) -> None:
    function = getattr(cstd_docs, name)
    arguments = _arguments(function, report, tmp_path)
    argument = data.draw(st.sampled_from(sorted(arguments)))
    with contextlib.chdir(tmp_path), contextlib.suppress(ReportError):  # a wrong path that works writes here
        function(**{**arguments, argument: value})


def test_render_pdf_checks_its_arguments_before_starting_libreoffice(report: m.Report, tmp_path: Path) -> None:
    for arguments in ({"report": "report.json", "path": tmp_path / "a.pdf"}, {"report": report, "path": 5},
                      {"report": report, "path": tmp_path / "a.pdf", "emblem": 3}):
        with pytest.raises(ReportError, match="render_pdf: "):
            cstd_docs.render_pdf(**arguments)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("build", "path", "message"),
    [
        (lambda: m.AgendaItem(3, None), "AgendaItem.title", "expected text (a str), got None"),
        (lambda: m.Session("18", None, DAY, DAY), "Session.number", "expected a whole number"),
        (lambda: m.Paragraph(("a ", {"emphasis": "b"})), "Paragraph.text[1]", "got dict"),
        (lambda: m.Paragraph(123), "Paragraph.text", "got int 123"),
        (lambda: m.Chapter("C", sections=[m.Subsection("S")]), "Chapter.sections[0]", "expected Section or Findings"),
        (lambda: m.Masthead(date="2026-02-30"), "Masthead.date", "got str '2026-02-30'"),
        (lambda: m.Report(**{**SAMPLES[m.Report], "participants": {"x": 1}}), "Report.participants['x']", "got int"),
    ],
)
def test_the_issue_s_examples_name_the_field(build: Any, path: str, message: str) -> None:
    with pytest.raises(ReportError) as caught:
        build()
    (problem,) = caught.value.problems
    assert problem.path == path
    assert message in problem.message
    assert problem.hint


def test_an_iso_date_string_is_a_date() -> None:
    assert m.Masthead(date="2026-04-03").date == datetime.date(2026, 4, 3)
    assert m.Session(1, "Geneva", "2026-04-13", "2026-04-17").end == datetime.date(2026, 4, 17)


def test_a_wrong_argument_names_the_function_and_the_argument(report: m.Report) -> None:
    with pytest.raises(ReportError) as caught:
        cstd_docs.render_docx("report.json", "out.docx")  # type: ignore[arg-type]
    assert str(caught.value.problems[0]) == (
        "render_docx: report: expected a Report, got str 'report.json' (read a file first: cstd_docs.load(path))"
    )
    with pytest.raises(ReportError, match="resolve: report: expected a Report, got dict"):
        resolve({})  # type: ignore[arg-type]


def test_read_markdown_given_a_file_name_says_to_read_the_file(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("# Title\n", encoding="utf-8")
    with pytest.raises(ReportError, match="read_markdown: text: expected Markdown text, not a file's name") as caught:
        cstd_docs.read_markdown(str(draft))  # once read as a one-line draft: a report titled 'Report', silently
    assert "read_text" in (caught.value.problems[0].hint or "")
    assert cstd_docs.read_markdown(draft.read_text(encoding="utf-8"), warnings=[]).title == ("Title",)


def test_a_registry_changed_after_the_report_was_built_is_checked_at_entry(report: m.Report) -> None:
    changed = m.Report(**{**SAMPLES[m.Report], "participants": dict(report.participants)})
    changed.participants["x"] = 5  # type: ignore[assignment]
    for function in (cstd_docs.render_markdown, cstd_docs.dumps, cstd_docs.docx_bytes, resolve):
        with pytest.raises(ReportError, match=r"Report.participants\['x'\]: expected Person, Delegation or Organization"):
            function(changed)


def test_a_reader_called_without_a_list_issues_what_it_could_not_keep_as_python_warnings() -> None:
    import warnings

    draft = "# Report\n\n<u>underlined</u> text\n\n1. A paragraph.\n"
    collected: list[cstd_docs.Problem] = []
    cstd_docs.read_markdown(draft, warnings=collected)
    assert collected, "the draft must hold something a reader reports"
    with warnings.catch_warnings(record=True) as issued:
        warnings.simplefilter("always")
        cstd_docs.read_markdown(draft)
    assert [str(w.message) for w in issued if w.category is cstd_docs.ReadWarning] == [str(p) for p in collected]


def test_a_loaded_report_is_checked_again_once_its_registry_changed() -> None:
    """Loading checks a report and remembers it sound, so resolving it need not check it twice;
    a cited participant removed from its registry afterwards must still be found."""
    report = cstd_docs.load(REFERENCE_EXAMPLE)
    resolve(report)  # sound, and remembered so
    cited = next(iter(report.participants))
    del report.participants[cited]
    with pytest.raises(ReportError, match=cited):
        resolve(report)
    with pytest.raises(ReportError, match=cited):
        cstd_docs.docx_bytes(report)
