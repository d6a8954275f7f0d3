"""How a cross-reference's target is named where a format needs a name: Word bookmarks.

The Word writer puts a bookmark on the number of each block that a cross-reference
names and writes the reference as a REF field to it; the Word reader turns such a field
back into a cross-reference, even in a paragraph the user edited. Both sides name the
bookmark from the target's id with :func:`bookmark_name`, so the reader needs no table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:  # CPython's own SHA-1: the same digest as hashlib's without loading OpenSSL (3 ms of every start)
    from _sha1 import sha1 as _sha1  # type: ignore[import-not-found]
except ImportError:  # an interpreter built without it
    from hashlib import sha1 as _sha1

_digest: Callable[[bytes], Any] = _sha1

__all__ = ["BOOKMARK_PREFIX", "bookmark_name"]

#: Word hides bookmarks whose names start with "_" (its own cross-reference bookmarks
#: are "_Ref" and digits); "Cstd" keeps ours apart from the user's.
BOOKMARK_PREFIX = "_RefCstd"


def bookmark_name(target: str) -> str:
    """The bookmark for the block with id ``target``: 20 characters of letters and digits.

    Word allows 40 characters, letters, digits and "_", so ids ("p-themes") are hashed
    rather than spelt out; 48 bits keep two ids of one report from sharing a name.
    """
    digest: str = _digest(target.encode("utf-8")).hexdigest()
    return BOOKMARK_PREFIX + digest[:12]
