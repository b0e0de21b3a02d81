"""How fast are the registry's list queries on a region of 30,000 candidates and 15,000
vacancies? Also: how long does a 1,000-row vacancy CSV import take?

Prints `name: value` lines (median of 5 runs, milliseconds). Data is bulk-inserted straight
into an empty migrated database (the taxonomy is not needed for these queries).

    python bench/registry_lists.py [--postgres URL]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.access.roles import Role
from ontschot.db import make_engine, utcnow
from ontschot.employers.models import Employer, Vacancy, VacancySkill
from ontschot.employers.service import VacancyFilter, list_vacancies, vacancy_fingerprint
from ontschot.geo import municipality_names, region_of
from ontschot.interop.flows import import_vacancies_csv
from ontschot.migrate import upgrade
from ontschot.people.models import Candidate, CandidateSkill, Consent
from ontschot.people.queries import CandidateFilter, list_candidates
from ontschot.people.suggestions import suggest_candidates

CANDIDATES, VACANCIES, ORGS, COACHES = 30_000, 15_000, 8, 200
SKILLS = [f"http://data.europa.eu/esco/skill/bench-{i}" for i in range(600)]


def _fill(db: Session) -> None:
    rnd = random.Random(7)
    towns = [m for m in municipality_names() if region_of(m) == "Twente"]
    now = utcnow()
    db.execute(
        insert(Candidate),
        [
            {
                "reference": f"WZ-{i:08X}",
                "first_name": rnd.choice(["Anna", "Piet", "Fatma", "Jan"]),
                "last_name": f"Achternaam{i}",
                "name_search": f"anna achternaam{i}",
                "municipality": rnd.choice(towns),
                "benefit": rnd.choice(["ww", "bijstand", "none"]),
                "status": "seeking",
                "legal_basis": "wettelijke_taak",
                "contract_forms": [],
                "transport": [],
                "driving_licences": ["B"],
                "coach_user_id": 1 + i % COACHES,
                "organisation_id": 1 + i % ORGS,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
            for i in range(CANDIDATES)
        ],
    )
    db.execute(
        insert(CandidateSkill),
        [
            {
                "candidate_id": 1 + i,
                "skill_uri": s,
                "source": "self_declared",
                "added_at": now,
            }
            for i in range(CANDIDATES)
            for s in rnd.sample(SKILLS, 5)
        ],
    )
    db.execute(
        insert(Consent),
        [
            {
                "candidate_id": 1 + i,
                "purpose": p,
                "partner_category": "all",
                "given_at": now,
            }
            for i in range(0, CANDIDATES, 3)
            for p in ("share_profile", "employer_suggestions")
        ],
    )
    db.execute(
        insert(Employer),
        [
            {
                "name": f"Bedrijf {i}",
                "name_norm": f"bedrijf {i}",
                "organisation_id": 100 + i % 50,
                "created_at": now,
            }
            for i in range(1500)
        ],
    )
    db.execute(
        insert(Vacancy),
        [
            {
                "employer_id": 1 + i % 1500,
                "title": f"Monteur {i}",
                "municipality": rnd.choice(towns),
                "status": "open",
                "source": "bench",
                "external_id": f"b{i}",
                "salary_period": "month",
                "fingerprint": vacancy_fingerprint(f"Bedrijf {i % 1500}", f"Monteur {i}", "x"),
                "created_at": now,
                "updated_at": now,
            }
            for i in range(VACANCIES)
        ],
    )
    db.execute(
        insert(VacancySkill),
        [
            {"vacancy_id": 1 + i, "skill_uri": s, "relation": "essential"}
            for i in range(VACANCIES)
            for s in rnd.sample(SKILLS, 6)
        ],
    )
    db.commit()


def _median_ms(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run(url: str, label: str) -> None:
    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as db:
        t0 = time.perf_counter()
        _fill(db)
        if db.bind is not None and db.bind.dialect.name == "postgresql":
            db.execute(text("ANALYZE"))  # as autovacuum would after a bulk load
            db.commit()
        print(f"{label}_fill_seconds: {time.perf_counter() - t0:.1f}")
        coach = Actor(
            role=Role.COACH,
            user_id=1,
            organisation_id=1,
            display_name="bench",
            organisation_kind="gemeente",
        )
        agency = Actor(
            role=Role.COACH,
            user_id=999,
            organisation_id=99,
            display_name="b",
            organisation_kind="uitzendbureau",
        )
        boss = Actor(
            role=Role.EMPLOYER,
            user_id=998,
            organisation_id=100,
            display_name="b",
            organisation_kind="werkgever",
        )
        cases = {
            "own_caseload_page": lambda: list_candidates(
                db, actor=coach, flt=CandidateFilter(own_caseload=True)
            ),
            "organisation_page": lambda: list_candidates(db, actor=coach, flt=CandidateFilter()),
            "organisation_page_50": lambda: list_candidates(
                db, actor=coach, flt=CandidateFilter(), page=50
            ),
            "municipality_benefit_filter": lambda: list_candidates(
                db, actor=coach, flt=CandidateFilter(municipality="Enschede", benefit="ww")
            ),
            "name_search": lambda: list_candidates(
                db, actor=coach, flt=CandidateFilter(name="achternaam1234")
            ),
            "other_org_by_consent": lambda: list_candidates(
                db, actor=agency, flt=CandidateFilter()
            ),
            "vacancy_page": lambda: list_vacancies(db, actor=coach, flt=VacancyFilter()),
            "vacancy_title_search": lambda: list_vacancies(
                db, actor=coach, flt=VacancyFilter(title="monteur 77")
            ),
            "employer_suggestions_20": lambda: suggest_candidates(db, actor=boss, vacancy_id=1),
        }
        for name, fn in cases.items():
            print(f"{label}_{name}_ms: {_median_ms(fn):.1f}")
        header = "external_id,employer_name,title,municipality,essential_skill_uris\n"
        body = "".join(
            f"imp-{i},Importbedrijf {i % 40},Lasser {i},Hengelo,{SKILLS[i % 600]}\n"
            for i in range(1000)
        )
        t0 = time.perf_counter()
        result = import_vacancies_csv(db, actor=Actor.cli(), text=header + body, source="bench")
        print(
            f"{label}_import_1000_vacancies_seconds: {time.perf_counter() - t0:.2f} "
            f"({result.created} created)"
        )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", help="PostgreSQL URL of an empty scratch database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{Path(tmp) / 'bench.db'}", "sqlite")
    if args.postgres:
        engine = make_engine(args.postgres)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS bench_registry CASCADE"))
            conn.execute(text("CREATE SCHEMA bench_registry"))
        engine.dispose()
        run(args.postgres + "?options=-csearch_path%3Dbench_registry", "postgresql")


if __name__ == "__main__":
    main()
