"""Word drafts in the UN Geneva layout, with real Word footnotes (LAYOUT.md).

``render_docx(report, path)`` writes a .docx; ``docx_bytes(report)`` returns its bytes.
The same report always gives the same bytes. ``reference_docx`` takes styles, settings
and page setup from a user's .docx/.dotx (e.g. the UN's own template); the content keeps
the template's style ids, and any the file lacks are added.

Layering follows python-docx: ``oxml`` holds element classes (registered with its parser),
``parts`` the footnotes part class (registered with its ``PartFactory``); both are
imported here, before any document is opened.
"""

from __future__ import annotations

import datetime
import gc
import os
from pathlib import Path
from typing import Protocol

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.parts.document import DocumentPart

from cstd_docs.errors import ReportError
from cstd_docs.model import Emphasis, Link, Report, Strong, StrongEmphasis
from cstd_docs.outputs import write_atomically
from cstd_docs.perf import frozen_gc, gc_paused
from cstd_docs.resolve.document import ResolvedReport, Runs
from cstd_docs.writers.docx import content, inline_runs, lists, notes, official, own_parts, page, styles
from cstd_docs.writers.docx import parts as _parts  # registers FootnotesPart before anything is opened
from cstd_docs.writers.docx.layout import LAYOUTS
from cstd_docs.writers.docx.oxml import CT_Footnotes
from cstd_docs.writers.docx.oxml.build import Element, make
from cstd_docs.writers.docx.package import (
    drop_embedded_sources,
    drop_unused_content_rels,
    open_base,
    package_bytes,
    served_made,
    set_properties,
)
from cstd_docs.writers.docx.styled import relate_hyperlinks
from cstd_docs.writers.docx.tables import mirror_tables, relate_images

__all__ = ["Story", "docx_bytes", "render_docx", "story_bytes"]

FootnotesPart = _parts.FootnotesPart


class Story(Protocol):
    """What fills the body and the notes part; everything around them is the same for all.

    The report's own rendering is :class:`_Rendering`; a redline (writers/docx/redline.py)
    lays out two versions with revisions between them.
    """

    def body(self, resolved: ResolvedReport, links: inline_runs.NoteLinks, emblem: Element | None) -> list[Element]: ...

    def notes(self, footnotes: CT_Footnotes, resolved: ResolvedReport) -> None: ...

    def heads(self, roots: list[Element], resolved: ResolvedReport) -> None:
        """Called with the running heads once laid out (a redline marks a changed symbol)."""


class _Rendering:
    def body(self, resolved: ResolvedReport, links: inline_runs.NoteLinks, emblem: Element | None) -> list[Element]:
        first = official.pages(resolved, links, emblem) if resolved.official_records is not None else None
        return content.body(resolved, links, emblem, first)

    def notes(self, footnotes: CT_Footnotes, resolved: ResolvedReport) -> None:
        notes.write_notes(footnotes, resolved.notes)

    def heads(self, roots: list[Element], resolved: ResolvedReport) -> None:
        pass


def _resolved(report: Report | ResolvedReport) -> ResolvedReport:
    if isinstance(report, ResolvedReport):
        return report
    from cstd_docs.resolve import resolve

    return resolve(report)


def _plain(runs: Runs) -> str:
    return "".join(r if isinstance(r, str) else r.text for r in runs
                   if isinstance(r, (str, Emphasis, Strong, Link, StrongEmphasis)))


#: The emblem's box: the first cell of the masthead's second row, beside the organ (1260 twips wide), less a margin.
EMBLEM_MAX_WIDTH = 1134 * 635  # EMU: 2 cm
EMBLEM_MAX_HEIGHT = 794 * 635  # 1.4 cm
EMBLEM_MAX_BYTES = 16 * 1024 * 1024


def _emblem(document_part: DocumentPart, path: str | os.PathLike[str]) -> Element:
    """A ``w:drawing`` of the image at ``path``, scaled to fit the emblem's box."""
    from docx.image.exceptions import InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError
    from docx.image.image import Image

    where = os.fspath(path)
    try:
        size = os.path.getsize(where)
        if size > EMBLEM_MAX_BYTES:  # read whole into the package: a wrong file could be huge
            limit = EMBLEM_MAX_BYTES // 1024 // 1024
            raise ReportError.single(
                where, f"the emblem image is {size / 1024 / 1024:.0f} MB, more than {limit} MB",
                "give the emblem as a small PNG or JPEG",
            )
        image = Image.from_file(where)
        # From the pixel size, not python-docx's width (pixels / DPI): some files say 0 DPI.
        scale = min(EMBLEM_MAX_WIDTH / image.px_width, EMBLEM_MAX_HEIGHT / image.px_height)
        inline = document_part.new_pic_inline(
            where, max(1, int(image.px_width * scale)), max(1, int(image.px_height * scale))
        )
    except FileNotFoundError:
        raise ReportError.single(where, "the emblem image does not exist", "give the path of a PNG or JPEG file") \
            from None
    except (UnrecognizedImageError, UnexpectedEndOfFileError, InvalidImageStreamError, OSError, ValueError,
            ZeroDivisionError) as error:  # python-docx's image errors, and a zero-sized image
        raise ReportError.single(
            where, f"cannot read the emblem image ({type(error).__name__})", "give a PNG, JPEG, GIF or BMP file"
        ) from None
    return make("w:drawing", None, inline)


def docx_bytes(
    report: Report | ResolvedReport,
    *,
    reference_docx: str | os.PathLike[str] | None = None,
    emblem: str | os.PathLike[str] | None = None,
) -> bytes:
    """The .docx of a report (or of an already resolved one), as bytes.

    ``emblem``: an image (PNG, JPEG, …) for the masthead's first column, beside the organ, scaled to fit.
    """
    return story_bytes(_resolved(report), _Rendering(), reference_docx=reference_docx, emblem=emblem)


def story_bytes(
    resolved: ResolvedReport,
    story: Story,
    *,
    reference_docx: str | os.PathLike[str] | None = None,
    emblem: str | os.PathLike[str] | None = None,
) -> bytes:
    """The .docx of ``resolved`` with its body and notes laid out by ``story``."""
    # python-docx's package is a graph of cycles (parts, proxies, relationships) holding
    # all the XML. The collector would free it only once more objects were made than
    # freed: a program rendering in a loop kept several reports' XML (60 MiB each for
    # 10,000 paragraphs). So it is collected as soon as it is garbage. Objects alive
    # before (the report: millions for 50,000 paragraphs) are frozen meanwhile, so that
    # collection looks at the rendering's objects only.
    with frozen_gc():
        data = _build(resolved, story, reference_docx, emblem)
        gc.collect(0)
    return data


def _emptied_body(document_part: DocumentPart) -> Element:
    """The body emptied but for its final section properties (made if missing), which are
    returned: everything the writer lays out goes before them."""
    body: Element = document_part.element.body
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is None:
        sect_pr = make("w:sectPr")
        body.append(sect_pr)
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    return sect_pr


def _relate_hyperlinks(document_part: DocumentPart, footnotes: Element) -> None:
    """Each hyperlink's external relationship, in the part that holds it (the text, the notes)."""
    relate_hyperlinks(document_part.element, document_part)
    relate_hyperlinks(footnotes, FootnotesPart.of(document_part))


def _styles_and_settings(document_part: DocumentPart, resolved: ResolvedReport, own: bool) -> None:
    """Our styles (or the ones a reference .docx lacks) and the document settings."""
    if own and served_made(document_part, RT.STYLES, RT.SETTINGS):
        return  # opened with _own_parts' bytes
    if own:
        styles.write_styles(document_part.styles.element, resolved.language, resolved.right_to_left)
    else:
        styles.add_missing_styles(document_part.styles.element, resolved.right_to_left, resolved.language)
    page.apply_settings(document_part.settings.element, resolved.language, own=own,
                        update_fields=resolved.contents is not None)


def _own_parts(resolved: ResolvedReport) -> dict[str, bytes]:
    """The styles and settings parts of a report without a reference document, by content type:
    made once (own_parts.py), and served as bytes, never parsed nor serialised again."""
    return {
        CT.WML_STYLES: own_parts.styles_xml(resolved.language, resolved.right_to_left),
        CT.WML_SETTINGS: own_parts.settings_xml(resolved.language, resolved.contents is not None),
    }


def _pages(document_part: DocumentPart, sect_pr: Element, resolved: ResolvedReport, own: bool, story: Story) -> None:
    """Page setup and running heads: ours, or the reference document's page setup kept."""
    page.remove_heads(document_part, sect_pr)
    if own:
        page.own_page_setup(sect_pr, resolved.right_to_left, LAYOUTS[resolved.layout].page,
                            max(len(resolved.masthead.symbols), 1))
    else:
        page.keep_page_setup(sect_pr)
        drop_unused_content_rels(document_part)
        drop_embedded_sources(document_part)
    # Only the Official Records have a cover (official.pages); looking walks every paragraph.
    cover = official.cover_break(document_part.element.body) if resolved.official_records is not None else None
    if cover is not None:  # the Official Records' cover: a section of its own
        page.cover_section(document_part, cover, sect_pr, resolved)
    page.add_heads(document_part, sect_pr, resolved)
    story.heads(page.head_roots(document_part), resolved)


@gc_paused  # hundreds of thousands of elements and no cycles to find: collections only cost (perf.py)
def _build(
    resolved: ResolvedReport,
    story: Story,
    reference_docx: str | os.PathLike[str] | None,
    emblem: str | os.PathLike[str] | None,
) -> bytes:
    own = reference_docx is None
    made = _own_parts(resolved) if own else None
    document_part = open_base(reference_docx, made)

    _styles_and_settings(document_part, resolved, own)

    sect_pr = _emptied_body(document_part)
    links = inline_runs.NoteLinks(resolved.notes, resolved.note_mark_separator)
    drawing = _emblem(document_part, emblem) if emblem is not None else None
    for element in story.body(resolved, links, drawing):
        sect_pr.addprevious(element)
    links.check_all_referenced()
    lists.number_bullets(document_part.element, document_part)
    relate_images(document_part)

    _pages(document_part, sect_pr, resolved, own, story)

    # Notes.
    footnotes = FootnotesPart.of(document_part).footnotes
    story.notes(footnotes, resolved)
    _relate_hyperlinks(document_part, footnotes)

    if resolved.right_to_left:
        from cstd_docs.writers.docx.bidi import mark_right_to_left_runs  # Arabic only: 0.6 ms of other starts

        for root in (document_part.element, footnotes, *page.head_roots(document_part)):
            mark_right_to_left_runs(root)
        mirror_tables(document_part.element.body)

    # The source report, carried invisibly so an edited draft reads back with its ids
    # and registry (after the unused relationships were dropped, so it stays).
    from cstd_docs.embed import attach_source

    attach_source(document_part, resolved.source)

    date = resolved.source.masthead.date or NO_DATE
    package = document_part.package
    set_properties(
        package,
        title=_plain(resolved.title),
        symbol=resolved.masthead.symbol,
        language=styles.locale(resolved.language),
        date=date,
    )
    return package_bytes(package, date)


#: The date a package is stamped with when the report gives none yet: the zip format's first day,
#: so that the same report still makes the same bytes.
NO_DATE = datetime.date(1980, 1, 1)


def forget_caches() -> None:
    """Drop what this process kept between renderings: the base package, the styles and settings
    parts, the core properties, deflated parts, element prototypes and run templates, head parts
    and paragraphs (tests: a rendering from a fresh state)."""
    from cstd_docs.writers.docx import package
    from cstd_docs.writers.docx.oxml import build

    package.forget_caches()
    own_parts.forget()
    build.forget_prototypes()
    page.forget_head_templates()


def render_docx(
    report: Report | ResolvedReport,
    path: str | os.PathLike[str],
    *,
    reference_docx: str | os.PathLike[str] | None = None,
    emblem: str | os.PathLike[str] | None = None,
) -> None:
    """Write the report's .docx to ``path`` atomically (an existing file survives any failure)."""
    data = docx_bytes(report, reference_docx=reference_docx, emblem=emblem)
    write_atomically(Path(path), data)
