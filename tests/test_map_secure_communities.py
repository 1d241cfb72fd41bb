"""The Secure Communities map keeps the shape its issues ask for.

Edits to `maps/secure-communities.yaml` that drop a named claim, leave a
premise unattributed, lose the quotes, or undo a fix of the analyst's review
(issue 17: a premise on the wrong side, a dropped hedge, an unmarked or
misattributed reconstruction, a witness's reliability drawn as an undercut, a
premise counted twice) fail here. The checks that need the article run when
the seed folder (`../shared/seed`, or `$ARGMAP_SEED`) holds it and are skipped
with a reason otherwise.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from argmap.load import load_map
from argmap.model import ActorKind, ArgumentMap, LinkKind, Node
from argmap.quotes import normalise, quote_matches
from argmap.validate import validate_map
from tests.conftest import REPO, SEED, Invoke

MAP = REPO / "maps" / "secure-communities.yaml"
ARTICLE = "ice-union-secure-communities.txt"
SEED_DIR = Path(os.environ.get("ARGMAP_SEED", SEED))
needs_article = pytest.mark.skipif(
    not (SEED_DIR / ARTICLE).is_file(),
    reason=f"the article is not in the repository; {SEED_DIR / ARTICLE} is absent",
)

CLAIMS = (
    "scomm-mandatory",
    "scomm-racial-profiling",
    "scomm-terminate",
    "reforms-meaningful",
    "administration-contradictory",
    "policy-shifts-weaken-enforcement",
    "union-caused-delay",
    "union-opposes-policy",
    "ice-divided",
    "ice-lacks-leadership",
    "union-conflict-hinders-reform",
    "labor-divided",
    "enforcement-jobs-need-deportation",
    "labor-follows-member-interests",
    "division-sustains-enforcement",
)
# The claims the review found living only inside premises (issue 17).
NEW_CLAIMS = (
    "ice-lacks-leadership",
    "administration-contradictory",
    "policy-shifts-weaken-enforcement",
    "ice-divided",
    "division-sustains-enforcement",
)


@pytest.fixture(scope="module")
def scomm() -> ArgumentMap:
    return load_map(MAP)


@pytest.fixture(scope="module")
def article() -> str:
    if not (SEED_DIR / ARTICLE).is_file():
        pytest.skip(f"the article is not in the repository; {SEED_DIR / ARTICLE} is absent")
    return normalise((SEED_DIR / ARTICLE).read_text(encoding="utf-8"))


def premises(m: ArgumentMap) -> list[Node]:
    """The premises (a linked group is not one: its premises are)."""
    return [n for n in m.unique_nodes() if not n.is_claim and not n.is_group]


def tree(m: ArgumentMap, claim: str) -> list[tuple[str, int, LinkKind]]:
    """Every node reached beneath `claim` (through refs too), with its side and how it is linked.

    Side +1 argues for the claim, -1 against it: a con turns the side over (a
    premise of a linked group is on the group's side), and an undercut argues
    against the side of the link it attacks. A node reached twice appears twice.
    """
    reached: list[tuple[str, int, LinkKind]] = []
    stack = [(claim, 1)]
    while stack:
        node, side = stack.pop()
        for link in m.incoming(node):
            if link.kind is LinkKind.UNDERCUT:
                continue
            child = -side if link.kind is LinkKind.CON else side
            reached.append((link.source, child, link.kind))
            stack.append((link.source, child))
            for cut in m.undercutters(link.id):
                reached.append((cut.source, -child, LinkKind.UNDERCUT))
                stack.append((cut.source, -child))
    return reached


def sides(m: ArgumentMap, claim: str) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for node, side, _ in tree(m, claim):
        out.setdefault(node, set()).add(side)
    return out


def quoted_on(m: ArgumentMap, phrase: str) -> list[str]:
    return [n.id for n in m.unique_nodes() for q in n.quotes if phrase in q.text]


def link_kinds(m: ArgumentMap, source: str, target: str) -> list[LinkKind]:
    return [lk.kind for lk in m.incoming(target) if lk.source == source]


# --- the file and its actors ------------------------------------------------


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


def test_the_counts_are_the_ones_the_readmes_state(scomm: ArgumentMap) -> None:
    quotes = [q for n in scomm.unique_nodes() for q in n.quotes]
    counts = (
        len(scomm.claims),
        len(premises(scomm)),
        sum(n.implicit for n in scomm.unique_nodes()),
        len(quotes),
        len(scomm.actors),
    )
    assert counts == (15, 44, 3, 72, 13)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    maps_readme = (REPO / "maps" / "README.md").read_text(encoding="utf-8")
    assert "fifteen contested claims, 44 premises (3 of them reconstructed)" in readme
    assert "Fifteen contested claims" in maps_readme
    assert "44 premises, three of them reconstructed" in maps_readme
    assert "Thirteen actors" in maps_readme
    assert {q.source for q in quotes} == {"itt"}


def test_the_claims_are_the_contested_points_each_with_a_pro_and_a_con(
    scomm: ArgumentMap,
) -> None:
    assert scomm.claims == CLAIMS
    assert [c for c in CLAIMS if not scomm.supporters(c) or not scomm.attackers(c)] == []


def test_every_premise_is_attributed_to_a_declared_actor(scomm: ArgumentMap) -> None:
    assert [n.id for n in premises(scomm) if not n.by] == []
    undeclared = {(n.id, a) for n in premises(scomm) for a in n.by if a not in scomm.actors}
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


def test_the_joint_statement_is_argued_by_both_its_signers(scomm: ArgumentMap) -> None:
    for node in ("scomm-racial-profiling", "scomm-terminate", "alabama-law"):
        assert scomm.node(node).by == ("afl-cio", "nif")


# --- issue 17, point by point -----------------------------------------------


def test_the_councils_independence_explains_labors_split_and_is_stated(
    scomm: ArgumentMap,
) -> None:
    assert link_kinds(scomm, "council-independent", "labor-divided") == [LinkKind.PRO]
    node = scomm.node("council-independent")
    assert node.implicit is False
    assert [q.text for q in node.quotes] == [
        "it can take independent political positions, hence the contrast"
    ]


def test_cranes_slowdown_is_the_agencys_approach_on_his_side_with_his_concession(
    scomm: ArgumentMap,
) -> None:
    assert scomm.get_node("crane-confirms-slowdown") is None
    (holder,) = quoted_on(scomm, "it does dramatically slow down the process")
    assert holder == "agency-approach-slows"
    assert quoted_on(scomm, "Ultimately it is the Agency’s right to take that approach") == [holder]
    assert scomm.node(holder).by == ("crane",)
    assert link_kinds(scomm, holder, "no-standoff") == [LinkKind.PRO]
    assert link_kinds(scomm, "no-standoff", "union-caused-delay") == [LinkKind.CON]
    assert sides(scomm, "union-caused-delay")[holder] == {-1}


def test_crane_argues_only_against_the_union_causing_the_delay(scomm: ArgumentMap) -> None:
    side = sides(scomm, "union-caused-delay")
    cranes = {n for n in side if "crane" in scomm.node(n).by}
    assert cranes == {
        "no-standoff",
        "agency-went-alone",
        "agency-approach-slows",
        "process-not-ideology",
    }
    assert {s for n in cranes for s in side[n]} == {-1}
    prestons = {n for n in side if "preston" in scomm.node(n).by}
    assert prestons == {
        "withholds-and-assent-needed",
        "union-withholds-members",
        "assent-needed",
        "crane-testimony",
    }
    assert {s for n in prestons for s in side[n]} == {1}


def test_no_actor_argues_on_both_sides_of_one_claim(scomm: ArgumentMap) -> None:
    both = set()
    for claim in scomm.claims:
        sides_of: dict[str, set[int]] = {}
        for node, side, _ in tree(scomm, claim):
            for actor in scomm.node(node).by:
                sides_of.setdefault(actor, set()).add(side)
        both |= {(claim, actor) for actor, s in sides_of.items() if len(s) > 1}
    assert both == set()


def test_cranes_verdict_on_the_policies_is_the_authors_point_and_his_reason_undercuts_it(
    scomm: ArgumentMap,
) -> None:
    verdict = scomm.node("policies-bad")
    assert verdict.by == ("author",)
    assert [(q.speaker, q.text) for q in verdict.quotes] == [
        (None, "Nonetheless, Crane argued"),
        ("crane", "Most of the policies put out by this Administration really are bad"),
    ]
    assert scomm.node("discretion-unclear").by == ("crane",)
    side = sides(scomm, "union-opposes-policy")
    assert {n for n in side if "crane" in scomm.node(n).by} == {
        "discretion-unclear",
        "process-not-ideology",
        "willing-to-cooperate",
    }
    assert {s for n in side if "crane" in scomm.node(n).by for s in side[n]} == {-1}


def test_prestons_forecast_keeps_its_could(scomm: ArgumentMap) -> None:
    node = scomm.node("assent-needed")
    assert "could be significantly slowed" in node.text
    assert "could be significantly slowed for months in labor negotiations" in [
        q.text for q in node.quotes
    ]
    assert node.weight == 0.3
    assert '"could be significantly slowed"' in (node.note or "")


def test_no_answer_to_crane_is_put_in_prestons_or_the_times_mouth(scomm: ArgumentMap) -> None:
    assert scomm.get_node("timelines-are-union-rights") is None
    put = [n.id for n in scomm.unique_nodes() if n.implicit and {"preston", "nyt"} & set(n.by)]
    assert put == []


def test_the_reconstructions_are_three_answers_credited_to_the_administration(
    scomm: ArgumentMap,
) -> None:
    implicit = {n.id: n for n in scomm.unique_nodes() if n.implicit}
    assert sorted(implicit) == [
        "abuse-is-local",
        "leadership-sets-course",
        "scomm-serves-criminal-focus",
    ]
    assert {n.by for n in implicit.values()} == {("administration",)}
    # None is credited to a named person, none carries a quote as if stated.
    persons = {a for a, actor in scomm.actors.items() if actor.kind is ActorKind.PERSON}
    assert [n.id for n in implicit.values() if persons & set(n.by) or n.quotes] == []
    assert [n.id for n in implicit.values() if "Reconstructed" not in (n.note or "")] == []
    # Each stands where its side needs it: against the claim it answers.
    where = {(lk.source, lk.kind, lk.target) for lk in scomm.links if lk.source in implicit}
    assert where == {
        ("abuse-is-local", LinkKind.CON, "scomm-racial-profiling"),
        ("scomm-serves-criminal-focus", LinkKind.CON, "scomm-terminate"),
        ("leadership-sets-course", LinkKind.CON, "ice-lacks-leadership"),
    }
    # No reconstruction knocks down another.
    beneath = [lk.source for i in implicit for lk in scomm.incoming(i)]
    assert [s for s in beneath if scomm.node(s).implicit] == []


def test_the_reconstructions_once_unmarked_are_gone(scomm: ArgumentMap) -> None:
    for gone in (
        "discriminatory-policing",
        "one-sheriff",
        "arrestees-not-convicts",
        "abuses-case-by-case",
        "documents-show-intent-not-law",
    ):
        assert scomm.get_node(gone) is None, gone
    assert "feed discrimination" not in scomm.node("alabama-law").text
    assert "serve members" not in scomm.node("immigrants-in-unions").text
    assert scomm.supporters("immigrants-in-unions") == ()
    assert link_kinds(scomm, "immigrants-in-unions", "labor-follows-member-interests") == [
        LinkKind.PRO
    ]


def test_arpaios_abuse_supports_the_profiling_claim_not_the_feeding(scomm: ArgumentMap) -> None:
    assert link_kinds(scomm, "arpaio-abuse", "scomm-racial-profiling") == [LinkKind.PRO]
    assert scomm.incoming("arpaio-fed-by-scomm") == ()
    assert link_kinds(scomm, "arpaio-fed-by-scomm", "scomm-racial-profiling") == [LinkKind.PRO]


def test_rivass_concession_stays_in_her_rebuttal(scomm: ArgumentMap) -> None:
    assert scomm.get_node("rivas-grants-clarity") is None
    (holder,) = quoted_on(scomm, "we understand the concerns of job security")
    assert quoted_on(scomm, "the bigger picture that we see is") == [holder]
    assert sides(scomm, "union-conflict-hinders-reform")[holder] == {-1}
    # Nothing of Rivas's supports the officers' complaint about unclear rules.
    assert [lk.source for lk in scomm.incoming("discretion-unclear")] == []


def test_cranes_record_is_an_objection_to_his_account_not_an_undercut(
    scomm: ArgumentMap,
) -> None:
    assert scomm.get_node("crane-record") is None
    uses = [(lk.kind, lk.target) for lk in scomm.links if lk.source == "crane-testimony"]
    assert uses == [(LinkKind.CON, "no-standoff"), (LinkKind.PRO, "union-opposes-policy")]
    assert link_kinds(scomm, "crane-media", "shifts-prevent-enforcement") == [LinkKind.CON]
    # The three undercuts: a side grants a premise and denies that it bears
    # on the point (Crane on his record and on his own verdict that the
    # policies are bad, the advocates on the union's power to slow the reforms).
    undercuts = [(lk.source, lk.target) for lk in scomm.links if lk.kind is LinkKind.UNDERCUT]
    assert undercuts == [
        ("process-not-ideology", "no-standoff.con.1"),
        ("discretion-unclear", "union-opposes-policy.pro.4"),
        ("reforms-no-improvement", "union-conflict-hinders-reform.pro.1"),
    ]
    assert scomm.link("no-standoff.con.1").source == "crane-testimony"
    assert scomm.link("union-opposes-policy.pro.4").source == "policies-bad"
    assert scomm.link("union-conflict-hinders-reform.pro.1").source == "assent-needed"


@pytest.mark.parametrize(
    ("node", "hedge"),
    [
        ("arpaio-cut-off", "attempted to rein in"),
        ("criminal-focus", "professes"),
        ("criminal-focus", "supposedly"),
        ("division-sustains-enforcement", "As long as"),
        ("aflcio-vs-council", "resisted participating in training"),
        ("shifts-prevent-enforcement", "could prevent"),
        ("advocates-grant-split", "may be split"),
        ("rivas-coalitions", "generally"),
        ("reforms-no-improvement", "supposed reforms do not truly improve"),
    ],
)
def test_hedges_stay_in_the_premises_words(scomm: ArgumentMap, node: str, hedge: str) -> None:
    assert hedge in scomm.node(node).text


def test_the_professed_focus_keeps_its_supposedly(scomm: ArgumentMap) -> None:
    (quote,) = scomm.node("criminal-focus").quotes
    assert "supposedly by focusing" in quote.text


@pytest.mark.parametrize("claim", NEW_CLAIMS)
def test_each_new_claim_has_its_pro_and_con(scomm: ArgumentMap, claim: str) -> None:
    assert claim in scomm.claims
    assert scomm.supporters(claim) and scomm.attackers(claim)


def test_the_new_claims_rest_on_the_texts_own_sides(scomm: ArgumentMap) -> None:
    def direct(claim: str, kind: LinkKind) -> list[str]:
        return [lk.source for lk in scomm.incoming(claim) if lk.kind is kind]

    assert direct("ice-lacks-leadership", LinkKind.PRO) == ["crane-leadership"]
    # The article gives no reply to Crane's charge: the one con is ours, and marked.
    assert direct("ice-lacks-leadership", LinkKind.CON) == ["leadership-sets-course"]
    assert direct("administration-contradictory", LinkKind.PRO) == [
        "good-cop-bad-cop",
        "scomm-remains",
    ]
    assert direct("administration-contradictory", LinkKind.CON) == ["criminal-focus"]
    assert direct("policy-shifts-weaken-enforcement", LinkKind.PRO) == [
        "shifts-prevent-enforcement"
    ]
    assert direct("policy-shifts-weaken-enforcement", LinkKind.CON) == [
        "reforms-no-improvement",
        "scomm-remains",
    ]
    assert direct("ice-divided", LinkKind.PRO) == ["preston-dissension", "advocates-grant-split"]
    assert direct("ice-divided", LinkKind.CON) == ["dissension-inaccurate"]
    assert direct("division-sustains-enforcement", LinkKind.CON) == ["criminal-focus"]
    stated = [
        n
        for c in NEW_CLAIMS
        for n, _, _ in tree(scomm, c)
        if scomm.node(n).implicit and n != "leadership-sets-course"
    ]
    assert stated == []


def test_claims_do_not_take_one_sides_framing(scomm: ArgumentMap) -> None:
    loaded = re.compile(r"innocent|no wrong|unjust|cruel|brutal|infamous|notorious|virulent")
    assert [c for c in scomm.claims if loaded.search(scomm.node(c).text)] == []


def test_no_premise_is_counted_twice_within_a_claims_tree(scomm: ArgumentMap) -> None:
    twice = {
        (claim, node)
        for claim in scomm.claims
        for node, n in Counter(n for n, _, _ in tree(scomm, claim)).items()
        if n > 1
    }
    assert twice == set()


def test_every_referenced_premise_has_an_id_of_its_own(scomm: ArgumentMap) -> None:
    refs = [lk.source for lk in scomm.links if lk.is_ref]
    assert len(refs) == 19
    assert [r for r in refs if not scomm.node(r).explicit_id] == []


# --- weights ---------------------------------------------------------------


def test_weights_are_only_where_the_text_hedges_or_stresses(scomm: ArgumentMap) -> None:
    weights = {n.id: n.weight for n in scomm.unique_nodes() if n.weight is not None}
    assert weights == {
        "leaked-documents-mandatory": 0.3,
        "arpaio-abuse": 0.7,
        "criminal-focus": 0.3,
        "arpaio-cut-off": 0.3,
        "shifts-prevent-enforcement": 0.3,
        "assent-needed": 0.3,
        "preston-dissension": 0.3,
        "advocates-grant-split": 0.3,
    }
    for node in weights:
        note = scomm.node(node).note or ""
        said = "Hedged in the text" if weights[node] < 0.5 else "Stressed in the text"
        assert note.startswith(said), node
        assert re.search(r'"[^"]+"', note), node


@needs_article
def test_each_weights_note_quotes_the_article(scomm: ArgumentMap, article: str) -> None:
    for node in (n for n in scomm.unique_nodes() if n.weight is not None):
        phrases = re.findall(r'"([^"]+)"', node.note or "")
        assert phrases, node.id
        assert [p for p in phrases if not quote_matches(p, article)] == [], node.id


def test_implicit_and_weighted_premises_say_why(scomm: ArgumentMap) -> None:
    unexplained = [
        n.id
        for n in scomm.unique_nodes()
        if (n.implicit or n.weight is not None) and not (n.note or "").strip()
    ]
    assert unexplained == []


# --- quotes -----------------------------------------------------------------


@needs_article
def test_validate_strict_with_the_article_reports_nothing(invoke: Invoke) -> None:
    result = invoke(["validate", "--strict", MAP, "--sources", SEED_DIR])
    assert result.stdout == ""
    assert result.stderr == "0 errors, 0 warnings, 0 infos in 1 file\n"
