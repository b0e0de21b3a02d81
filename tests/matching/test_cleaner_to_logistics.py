"""The case from the articles: a cleaner with order-picking and forklift skills is shown
logistics vacancies, with the reason."""

from __future__ import annotations

import random

from ontschot.matching.engine import MatchIndex
from ontschot.matching.explain import explain
from ontschot.matching.profiles import CandidateProfile, VacancyProfile
from tests.matching.conftest import (
    BUILDING_CLEANER,
    FORKLIFT_OPERATOR,
    OPERATE_FORKLIFT,
    ORDER_PICKER,
    PICK_ORDERS,
    WAREHOUSE_WORKER,
)

LOGISTICS = {WAREHOUSE_WORKER, FORKLIFT_OPERATOR, ORDER_PICKER}


def test_cleaner_with_forklift_and_order_picking_gets_logistics_vacancies_in_top_10(
    index: MatchIndex,
) -> None:
    # given a regional mix: 300 vacancies of random ESCO occupations, six cleaning vacancies
    # and one each for warehouse worker, forklift operator and order picker
    occs = index.graph.occupations
    rnd = random.Random(6)
    cleaning = [u for u, o in occs.items() if o.isco_code.startswith("911")][:6]
    chosen = [*rnd.sample(sorted(occs), 300), *cleaning, *sorted(LOGISTICS)]
    index.load(
        vacancies=[
            VacancyProfile(
                i,
                essential_skills=occs[o].essential,
                optional_skills=occs[o].optional,
                occupation=o,
                municipality=rnd.choice(["Enschede", "Hengelo", "Almelo"]),
            )
            for i, o in enumerate(chosen)
        ]
    )
    # and a building cleaner who also picks orders and drives a forklift
    cleaner = occs[BUILDING_CLEANER]
    index.upsert_candidate(
        CandidateProfile(
            1,
            skills=[*cleaner.essential, PICK_ORDERS, OPERATE_FORKLIFT],
            occupation=BUILDING_CLEANER,
            municipality="Hengelo",
        )
    )
    # when the candidate's top 10 is computed
    top = index.top_vacancies(1, 10).hits
    logistics = [h for h in top if index.vacancy_profiles[h.id].occupation in LOGISTICS]
    # then logistics vacancies are among them, and the reason names the shared skills
    assert logistics
    exp = explain(index, 1, logistics[0].id)
    covered = {s.uri for s in exp.covered}
    assert covered & {PICK_ORDERS, OPERATE_FORKLIFT}
    assert exp.parts[0].points > 0
    assert any("Reisafstand" in note for note in exp.practical_notes)
