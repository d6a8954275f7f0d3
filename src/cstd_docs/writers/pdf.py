"""PDF and PNG previews of a report, through headless LibreOffice and poppler's pdftoppm.

LibreOffice is found by the CSTD_SOFFICE environment variable, on PATH, or where its
installers put it on Windows and macOS (``find_soffice``). The .docx is rendered in
memory, converted by ``soffice --headless --convert-to pdf`` in a temporary folder with
a profile of its own (so parallel runs never share one), and the result is written
atomically. ``preview`` rasterises the first pages with ``pdftoppm``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from cstd_docs.errors import ReportError
from cstd_docs.outputs import write_atomically

if TYPE_CHECKING:
    from cstd_docs.model import Report
    from cstd_docs.resolve.document import ResolvedReport

__all__ = ["find_soffice", "preview", "render_pdf"]

#: Seconds LibreOffice may take for one document (its first start with a new profile is slow).
CONVERT_TIMEOUT = 300
RASTER_TIMEOUT = 120
#: Resolution of preview images, in dots per inch.
PREVIEW_DPI = 100


#: The environment variable naming LibreOffice's ``soffice`` where it is not found otherwise.
SOFFICE_VARIABLE = "CSTD_SOFFICE"

#: How to install each tool, by platform (``sys.platform``'s prefix); "linux" is the fallback.
INSTALL_HINTS: dict[str, dict[str, str]] = {
    "soffice": {
        "win32": "install LibreOffice from https://www.libreoffice.org/download/ "
        "(or: winget install TheDocumentFoundation.LibreOffice)",
        "darwin": "install LibreOffice: brew install --cask libreoffice, or https://www.libreoffice.org/download/",
        "linux": "install LibreOffice Writer (Debian, Ubuntu: sudo apt-get install libreoffice-writer; "
        "Fedora: sudo dnf install libreoffice-writer)",
    },
    "pdftoppm": {
        "win32": "install poppler (e.g. conda install -c conda-forge poppler) and put its bin folder on PATH",
        "darwin": "install poppler: brew install poppler",
        "linux": "install poppler-utils (Debian, Ubuntu: sudo apt-get install poppler-utils; "
        "Fedora: sudo dnf install poppler-utils)",
    },
}


def _platform(platform: str) -> str:
    return "win32" if platform.startswith("win") else "darwin" if platform == "darwin" else "linux"


def soffice_places(platform: str = sys.platform, environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Where LibreOffice installs ``soffice`` on this platform, when it is not on PATH."""
    kind = _platform(platform)
    if kind == "win32":
        folders = [environ.get(name) for name in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")]
        found = [f for f in folders if f] or ["C:\\Program Files"]
        return [Path(f) / "LibreOffice" / "program" / "soffice.exe" for f in dict.fromkeys(found)]
    if kind == "darwin":
        app = Path("LibreOffice.app") / "Contents" / "MacOS" / "soffice"
        return [Path("/Applications") / app, Path(environ.get("HOME", "~")) / "Applications" / app]
    return [Path("/usr/lib/libreoffice/program/soffice"), Path("/opt/libreoffice/program/soffice")]


def _missing(tool: str, purpose: str, platform: str) -> ReportError:
    hint = INSTALL_HINTS[tool][_platform(platform)]
    if tool == "soffice":
        hint += f"; or set {SOFFICE_VARIABLE} to the soffice program"
    return ReportError.single(tool, f"{tool} was not found; it is needed {purpose}", hint)


def find_soffice(platform: str = sys.platform, environ: Mapping[str, str] = os.environ) -> str:
    """LibreOffice's ``soffice``: named by CSTD_SOFFICE, on PATH, or where it installs itself."""
    named = environ.get(SOFFICE_VARIABLE)
    if named:
        if Path(named).is_file() and os.access(named, os.X_OK):
            return named
        raise ReportError.single(
            SOFFICE_VARIABLE, f"{named!r} is not a program that can be run",
            f"set {SOFFICE_VARIABLE} to LibreOffice's soffice (e.g. {soffice_places(platform, environ)[0]}), "
            "or unset it to search PATH",
        )
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return found
    for place in soffice_places(platform, environ):
        if place.is_file():
            return str(place)
    raise _missing("soffice", "to convert Word documents to PDF", platform)


def _pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        raise _missing("pdftoppm", "to turn PDF pages into images", sys.platform)
    return found


def _run(command: list[str], what: str, timeout: int) -> None:
    """Run a tool in a process group of its own, so a hung LibreOffice is stopped whole.

    ``soffice`` is a launcher whose child does the work; killing only the launcher would
    leave the child running. On timeout the whole group is killed; so it is on Ctrl-C or
    SIGTERM, which its own session does not receive (it would go on writing into the
    temporary folder being removed, and leave it behind).
    """
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
    except OSError as error:
        raise ReportError.single(command[0], f"{what} could not start: {error}",
                                 "check that the program runs by itself (CSTD_SOFFICE may name another)") from None
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise ReportError.single(command[0], f"{what} took longer than {timeout} seconds and was stopped",
                                 "try again on a less busy machine, or render .docx and convert it yourself") from None
    except BaseException:
        _stop(process)
        raise
    if process.returncode != 0:
        detail = (stderr or stdout).strip().splitlines()
        raise ReportError.single(
            command[0], f"{what} failed (exit {process.returncode})" + (f": {detail[-1]}" if detail else ""),
            "render the report as .docx and open it in LibreOffice to see why",
        )


def _stop(process: subprocess.Popen[str]) -> None:
    """Kill a tool's process group and wait for the tool."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def _convert(
    report: Report | ResolvedReport,
    folder: Path,
    reference_docx: str | os.PathLike[str] | None,
    emblem: str | os.PathLike[str] | None = None,
) -> Path:
    """Write the .docx into ``folder`` and convert it there; return the PDF's path."""
    from cstd_docs.writers.docx import docx_bytes

    soffice = find_soffice()
    data = docx_bytes(report, reference_docx=reference_docx, emblem=emblem)
    source = folder / "report.docx"
    source.write_bytes(data)
    profile = (folder / "profile").as_uri()
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(source),
    ]
    _run(command, "LibreOffice's conversion to PDF", CONVERT_TIMEOUT)
    pdf = folder / "report.pdf"
    if not pdf.is_file():
        raise ReportError.single(
            soffice,
            "LibreOffice ended without writing a PDF",
            "render the report as .docx and open it in LibreOffice to see why",
        )
    return pdf


def render_pdf(
    report: Report | ResolvedReport,
    path: str | os.PathLike[str],
    *,
    reference_docx: str | os.PathLike[str] | None = None,
    emblem: str | os.PathLike[str] | None = None,
) -> None:
    """Write the report as PDF (its Word layout, converted by LibreOffice) to ``path``, atomically."""
    with tempfile.TemporaryDirectory(prefix="cstd-docs-pdf-") as temporary:
        pdf = _convert(report, Path(temporary), reference_docx, emblem)
        write_atomically(Path(path), pdf.read_bytes())


def preview(
    report: Report | ResolvedReport,
    out_dir: str | os.PathLike[str],
    *,
    pages: int = 2,
    reference_docx: str | os.PathLike[str] | None = None,
    emblem: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """PNG images of the first ``pages`` pages, written to ``out_dir`` as page-1.png, page-2.png, …"""
    if pages < 1:
        raise ReportError.single("pages", f"asked for {pages} pages", "ask for at least one page")
    folder = Path(out_dir)
    if not folder.is_dir():
        raise ReportError.single(str(folder), "the output folder does not exist", "create it first")
    # Both tools are looked for before any work, so a missing one is reported at once.
    find_soffice()
    pdftoppm = _pdftoppm()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="cstd-docs-preview-") as temporary:
        work = Path(temporary)
        pdf = _convert(report, work, reference_docx, emblem)
        prefix = work / "page"
        _run(
            [pdftoppm, "-png", "-r", str(PREVIEW_DPI), "-f", "1", "-l", str(pages), str(pdf), str(prefix)],
            "pdftoppm",
            RASTER_TIMEOUT,
        )
        # pdftoppm pads page numbers to the width of the page count: page-1.png or page-01.png.
        images = sorted(work.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        for image in images:
            number = int(image.stem.rsplit("-", 1)[1])
            target = folder / f"page-{number}.png"
            write_atomically(target, image.read_bytes())
            written.append(target)
    return written
