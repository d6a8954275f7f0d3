"""A footnote paragraph's layout in Word, told from its text: the writer's "TAB mark TAB text", Word's
own numbered mark or a typed one ("*", an instrument's restarted "1"), and what LibreOffice's re-save
makes of them ("mark TAB TAB text", "* TAB * TAB text")."""

from __future__ import annotations

import re

from cstd_docs.readers.tokens import Break, OwnMark, Tab, Text, Token

__all__ = ["note_body"]


def _blank(token: Token) -> bool:
    return isinstance(token, (Tab, Break)) or (isinstance(token, Text) and not token.text.strip())


def note_body(tokens: list[Token]) -> list[Token]:
    """A footnote paragraph without its mark and the tabs around it: "TAB mark TAB text", "TAB * TAB text"."""
    marks = [i for i, t in enumerate(tokens) if isinstance(t, OwnMark)]
    if marks:
        before = sum(1 for t in tokens[: marks[0]] if isinstance(t, Tab))
        tokens = tokens[marks[0] + 1 :]
        if tokens and isinstance(tokens[0], Tab):
            # The layout's tabs: TAB mark TAB (LibreOffice re-saves it mark TAB TAB); the rest is
            # the note's text, its own blanks included
            for _ in range(max(2 - before, 1)):
                if tokens and isinstance(tokens[0], Tab):
                    tokens = tokens[1:]
            return tokens
    else:  # a typed mark ("*"): TAB * TAB text; LibreOffice's re-save: * TAB * TAB text
        typed = 0
        for _ in range(3):
            tabs = [i for i, t in enumerate(tokens) if isinstance(t, Tab)]
            if not tabs:
                break
            head = "".join(t.text for t in tokens[: tabs[0]] if isinstance(t, Text)).strip()
            # after the mark, a tab with nothing before it is the note's own text (LibreOffice's
            # re-save repeats the mark itself: "* TAB * TAB text")
            if not re.fullmatch(r"[*\d†‡§]*", head) or (head and typed == 2) or (typed and not head):
                break
            tokens = tokens[tabs[0] + 1 :]
            typed += bool(head)
        if typed:
            return tokens  # the layout's tabs taken: the rest is the note's text, its own blanks included
    while tokens and _blank(tokens[0]):
        tokens = tokens[1:]
    if marks and len(tokens) > 1 and isinstance(tokens[0], Text) and isinstance(tokens[1], Tab) and re.fullmatch(
            r"[*†‡§]+", tokens[0].text.strip()):  # a custom mark typed after the note's own (LibreOffice's copies)
        tokens = tokens[2:]
    return tokens
