"""Readers: Word and Markdown drafts back into the report model (docs/round-trip.md).

``read_docx(path, *, warnings=None)`` and ``read_markdown(text, *, warnings=None)``
return the :class:`~cstd_docs.model.Report`; everything that could not be mapped is
appended, as :class:`~cstd_docs.errors.Problem`, to the ``warnings`` list the caller
passes. ``import_file(path)`` returns both at once as :class:`Imported`.

Every report they return passes the checks ``load`` makes (:mod:`.admit`): what cannot
be kept is cut with a warning, or the draft is refused with a :class:`ReportError`.

The stages, each a module here, with typed data between them (nothing is changed
once made):

- format readers: ``docx`` (on ``package``, ``wordml`` and ``tokens``) and ``markdown``
  (on ``markdown_inline``) sort what a draft shows into the masthead, the lines under it,
  the title and typed body lines (``classify.HeadingLine``, ``classify.TextLine``);
- ``classify``: each body line becomes a heading, a paragraph, a subparagraph or
  unnumbered text (``visible.VBlock``), the one place this is decided;
- ``assemble`` on the base the draft carries: ``base`` (its resolved blocks with the nodes
  they came from), ``match`` (each visible block paired with a base block by text),
  ``masthead``, ``front``, ``body`` (the tree), ``refs`` (references to deleted blocks);
- ``admit``: the report passes the checks ``load`` makes before anyone can write it.

Documents not made by us (docs/import.md): ``families`` loads the style families (the UN
Geneva, New York and Word's own, and the user's ``--styles`` file), ``stylemap`` gives each
of a document's styles its role; ``losses`` finds what a paragraph holds that the model
cannot keep and ``coverage`` counts the document's words apart from the reader and sums up
what the import kept (``Imported.coverage``).
"""

from __future__ import annotations

import os
from pathlib import Path

from attrs import frozen

from cstd_docs.errors import Problem, ReportError
from cstd_docs.model import Report
from cstd_docs.readers.coverage import Coverage, Losses, coverage, markdown_words, printed_words
from cstd_docs.readers.families import StyleFamily, load_family

__all__ = ["Imported", "import_file", "read_docx", "read_markdown"]


@frozen
class Imported:
    """A report read from a document, and what could not be mapped."""

    report: Report
    warnings: tuple[Problem, ...]
    #: What the import kept of a Word document: its words, and what was not kept by kind.
    coverage: Coverage | None = None


#: A style family: a JSON file's path, or the family already loaded.
Styles = str | os.PathLike[str] | StyleFamily


def read_docx(path: str | os.PathLike[str] | bytes, *, warnings: list[Problem] | None = None,
              styles: Styles | None = None, losses: Losses | None = None) -> Report:
    """``styles``: the user's own style family (docs/import.md), asked before the built-in ones;
    ``losses``: filled in with what could not be kept and the document's words (``coverage``)."""
    from cstd_docs.readers.admit import admitted
    from cstd_docs.readers.docx import read_docx as read
    from cstd_docs.readers.numbers import renumbered
    from cstd_docs.resolve import resolve

    sink: list[Problem] = [] if warnings is None else warnings
    source = "document.docx" if isinstance(path, bytes) else os.fspath(path)
    families = () if styles is None else (styles if isinstance(styles, StyleFamily) else load_family(styles),)
    losses = losses if losses is not None else Losses()
    report = admitted(read(path, warnings=sink, families=families, losses=losses), source=source, warnings=sink)
    doc = resolve(report)  # once, for the numbers it prints and the words (coverage)
    renumbered(doc, losses, lambda where, message, hint: sink.append(Problem(f"{source}:{where}", message, hint)))
    losses.report_words = printed_words(doc)
    return report


def read_markdown(text: str, *, warnings: list[Problem] | None = None, source: str = "markdown",
                  losses: Losses | None = None) -> Report:
    """``losses``: filled in with the draft's words and the numbers it printed (``coverage``)."""
    from cstd_docs.readers.admit import admitted
    from cstd_docs.readers.markdown import read_markdown as read
    from cstd_docs.readers.numbers import renumbered
    from cstd_docs.resolve import resolve

    sink: list[Problem] = [] if warnings is None else warnings
    losses = losses if losses is not None else Losses()
    report = admitted(read(text, warnings=sink, source=source, losses=losses), source=source, warnings=sink)
    doc = resolve(report)
    renumbered(doc, losses, lambda where, message, hint: sink.append(Problem(f"{source}:{where}", message, hint)))
    losses.report_words = printed_words(doc)
    losses.document_words = markdown_words(text)
    return report


def import_file(path: str | os.PathLike[str], *, styles: Styles | None = None) -> Imported:
    """Read a .docx, .md or .json file by its extension; a draft's coverage comes with it."""
    file = Path(path)
    suffix = file.suffix.lower()
    warnings: list[Problem] = []
    if suffix == ".docx":
        losses = Losses()
        report = read_docx(file, warnings=warnings, styles=styles, losses=losses)
        return Imported(report, tuple(warnings), coverage(report, losses))
    elif suffix in (".md", ".markdown"):
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as error:
            raise ReportError.single(str(file), f"cannot read the file: {error.strerror or error}",
                                     "check the path and that it is a file") from None
        except UnicodeDecodeError as error:
            raise ReportError.single(str(file), f"byte {error.object[error.start]:#04x} at offset {error.start} "
                                     "is not UTF-8 text", "save the draft as UTF-8 text; a Word document is "
                                     "imported as .docx") from None
        losses = Losses()
        report = read_markdown(text, warnings=warnings, source=str(file), losses=losses)
        return Imported(report, tuple(warnings), coverage(report, losses))
    elif suffix == ".json":
        from cstd_docs.jsonio import load

        report = load(file)
    else:
        raise ReportError.single(str(file), f"cannot read {suffix or 'a file without extension'}",
                                 "use a .docx, .md or .json file")
    return Imported(report, tuple(warnings))
