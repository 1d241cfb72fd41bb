"""The Secure Communities map keeps the shape its issue asks for.

Edits to `maps/secure-communities.yaml` that drop a named claim, leave a
premise unattributed, lose the quotes or flatten the debate's structure fail
here. The quote check needs the article, which is not in the repository: it
runs when the seed folder (`../shared/seed`) is present and is skipped with a
reason otherwise.
"""

from __future__ import annotations

import pytest

from argmap.load import load_map
from argmap.model import ActorKind, ArgumentMap, LinkKind
from argmap.validate import validate_map
from tests.conftest import REPO, SEED, Invoke

MAP = REPO / "maps" / "secure-communities.yaml"
ARTICLE = "ice-union-secure-communities.txt"
NAMED_CLAIMS = ("scomm-mandatory", "union-caused-delay", "reforms-meaningful")


@pytest.fixture(scope="module")
def scomm() -> ArgumentMap:
    return load_map(MAP)


def test_the_map_starts_with_the_schema_modeline() -> None:
    first_line = MAP.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../argmap/argmap.schema.json"


def test_the_article_is_the_source_and_named_by_its_file(scomm: ArgumentMap) -> None:
    (source,) = scomm.sources.values()
    assert (source.author, source.publisher, source.date, source.file) == (
        "Michelle Chen",
        "In These Times",
        "2011",
        ARTICLE,
    )


def test_the_map_is_structurally_clean_without_the_article(scomm: ArgumentMap) -> None:
    assert validate_map(scomm, check_quotes=False) == []


@pytest.mark.parametrize("claim", NAMED_CLAIMS)
def test_each_named_claim_has_premises_for_and_against(scomm: ArgumentMap, claim: str) -> None:
    assert claim in scomm.claims
    assert scomm.supporters(claim), f"{claim} has no pro"
    assert scomm.attackers(claim), f"{claim} has no con"


def test_at_least_eight_contested_claims_each_with_a_con(scomm: ArgumentMap) -> None:
    assert len(scomm.claims) >= 8
    assert [c for c in scomm.claims if not scomm.attackers(c)] == []


def test_every_premise_is_attributed_to_a_declared_actor(scomm: ArgumentMap) -> None:
    premises = [n for n in scomm.unique_nodes() if not n.is_claim]
    assert [n.id for n in premises if not n.by] == []
    undeclared = {(n.id, a) for n in premises for a in n.by if a not in scomm.actors}
    assert undeclared == set()


def test_the_actors_the_article_names_are_declared_with_roles(scomm: ArgumentMap) -> None:
    names = {a.name for a in scomm.actors.values()}
    for expected in (
        "AFL-CIO",
        "National Immigration Forum",
        "Chris Crane",
        "National ICE Council",
        "Julia Preston",
        "The New York Times",
        "Laura Rivas",
        "Michelle Chen",
    ):
        assert expected in names
    assert [a.id for a in scomm.actors.values() if not a.role or a.kind is None] == []
    assert scomm.actors["leaked-documents"].kind is ActorKind.DOCUMENT


def test_at_least_twenty_quotes_all_from_the_article(scomm: ArgumentMap) -> None:
    quotes = [q for n in scomm.unique_nodes() for q in n.quotes]
    assert len(quotes) >= 20
    assert {q.source for q in quotes} == {"itt"}


def test_implicit_and_weighted_premises_say_why(scomm: ArgumentMap) -> None:
    unexplained = [
        n.id
        for n in scomm.unique_nodes()
        if (n.implicit or n.weight is not None) and not (n.note or "").strip()
    ]
    assert unexplained == []


def test_cranes_record_undercuts_his_own_account_of_the_union(scomm: ArgumentMap) -> None:
    """The article's doubt about Crane is an attack on an inference, not on a premise."""
    (process_link,) = [
        lk for lk in scomm.attackers("union-opposes-policy") if lk.source == "process-not-ideology"
    ]
    (no_standoff_link,) = [
        lk for lk in scomm.attackers("union-caused-delay") if lk.source == "no-standoff"
    ]
    for link in (process_link, no_standoff_link):
        assert "crane-record" in [u.source for u in scomm.undercutters(link.id)]


def test_scomm_staying_in_place_serves_more_than_one_argument(scomm: ArgumentMap) -> None:
    uses = [lk for lk in scomm.links if lk.source == "scomm-remains"]
    assert [(lk.kind, lk.target, lk.is_ref) for lk in uses] == [
        (LinkKind.UNDERCUT, "reforms-meaningful.pro.2", True),
        (LinkKind.CON, "reforms-meaningful", False),
    ]
    assert scomm.link("reforms-meaningful.pro.2").source == "arpaio-cut-off"


def test_the_map_has_undercuts_and_refs(scomm: ArgumentMap) -> None:
    assert any(lk.kind is LinkKind.UNDERCUT for lk in scomm.links)
    assert any(lk.is_ref for lk in scomm.links)


@pytest.mark.skipif(
    not (SEED / ARTICLE).is_file(),
    reason=f"the article is not in the repository; {SEED / ARTICLE} is absent",
)
def test_validate_strict_with_the_article_reports_nothing(invoke: Invoke) -> None:
    result = invoke(["validate", "--strict", MAP, "--sources", SEED])
    assert result.stdout == ""
    assert result.stderr == "0 errors, 0 warnings, 0 infos in 1 file\n"
