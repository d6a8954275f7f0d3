"""Runs and paragraphs copied from templates kept by their properties (oxml.build: Prop, run,
paragraph) are the elements made one by one: whatever was made before, whatever a rendering
did to its copy, in any thread; and what is kept stays bounded."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from lxml import etree

from cstd_docs.writers.docx import forget_caches
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.oxml import build
from cstd_docs.writers.docx.oxml.build import Prop, elements, make, paragraph, prop, run, val, val_prop

#: Run properties as data, and a maker of the same as elements (the way every caller once gave them;
#: made anew each time: an element has one parent).
_RUN_CASES: list[tuple[list[build.Property], Callable[[], list[build.Element]]]] = [
    ([], list),
    (st.bold(), lambda: [make("w:b"), make("w:bCs")]),
    ([*st.size(18), *st.italic()], lambda: [val("w:sz", 18), val("w:szCs", 18), make("w:i"), make("w:iCs")]),
    ([val_prop("w:vertAlign", "superscript"), val_prop("w:rStyle", "FootnoteReference")],
     lambda: [val("w:vertAlign", "superscript"), val("w:rStyle", "FootnoteReference")]),
]
_TEXTS = ["plain", " spaced at the start", "two  spaces", "a\ttab", "a\nbreak", ""]


def _xml(element: build.Element) -> bytes:
    return etree.tostring(element)


def test_a_run_from_a_template_is_the_run_made_element_by_element() -> None:
    forget_caches()
    checked = 0
    for _ in range(2):  # the second time from the templates
        for described, made in _RUN_CASES:
            for content in _TEXTS:
                assert _xml(run(content, described)) == _xml(run(content, made()))
                checked += 1
        assert _xml(run("", described, make("w:tab"))) == _xml(run("", made(), make("w:tab")))  # with extras
    assert checked == 2 * len(_RUN_CASES) * len(_TEXTS)


def test_a_paragraph_with_nested_properties_is_the_one_made_element_by_element() -> None:
    described = [val_prop("w:pStyle", "SingleTxtG"), st.tabs(("right", 851), ("left", 1134)), st.not_numbered(),
                 st.spacing(before=0, after=120), st.indent(1134, 1134, 567)]
    for _ in range(2):
        made = paragraph(elements(reversed(described)), [run("x")])  # elements, in another order: sorted the same
        assert _xml(paragraph(described, [run("x")])) == _xml(made)
        assert [child.tag.rsplit("}", 1)[1] for child in made[0]] == ["pStyle", "numPr", "tabs", "spacing", "ind"]


def test_a_changed_copy_leaves_the_template_as_it_was() -> None:
    forget_caches()
    first = run("first", st.bold())
    expected = _xml(run("second", st.bold()))
    first[0].append(make("w:strike"))  # a rendering changes its own run (a redline marks it)
    first[-1].text = "changed"
    first[0].remove(first[0][0])
    assert _xml(run("second", st.bold())) == expected
    line = paragraph([val_prop("w:pStyle", "HChG")])
    line[0].append(make("w:keepNext"))
    assert _xml(paragraph([val_prop("w:pStyle", "HChG")])) == _xml(paragraph([val("w:pStyle", "HChG")]))


def test_values_that_compare_equal_but_print_differently_are_different_properties() -> None:
    forget_caches()
    as_number = _xml(run("x", [val_prop("w:b", 0)]))
    as_bool = _xml(run("x", [prop("w:b", {"w:val": False})]))
    assert b'w:val="0"' in as_number and b'w:val="False"' in as_bool


def test_what_is_kept_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    forget_caches()
    monkeypatch.setattr(build, "_MOST_TEMPLATES", 3)
    runs = [run("x", st.size(size)) for size in range(10, 30)]
    assert len(build._templates()) == 3
    for size, made in zip(range(10, 30), runs, strict=True):
        assert _xml(made) == _xml(run("x", [val("w:sz", size), val("w:szCs", size)]))
    forget_caches()
    assert not build._templates()


def test_each_thread_keeps_its_own_templates() -> None:
    forget_caches()
    made: list[bytes] = []
    worker = threading.Thread(target=lambda: made.extend(_xml(run("x", [Prop("w:dstrike")])) for _ in range(2)))
    worker.start()
    worker.join()
    assert not build._templates()  # the worker's are its own (lxml ties a document to a thread)
    assert made == [_xml(run("x", [make("w:dstrike")]))] * 2
