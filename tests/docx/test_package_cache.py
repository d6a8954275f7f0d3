"""What a process keeps between renderings (package.py, package_zip.py, oxml.build, page.py)
never changes a report's bytes: reports of different layouts, languages and reference
documents rendered in turn give the bytes each gives alone, from a fresh state and in a
fresh process; a user's reference document is never served the default's parts; the
small zip writer writes the bytes ``zipfile`` writes; and what is kept stays bounded."""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cstd_docs import load
from cstd_docs.writers.docx import docx_bytes, forget_caches
from cstd_docs.writers.docx import package_zip as pz
from cstd_docs.writers.docx.styles import locale

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
#: Geneva in English, New York, right to left, Chinese: each a different styles part and heads.
_REPORTS = ("short-en.json", "socdev-new-york.json", "short-ar.json", "short-zh.json")
_MARK = "CacheGuardFont"


def _user_reference(path: Path) -> Path:
    """A python-docx document whose font table, web settings and theme differ from the default's
    (same part names), and whose styles and page are the user's own."""
    from docx.api import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.size = Pt(13)
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in ("word/fontTable.xml", "word/theme/theme1.xml"):
                data = data.replace(b'"Calibri"', f'"{_MARK}"'.encode(), 1)
                assert _MARK.encode() in data
            elif info.filename == "word/webSettings.xml":
                data = data.replace(b"<w:doNotSaveAsSingleFile/>", b"")
            target.writestr(info, data)
    return path


def _cases(tmp_path: Path) -> list[tuple[str, Path | None]]:
    reference = _user_reference(tmp_path / "user.docx")
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes(load(EXAMPLES / "short-fr.json")))
    return [*((name, None) for name in _REPORTS), ("short-en.json", reference), ("short-en.json", draft)]


def _render(name: str, reference: Path | None) -> bytes:
    return docx_bytes(load(EXAMPLES / name), reference_docx=reference)


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def test_reports_rendered_in_turn_give_the_bytes_each_gives_alone(tmp_path: Path) -> None:
    cases = _cases(tmp_path)
    alone = []
    for name, reference in cases:
        forget_caches()
        alone.append(_render(name, reference))
    forget_caches()
    for _ in range(2):  # in turn, twice: each served what the others left
        assert [_render(name, reference) for name, reference in cases] == alone
    # A fresh process, in the opposite order.
    script = (
        "import hashlib, json, sys\nfrom cstd_docs import load\nfrom cstd_docs.writers.docx import docx_bytes\n"
        "cases = json.loads(sys.argv[1])\n"
        "print(json.dumps([hashlib.sha256(docx_bytes(load(n), reference_docx=r)).hexdigest() for n, r in cases]))"
    )
    arguments = [(str(EXAMPLES / name), str(reference) if reference else None) for name, reference in cases][::-1]
    done = subprocess.run([sys.executable, "-c", script, json.dumps(arguments)], capture_output=True, text=True,
                          check=True)
    assert json.loads(done.stdout) == [hashlib.sha256(data).hexdigest() for data in alone][::-1]


def test_a_reference_document_is_never_served_the_defaults_parts(tmp_path: Path) -> None:
    reference = _user_reference(tmp_path / "user.docx")
    default_first = _entries(_render("short-en.json", None))
    theirs = _entries(_render("short-en.json", reference))
    default_after = _entries(_render("short-en.json", None))
    assert default_after == default_first
    for part in ("word/fontTable.xml", "word/theme/theme1.xml"):
        assert _MARK.encode() in theirs[part]
        assert _MARK.encode() not in default_after[part]
    assert b"doNotSaveAsSingleFile" not in theirs["word/webSettings.xml"]
    assert b"doNotSaveAsSingleFile" in default_after["word/webSettings.xml"]
    assert theirs["word/styles.xml"] != default_after["word/styles.xml"]


_STAMP = (2026, 2, 2, 0, 0, 0)
_ENTRIES = [("[Content_Types].xml", b"<Types/>" * 40), ("word/document.xml", bytes(range(256)) * 300),
            ("word/empty.xml", b""), ("word/média/é.png", b"\x89PNG" + b"\x00" * 999)]


def _by_zipfile(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    writer = pz.DatedZip(out, _STAMP)
    for name, blob in entries:
        writer.write(name, blob)
    writer.close()
    return out.getvalue()


def _fast(entries: list[tuple[str, bytes]]) -> bytes:
    writer = pz.FastZip(_STAMP)
    for name, blob in entries:
        writer.write(name, blob)
    return writer.getvalue()


def test_the_small_zip_writer_writes_the_bytes_zipfile_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _by_zipfile(_ENTRIES)
    assert _fast(_ENTRIES) == expected
    assert _fast(_ENTRIES) == expected  # the second time from kept deflated entries
    with zipfile.ZipFile(io.BytesIO(expected)) as package:
        assert package.testzip() is None
        infos = package.infolist()
        assert [(i.filename, package.read(i)) for i in infos] == _ENTRIES
        assert {(i.date_time, i.create_system, i.external_attr >> 16, i.compress_type) for i in infos} == {
            (_STAMP, 3, 0o644, zipfile.ZIP_DEFLATED)
        }
    monkeypatch.setattr(pz, "_ZIP64_SAFE", 500)  # a package too big for the small writer: zipfile writes it all
    assert _fast(_ENTRIES) == expected
    monkeypatch.setattr(pz, "_ZIP64_SAFE", 1 << 30)
    monkeypatch.setattr(pz, "_MOST_ENTRIES", 2)  # too many entries: zipfile too
    assert _fast(_ENTRIES) == expected


def test_what_is_kept_is_bounded() -> None:
    kept: pz.Bounded[str, str] = pz.Bounded(entries=3, size=10)
    for key in "abcd":
        kept.put(key, key.upper(), 2)
    assert (len(kept), kept.held, kept.get("a"), kept.get("d")) == (3, 6, None, "D")
    kept.get("b")  # used: kept longer than c and d
    kept.put("e", "E", 7)  # 13 bytes of 10: the least recently used go until it fits
    assert (kept.get("c"), kept.get("d"), kept.get("b"), kept.get("e"), kept.held) == (None, None, "B", "E", 9)
    kept.put("huge", "H", 11)  # bigger than the whole bound: not kept
    assert kept.get("huge") is None


def test_repeated_renderings_keep_no_more(tmp_path: Path) -> None:
    cases = _cases(tmp_path)
    forget_caches()
    for name, reference in cases:
        _render(name, reference)
    after_one_round = pz.kept_deflated()
    assert after_one_round[0] > 0
    for _ in range(3):
        for name, reference in cases:
            _render(name, reference)
    assert pz.kept_deflated() == after_one_round


def test_python_docx_public_paths_give_the_same_bytes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without python-docx's private reader and content-types writer (a future release), the
    package is opened with ``Document`` and saved with ``save``, then redated: the same bytes."""
    from cstd_docs.writers.docx import package

    cases = _cases(tmp_path)
    fast = [_render(name, reference) for name, reference in cases]
    forget_caches()
    monkeypatch.setattr(package, "_ContentTypesItem", None)
    monkeypatch.setitem(sys.modules, "docx.opc.pkgreader", None)  # its import now fails
    assert [_render(name, reference) for name, reference in cases] == fast
    assert package._default_reader is None  # the public path was taken


def test_reports_rendered_in_threads_give_the_same_bytes(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    cases = _cases(tmp_path) * 3
    alone = [_render(name, reference) for name, reference in cases]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(lambda case: _render(*case), cases)) == alone


def test_each_language_is_served_its_own_styles_and_settings_parts() -> None:
    """The styles and settings parts kept for a language, direction and contents page (writers.docx
    own_parts.py) are the ones written into that report alone, whatever was rendered before."""
    names = [*sorted(path.name for path in EXAMPLES.glob("short-*.json")), "every-construct.json"]
    assert len(names) == 7
    alone = {}
    for name in names:
        forget_caches()
        entries = _entries(_render(name, None))
        alone[name] = (entries["word/styles.xml"], entries["word/settings.xml"])
    forget_caches()
    for name in [*names, *reversed(names)]:
        entries = _entries(_render(name, None))
        assert (entries["word/styles.xml"], entries["word/settings.xml"]) == alone[name]
    assert len({styles for styles, _ in alone.values()}) == 6  # each language its own: the locale in the defaults
    for name, (styles_xml, settings_xml) in alone.items():
        language = load(EXAMPLES / name).language
        assert f'w:lang w:val="{locale(language)}"'.encode() in styles_xml
        assert b'w:styleId="SingleTxtG"' in styles_xml
        assert f'w:themeFontLang w:val="{locale(language)}"'.encode() in settings_xml
        assert (b"w:updateFields" in settings_xml) == (name == "every-construct.json")  # it has a contents page


def test_kept_head_paragraphs_are_served_as_copies_for_their_own_masthead() -> None:
    import attrs
    from lxml import etree

    from cstd_docs.resolve import resolve
    from cstd_docs.writers.docx import page

    plain = resolve(load(EXAMPLES / "short-en.json"))
    report = attrs.evolve(plain, masthead=attrs.evolve(plain.masthead, job_number="GE.25-00001(E)"))
    forget_caches()
    fresh = [etree.tostring(p) for p in page._footer_paragraphs(report, "first")]
    first = page._head_paragraphs(page._footer_paragraphs, report, "first")
    first[0].clear()  # a rendering changes its own copy (a redline marks a changed symbol)
    again = page._head_paragraphs(page._footer_paragraphs, report, "first")
    assert [etree.tostring(p) for p in again] == fresh
    assert b"GE.25-00001(E)" in b"".join(fresh)
    other = attrs.evolve(report, masthead=attrs.evolve(report.masthead, job_number="GE.99-99999(E)"))
    served = b"".join(etree.tostring(p) for p in page._head_paragraphs(page._footer_paragraphs, other, "first"))
    assert b"GE.99-99999(E)" in served and b"GE.25-00001(E)" not in served


def _core(data: bytes) -> bytes:
    return _entries(data)["docProps/core.xml"]


def test_core_properties_kept_between_reports_are_each_reports_own(tmp_path: Path) -> None:
    """The core properties' children kept by their XML before (package._fill_core) take each report's
    title, symbol, language and date; a reference whose root lacks the xsi namespace (python-docx then
    declares it there) is set by python-docx every time."""
    from cstd_docs.writers.docx import package

    names = ("short-en.json", "short-fr.json", "socdev-new-york.json", "e-2025-24-official-records.json")
    reference = _user_reference(tmp_path / "user.docx")
    bare = tmp_path / "bare.docx"  # its core.xml's root without xmlns:xsi, and no dates
    with zipfile.ZipFile(reference) as source, zipfile.ZipFile(bare, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb'<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>', b"", data)
                data = data.replace(b' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"', b"")
                assert b"xsi" not in data
            target.writestr(info, data)
    cases = [*((name, None) for name in names), ("short-ar.json", bare)]
    alone = []
    for name, ref in cases:
        forget_caches()
        alone.append(_core(_render(name, ref)))
    assert len(set(alone)) == len(cases)
    assert b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' in alone[-1].split(b">", 2)[1]
    forget_caches()
    for _ in range(2):
        assert [_core(_render(name, ref)) for name, ref in cases] == alone
    assert len(package._cores()) == 1  # the default base's; the bare root is set by python-docx each time
