"""`tidy`: what a foreign file said, made to fit the map format, with a warning for each
value left out. Every importer goes through it, so its rules are checked here on a Draft
built by hand rather than through one format's quirks."""

from __future__ import annotations

from typing import Any

from argmap.errors import Position
from argmap.formats.draft import Draft, DraftNode, tidy
from argmap.model import LinkKind


def _warnings(draft: Draft) -> list[str]:
    return [f"{d.position.line}: {d.message} [{d.code}]" for d in draft.warnings]


def test_statements_after_a_linked_group_are_tidied_too() -> None:
    # The group comes first in the file; the statements after it still get their names
    # (a title where there is one, else the file's own key) and lose their blank actors
    draft = Draft("t.json", title="T")
    draft.add_node(DraftNode("g", "", Position("t.json", 1), group=True, weight=1.5))
    draft.add_node(DraftNode("n1", " ", Position("t.json", 2), title="First", by=["ann", " "]))
    draft.add_node(DraftNode("n2", "", Position("t.json", 3)))
    tidy(draft)
    assert draft.nodes["g"].weight is None
    assert (draft.nodes["n1"].text, draft.nodes["n1"].by) == ("First", ["ann"])
    assert draft.nodes["n2"].text == "n2"
    assert draft.actors == {"ann": {"name": "ann"}}
    assert _warnings(draft) == [
        "1: weight 1.5 is outside [0, 1]: left out [W618]",
        "2: a statement without text: its name 'First' is used [W611]",
        "3: a statement without text: its name 'n2' is used [W611]",
    ]


def test_a_quote_needs_words_and_a_source_and_keeps_its_speaker_and_place() -> None:
    # Each quote missing a part is left out, with a warning at its statement; the next
    # quote is still read. A kept quote's speaker is an actor (added by its id) and its
    # locator text.
    draft = Draft("t.json", title="T")
    quotes: list[dict[str, Any]] = [
        {"source": "tape"},
        {"text": "said", "source": " "},
        {"text": " ", "source": "tape"},
        {"text": "said"},
        {"text": "said", "source": "Tape 2", "speaker": "Bo Ray", "locator": 12},
    ]
    draft.add_node(DraftNode("n", "N", Position("t.json", 4), quotes=quotes))
    tidy(draft)
    assert draft.nodes["n"].quotes == [
        {"source": "tape-2", "text": "said", "speaker": "bo-ray", "locator": "12"}
    ]
    assert draft.sources == {"tape-2": {"title": "Tape 2"}}
    assert draft.actors == {"bo-ray": {"name": "Bo Ray"}}
    assert _warnings(draft) == ["4: a quote without source or text is left out [W618]"] * 4


def test_a_weight_is_kept_from_0_to_1_and_left_out_beyond() -> None:
    draft = Draft("t.json", title="T")
    for n, weight in enumerate([0.0, 1.0, 1.5, -0.1, 2.0], start=1):
        draft.add_node(DraftNode(f"n{n}", "N", Position("t.json", n), weight=weight))
    tidy(draft)
    assert [node.weight for node in draft.nodes.values()] == [0.0, 1.0, None, None, None]
    assert _warnings(draft) == [
        f"{line}: weight {w} is outside [0, 1]: left out [W618]"
        for line, w in ((3, "1.5"), (4, "-0.1"), (5, "2"))
    ]


def test_a_link_is_not_a_ref_unless_the_importer_says_so() -> None:
    draft = Draft("t.json", title="T")
    plain = draft.add_link(LinkKind.PRO, "a", "b", Position("t.json", 1))
    ref = draft.add_link(LinkKind.CON, "a", "c", Position("t.json", 2), ref=True)
    assert (plain.ref, ref.ref) == (False, True)


def test_a_link_that_is_not_http_is_left_out_and_said() -> None:
    draft = Draft("t.json", title="T")
    draft.add_node(DraftNode("a", "A", Position("t.json", 1), url="javascript:alert(1)"))
    draft.add_node(DraftNode("b", "B", Position("t.json", 2), url="https://example.org/b"))
    tidy(draft)
    assert [node.url for node in draft.nodes.values()] == [None, "https://example.org/b"]
    assert _warnings(draft) == ["1: link 'javascript:alert(1)' is not http(s): left out [W618]"]
