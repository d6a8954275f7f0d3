"""One paragraph's two versions put together: what is equal kept, what differs deleted and inserted.

First by whole elements (runs, note marks), so that the runs two versions share stay as
they are; then, where runs differ, word by word (a word is a run of non-spaces; tokens
keep their run properties, so italics count). A renumbered paragraph's diff is its number.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable, Iterable

from docx.oxml.ns import qn
from lxml import etree

from cstd_docs.writers.docx.oxml.build import Element, make, text
from cstd_docs.writers.docx.revisions import Mark, Revisions

__all__ = ["paragraph_diff"]

_R, _RPR, _PPR, _T = qn("w:r"), qn("w:rPr"), qn("w:pPr"), qn("w:t")
_NOTE_REFERENCE = qn("w:footnoteReference")
_WORDS = re.compile(r"\s+|[^\s]+")

NoteKey = Callable[[Element], Hashable]
#: A token: its comparison key, the run properties it takes, its content (a word, or an element),
#: and whether that element stands whole (a run, a note-mark run, a bookmark) rather than inside a run.
Token = tuple[Hashable, Element | None, str | Element, bool]
#: A stretch of a paragraph's diff: "equal", "w:del" or "w:ins", with its old and new tokens.
Segment = tuple[str, list[Token], list[Token]]


def _properties_key(properties: Element | None) -> bytes:
    return b"" if properties is None else etree.tostring(properties)


def whole_tokens(children: Iterable[Element], note_key: NoteKey) -> list[Token]:
    """Each run or other element as one token (a note mark keyed by its note, not its number)."""
    out: list[Token] = []
    for child in children:
        if child.tag == _R and child.find(_NOTE_REFERENCE) is not None:
            key: Hashable = ("note", _properties_key(child.find(_RPR)), note_key(child))
        else:
            key = etree.tostring(child)
        out.append((key, None, child, True))
    return out


def word_tokens(children: Iterable[Element], note_key: NoteKey) -> list[Token]:
    """Runs as words, tabs and other run content; a note mark, or anything not a run, stays whole."""
    out: list[Token] = []
    for child in children:
        if child.tag != _R or child.find(_NOTE_REFERENCE) is not None:
            out.extend(whole_tokens((child,), note_key))
            continue
        properties = child.find(_RPR)
        key = _properties_key(properties)
        for piece in child:
            if piece.tag == _RPR:
                continue
            if piece.tag == _T:
                out.extend(((key, word), properties, word, False) for word in _WORDS.findall(piece.text or ""))
            else:
                out.append(((key, str(piece.tag)), properties, piece, False))
    return out


def runs(pieces: list[Token]) -> list[Element]:
    """Elements again from tokens: whole ones as they are, words with the same properties in one run."""
    out: list[Element] = []
    current: Element | None = None
    current_props: Element | None = None
    words: list[str] = []

    def flush_words() -> None:
        if words and current is not None:
            current.append(text("".join(words)))
            words.clear()

    for _, properties, content, whole in pieces:
        if whole:
            flush_words()
            out.append(content)  # type: ignore[arg-type]
            current = None
            continue
        if current is None or properties is not current_props:
            flush_words()
            current = make("w:r", None, _copy(properties))
            current_props = properties
            out.append(current)
        if isinstance(content, str):
            words.append(content)
        else:
            flush_words()
            current.append(content)
    flush_words()
    return out


def _copy(element: Element | None) -> Element | None:
    return None if element is None else etree.fromstring(etree.tostring(element))


def _trimmed_opcodes(a: list[Token], b: list[Token]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes, the common beginning and end cut off first (most edits touch a little)."""
    start = 0
    while start < min(len(a), len(b)) and a[start][0] == b[start][0]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end][0] == b[-1 - end][0]:
        end += 1
    out = [("equal", 0, start, 0, start)] if start else []
    matcher = difflib.SequenceMatcher(None, [t[0] for t in a[start:len(a) - end]],
                                      [t[0] for t in b[start:len(b) - end]], autojunk=False)
    out += [(tag, i1 + start, i2 + start, j1 + start, j2 + start) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    if end:
        out.append(("equal", len(a) - end, len(a), len(b) - end, len(b)))
    return out


def segments(a: list[Token], b: list[Token], note_keys: tuple[NoteKey, NoteKey] | None = None) -> list[Segment]:
    """The diff of two token lists. With ``note_keys``, the tokens are whole elements and runs
    that differ are compared again word by word."""
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in _trimmed_opcodes(a, b):
        if tag == "equal":
            out.append(("equal", a[i1:i2], b[j1:j2]))
        elif tag == "replace" and note_keys is not None:
            old = word_tokens((t[2] for t in a[i1:i2]), note_keys[0])  # type: ignore[misc]
            new = word_tokens((t[2] for t in b[j1:j2]), note_keys[1])  # type: ignore[misc]
            out.extend(segments(old, new))
        else:
            if i2 > i1:
                out.append(("w:del", a[i1:i2], []))
            if j2 > j1:
                out.append(("w:ins", [], b[j1:j2]))
    return out


def _last_words(segment: Segment, note_keys: tuple[NoteKey, NoteKey]) -> Segment:
    """An equal segment whose last token, a whole run, is cut into words (to take the last one along)."""
    kind, old, new = segment
    if old and old[-1][3] and isinstance(old[-1][2], etree._Element) and old[-1][2].tag == _R:
        old = [*old[:-1], *word_tokens((old[-1][2],), note_keys[0])]
        new = [*new[:-1], *word_tokens((new[-1][2],), note_keys[1])]  # type: ignore[arg-type]
    return kind, old, new


def _not_ending_with(out: list[Segment], mark: str, note_keys: tuple[NoteKey, NoteKey]) -> list[Segment]:
    """``out`` rearranged so that the paragraph does not end with a ``mark`` revision.

    LibreOffice joins a revision at the very end of a paragraph with a revision of the
    same kind on the whole next paragraph, paragraph mark between them included: rejecting
    (or accepting) would then merge the two paragraphs. So an insertion and deletion at the
    end swap places, and a lone one takes the word before it along (deleted and inserted).
    """
    if len(out) < 2 or out[-1][0] != mark:
        return out
    kind, before = out[-1], out[-2]
    if before[0] in ("w:del", "w:ins"):
        return [*out[:-2], kind, before]
    before = _last_words(before, note_keys)
    old_word, new_word = before[1][-1], before[2][-1]
    if old_word[3] or new_word[3]:  # a note mark or a whole element: keep it where it is
        return out
    rest: list[Segment] = [("equal", before[1][:-1], before[2][:-1])] if len(before[1]) > 1 else []
    if mark == "w:ins":
        return [*out[:-2], *rest, ("w:ins", [], [new_word, *kind[2]]), ("w:del", [old_word], [])]
    return [*out[:-2], *rest, ("w:del", [old_word, *kind[1]], []), ("w:ins", [], [new_word])]


def paragraph_diff(old: Element, new: Element, revisions: Revisions, old_note: NoteKey, new_note: NoteKey,
                   followed_by: Mark | None = None) -> Element:
    """``new`` with its content diffed against ``old``'s: deleted words, then inserted ones.

    ``old_note`` and ``new_note`` key a note-mark run (paired notes get the same key, so an
    unchanged mark stays as it is); ``followed_by``: the revision on the whole next
    paragraph, if any. Returns ``new``, changed in place; ``old`` is used up.
    """
    keys = (old_note, new_note)
    old_children = [c for c in old if c.tag != _PPR]
    new_children = [c for c in new if c.tag != _PPR]
    for child in new_children:
        new.remove(child)
    out = segments(whole_tokens(old_children, old_note), whole_tokens(new_children, new_note), keys)
    if followed_by in ("w:ins", "w:del"):
        out = _not_ending_with(out, followed_by, keys)
    revisions.property_change(new, old)
    for kind, old_tokens, new_tokens in out:
        if kind == "equal":
            for element in runs(new_tokens):
                new.append(element)
        else:
            new.append(revisions.wrap(kind, runs(old_tokens if kind == "w:del" else new_tokens)))  # type: ignore[arg-type]
    return new
