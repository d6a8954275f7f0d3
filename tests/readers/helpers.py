"""Helpers for the reader tests: the writer's DOCX with its source, LibreOffice re-saves."""

from __future__ import annotations

import io
import os
import subprocess
import zipfile
from pathlib import Path

from tests.conftest import require_tool

from cstd_docs.model import Report
from cstd_docs.writers.docx import docx_bytes


def has_source(data: bytes) -> bool:
    """Whether a .docx carries a source report, looked for as the file format says (not with embed.py)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return any(name.startswith("customXml/") and b"urn:cstd-docs:source:1" in z.read(name)
                   for name in z.namelist() if name.endswith(".xml"))


def our_docx(report: Report) -> bytes:
    """The Word writer's own .docx of a report; it must carry the source, or round trips test nothing."""
    data = docx_bytes(report)
    assert has_source(data), "the Word writer no longer embeds the source report"
    return data


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
