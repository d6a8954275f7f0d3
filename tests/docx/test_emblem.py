"""The UN emblem (an image the user gives) in the masthead's first cell, LAYOUT.md §5."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from lxml import etree
from tests.conftest import SHARED, require_file, require_tool
from tests.docx.reports import build_report
from tests.ooxml import WP, w

import cstd_docs
from cstd_docs.cli import main
from cstd_docs.errors import ReportError
from cstd_docs.writers.docx import docx_bytes, render_docx

EMU_PER_TWIP = 635


def _png(width: int, height: int) -> bytes:
    """A real PNG (a blue disc on white), written with zlib alone."""

    def pixel(x: int, y: int) -> bytes:
        inside = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (min(width, height) / 2.2) ** 2
        return b"\x00\x66\xcc" if inside else b"\xff\xff\xff"

    rows = b"".join(b"\x00" + b"".join(pixel(x, y) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture
def emblem(tmp_path: Path) -> Path:
    path = tmp_path / "emblem.png"
    path.write_bytes(_png(300, 250))
    return path


def _first_cell_extent(data: bytes) -> tuple[int, int]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    rows = body.findall(f".//{w('tbl')}/{w('tr')}")
    cell = rows[1].find(w('tc'))  # beside the organ, under the first rule (docs/layout-geneva.md)
    assert cell is not None
    extent = cell.find(f".//{{{WP}}}extent")
    assert extent is not None, "no image in the masthead's first cell"
    assert rows[0].find(f".//{{{WP}}}extent") is None
    return int(extent.get("cx", "0")), int(extent.get("cy", "0"))


def test_the_emblem_fits_the_first_cell_keeping_its_proportions(emblem: Path) -> None:
    data = docx_bytes(build_report(), emblem=emblem)
    cx, cy = _first_cell_extent(data)
    assert cx <= 1260 * EMU_PER_TWIP and cy <= 851 * EMU_PER_TWIP  # within the cell, 1260 wide
    assert abs(cx / cy - 300 / 250) < 0.01
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert [n for n in z.namelist() if n.startswith("word/media/")] == ["word/media/image1.png"]


def test_without_an_emblem_there_is_no_image(emblem: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes(build_report()))) as z:
        assert not any(n.startswith("word/media/") for n in z.namelist())


def test_the_same_emblem_gives_the_same_bytes(emblem: Path) -> None:
    assert docx_bytes(build_report(), emblem=emblem) == docx_bytes(build_report(), emblem=emblem)


def test_a_draft_with_an_emblem_reads_back_exactly(emblem: Path) -> None:
    report = build_report()
    warnings: list[cstd_docs.errors.Problem] = []
    assert cstd_docs.read_docx(docx_bytes(report, emblem=emblem), warnings=warnings) == report
    assert warnings == []


@pytest.mark.parametrize("content", [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n broken", _png(1, 1)[:40]])
def test_a_bad_emblem_is_a_clear_error_and_writes_nothing(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "emblem.png"
    bad.write_bytes(content)
    target = tmp_path / "out.docx"
    with pytest.raises(ReportError) as raised:
        render_docx(build_report(), target, emblem=bad)
    assert str(bad) in str(raised.value) and "PNG" in str(raised.value)
    assert not target.exists()


def test_the_command_line_takes_an_emblem(tmp_path: Path, emblem: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.json"
    source.write_text(cstd_docs.dumps(build_report()), encoding="utf-8")
    out = tmp_path / "out.docx"
    assert main(["render", str(source), "-o", str(out), "--emblem", str(emblem)]) == 0
    assert _first_cell_extent(out.read_bytes())[0] > 0
    # A missing image: exit 1, the file named, no traceback, nothing written.
    missing = tmp_path / "missing.docx"
    assert main(["render", str(source), "-o", str(missing), "--emblem", str(tmp_path / "nope.png")]) == 1
    assert "nope.png" in capsys.readouterr().err
    assert not missing.exists()
    # Markdown has no emblem: bad usage.
    assert main(["render", str(source), "-o", str(tmp_path / "out.md"), "--emblem", str(emblem)]) == 2
    # Batch: every file gets it.
    assert main(["render", str(source), "--out-dir", str(tmp_path / "many"), "--emblem", str(emblem),
                 "--jobs", "1"]) == 0
    assert _first_cell_extent((tmp_path / "many" / "report.docx").read_bytes())[0] > 0


@pytest.mark.interop
def test_validators_and_libreoffice_accept_the_emblem(tmp_path: Path, emblem: Path) -> None:
    validator = require_tool("ooxml-validator")
    shared = require_file(SHARED / "ooxml" / "validate.py", "the shared OOXML validator")
    pdfimages = require_tool("pdfimages")
    require_tool("soffice")
    path = tmp_path / "emblem.docx"
    render_docx(build_report(), path, emblem=emblem)
    found = json.loads(subprocess.run([validator, str(path)], capture_output=True, text=True).stdout)
    assert found["ok"], found["errors"]
    checked = subprocess.run(["python", str(shared), str(path)], capture_output=True, text=True)
    assert "0 errors" in checked.stdout, checked.stdout
    from cstd_docs.writers.pdf import render_pdf

    pdf = tmp_path / "emblem.pdf"
    render_pdf(build_report(), pdf, emblem=emblem)
    listed = subprocess.run([pdfimages, "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listed.splitlines()[2:]]
    assert [r[0] for r in rows] == ["1"]  # one image, on page 1 (LibreOffice may resample it)
    assert abs(int(rows[0][3]) / int(rows[0][4]) - 300 / 250) < 0.02


def _png_with_dpi(width: int, height: int, pixels_per_metre: int) -> bytes:
    """A grey PNG whose pHYs chunk gives ``pixels_per_metre`` (1 rounds to 0 DPI)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", pixels_per_metre, pixels_per_metre, 1))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_an_image_that_says_zero_dpi_is_still_an_emblem(tmp_path: Path) -> None:
    # Word and LibreOffice show such files; the size comes from the pixels alone.
    path = tmp_path / "dpi0.png"
    path.write_bytes(_png_with_dpi(40, 30, 1))
    cx, cy = _first_cell_extent(docx_bytes(build_report(), emblem=path))
    assert abs(cx / cy - 40 / 30) < 0.01


def test_an_oversized_emblem_file_is_refused(tmp_path: Path, emblem: Path) -> None:
    # The image goes whole into the package: a wrong file of gigabytes must not.
    from cstd_docs.writers.docx import EMBLEM_MAX_BYTES

    big = tmp_path / "big.png"
    with big.open("wb") as out:
        out.write(emblem.read_bytes())
        out.truncate(EMBLEM_MAX_BYTES + 1)  # sparse: no disk used
    with pytest.raises(ReportError, match="more than 16 MB"):
        docx_bytes(build_report(), emblem=big)
