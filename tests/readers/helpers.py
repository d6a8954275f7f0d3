"""Helpers for the reader tests: our own DOCX with its source, LibreOffice re-saves."""

from __future__ import annotations

import io
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from tests.conftest import require_tool

from cstd_docs.model import Report


def docx_writer():  # type: ignore[no-untyped-def]
    """``docx_bytes`` of the Word writer, or skip with the reason."""
    try:
        from cstd_docs.writers.docx import docx_bytes
    except ImportError as error:  # the writer is written by another engineer
        pytest.skip(f"cstd_docs.writers.docx does not import yet: {error}")
    return docx_bytes


def has_source(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return any(name.startswith("customXml/") and b"urn:cstd-docs:source:1" in z.read(name)
                   for name in z.namelist() if name.endswith(".xml"))


def our_docx(report: Report) -> bytes:
    """Our DOCX of a report, carrying its source (added here until the writer does it)."""
    data: bytes = docx_writer()(report)
    if has_source(data):
        return data
    import docx
    from cstd_docs.embed import attach_source

    document = docx.Document(io.BytesIO(data))
    attach_source(document.part, report)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def libreoffice_resave(path: Path, workdir: Path) -> Path:
    """Let LibreOffice (headless) open and re-save a .docx; the result is LibreOffice's file."""
    soffice = require_tool("soffice")
    out_dir = workdir / "resaved"
    out_dir.mkdir(exist_ok=True)
    profile = workdir / "lo-profile"
    env = {**os.environ, "HOME": str(workdir)}
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "docx",
         "--outdir", str(out_dir), str(path)],
        capture_output=True, timeout=180, env=env, check=False,
    )
    output = out_dir / path.name
    assert output.exists(), f"LibreOffice did not write {output}: {result.stderr.decode(errors='replace')}"
    assert output.read_bytes() != path.read_bytes()
    return output
