"""Career routes from an occupation or a skill profile, ranked by fit and by regional demand."""

from __future__ import annotations

from ontschot.careers.routes import Demand, RouteFinder
from ontschot.matching.graph import TaxonomyGraph
from tests.matching.conftest import (
    BUILDING_CLEANER,
    FORKLIFT_OPERATOR,
    OPERATE_FORKLIFT,
    ORDER_PICKER,
    PICK_ORDERS,
    WAREHOUSE_WORKER,
)


def test_routes_from_an_occupation_report_overlap_and_gap_skills(finder: RouteFinder) -> None:
    # when routes from warehouse worker are computed
    routes = finder.routes(occupation=WAREHOUSE_WORKER, top=10)
    # then they are ordered by fit, exclude the occupation itself, and carry overlap and gaps
    assert routes and all(r.occupation_uri != WAREHOUSE_WORKER for r in routes)
    assert [r.fit for r in routes] == sorted((r.fit for r in routes), reverse=True)
    top = routes[0]
    assert 0 < top.overlap_pct <= 100 and 0 <= top.essential_overlap_pct <= 100
    assert top.shared
    assert all(g.uri.startswith("http://data.europa.eu/esco/skill/") for g in top.gaps)


def test_cleaner_with_forklift_skills_sees_tight_logistics_occupations_first_by_demand(
    finder: RouteFinder, graph: TaxonomyGraph
) -> None:
    # given a cleaner's skills plus order picking and forklift, and tight logistics demand
    skills = [*graph.occupations[BUILDING_CLEANER].essential, PICK_ORDERS, OPERATE_FORKLIFT]
    logistics = {FORKLIFT_OPERATOR, ORDER_PICKER, WAREHOUSE_WORKER}
    demand = {uri: Demand(open_vacancies=40, available_candidates=10) for uri in logistics}
    by_fit = [r.occupation_uri for r in finder.routes(skills=skills, top=10)]
    # when the routes are ordered by regional demand
    routes = finder.routes(skills=skills, top=10, order="demand", demand=demand)
    # then logistics occupations enter the top 10, marked kansberoep, with the shared skills
    assert not logistics & set(by_fit)
    found = [r for r in routes if r.occupation_uri in logistics]
    assert found and all(r.is_kansberoep for r in found)
    forklift = next(r for r in found if r.occupation_uri == FORKLIFT_OPERATOR)
    assert graph.skill_label(OPERATE_FORKLIFT) in forklift.shared
    assert any(g.essential for g in forklift.gaps)


def test_demand_ordering_prefers_tight_occupations_and_marks_kansberoep(
    finder: RouteFinder,
) -> None:
    # given the fit-ordered routes, and high demand for the fifth one only
    by_fit = finder.routes(occupation=WAREHOUSE_WORKER, top=5)
    target = by_fit[4].occupation_uri
    demand = {
        target: Demand(open_vacancies=40, available_candidates=5),
        by_fit[0].occupation_uri: Demand(open_vacancies=1, available_candidates=10),
    }
    # when ordered by demand
    by_demand = finder.routes(
        occupation=WAREHOUSE_WORKER, top=5, order="demand", demand=demand, tightness_promising=1.5
    )
    # then the tight occupation moves up and is marked kansberoep; the slack one is not
    assert by_demand[0].occupation_uri == target
    assert by_demand[0].is_kansberoep and by_demand[0].tightness == 8.0
    slack = next(r for r in by_demand if r.occupation_uri == by_fit[0].occupation_uri)
    assert not slack.is_kansberoep and slack.tightness == 0.1


def test_no_skills_and_unknown_occupation_give_no_routes(finder: RouteFinder) -> None:
    assert finder.routes(skills=[]) == []
    assert finder.routes(occupation="http://example.org/unknown") == []
