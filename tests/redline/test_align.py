"""The block alignment shared by diff and redline (cstd_docs.compare.align)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cstd_docs.compare import Step, align


def _steps(old: str, new: str, **options: object) -> list[tuple[str, int | None, int | None]]:
    return [(op.step.name, op.old, op.new) for op in align(list(old), list(new), **options)]  # type: ignore[arg-type]


def test_identical_sequences_are_all_in_place() -> None:
    assert _steps("abc", "abc") == [("SAME", 0, 0), ("SAME", 1, 1), ("SAME", 2, 2)]


def test_insertion_and_deletion_in_place() -> None:
    assert _steps("abcd", "axcd") == [("SAME", 0, 0), ("DELETED", 1, None), ("INSERTED", None, 1), ("SAME", 2, 2),
                                      ("SAME", 3, 3)]


def test_swapped_chapters_move_the_shorter_one() -> None:
    old, new = "AaaaaBbb", "BbbAaaaa"  # chapter A (5 blocks) and B (3) swapped
    steps = _steps(old, new)
    moved = {old[o] for kind, o, _ in steps if kind == "MOVED_TO" and o is not None}
    assert moved == {"B", "b"}
    assert [s for s in steps if s[0] == "MOVED_FROM"] == [("MOVED_FROM", 5, 0), ("MOVED_FROM", 6, 1),
                                                          ("MOVED_FROM", 7, 2)]


def test_weight_decides_what_moves_across_a_heading() -> None:
    # "p" moved across heading "H": either could be the one that moved; a heading weighs more.
    old, new = "aHpb", "apHb"
    plain = {old[o] for kind, o, _ in _steps(old, new, weight=lambda j: 1) if kind == "MOVED_TO" and o is not None}
    assert len(plain) == 1
    heavy = _steps(old, new, weight=lambda j: 2 if new[j] == "H" else 1)
    assert [old[o] for kind, o, _ in heavy if kind == "MOVED_TO" and o is not None] == ["p"]


def test_similar_blocks_pair_as_edits_in_their_gap() -> None:
    old, new = ["x", "the panel met", "y"], ["x", "the panel met twice", "y"]
    steps = [(op.step, op.old, op.new) for op in align(old, new, similar=lambda i, j: old[i][:9] == new[j][:9])]
    assert steps == [(Step.SAME, 0, 0), (Step.SAME, 1, 1), (Step.SAME, 2, 2)]


@given(st.lists(st.sampled_from("abcdefgh"), max_size=30), st.lists(st.sampled_from("abcdefgh"), max_size=30))
def test_every_block_appears_once_in_order_and_pairs_hold_equal_keys(old: list[str], new: list[str]) -> None:
    ops = align(old, new)
    olds = [op.old for op in ops if op.step in (Step.SAME, Step.DELETED, Step.MOVED_FROM)]
    news = [op.new for op in ops if op.step in (Step.SAME, Step.INSERTED, Step.MOVED_TO)]
    assert olds == list(range(len(old)))
    assert news == list(range(len(new)))
    pairs = [(op.old, op.new) for op in ops if op.step in (Step.SAME, Step.MOVED_TO)]
    assert all(old[i] == new[j] for i, j in pairs)  # type: ignore[index]
    froms = sorted((op.old, op.new) for op in ops if op.step is Step.MOVED_FROM)
    assert froms == sorted((op.old, op.new) for op in ops if op.step is Step.MOVED_TO)
    # Nothing equal is left unpaired on both sides.
    assert not ({old[op.old] for op in ops if op.step is Step.DELETED and op.old is not None}
                & {new[op.new] for op in ops if op.step is Step.INSERTED and op.new is not None})
