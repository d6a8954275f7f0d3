"""The lettered items of a list: (a), then (i), then a., then i. (shared by report paragraphs and
the operative paragraphs of a resolution)."""

from __future__ import annotations

from attrs import field, frozen

from cstd_docs.model.inline import Inlines, to_inlines, to_tuple
from cstd_docs.model.typed import typed_fields


@frozen(field_transformer=typed_fields)
class Subparagraph:
    """A lettered item of a paragraph's list: (a), then (i), then a., then i."""

    id: str | None = field(default=None, kw_only=True)
    text: Inlines = field(converter=to_inlines)
    subparagraphs: tuple[Subparagraph, ...] = field(default=(), converter=to_tuple)
