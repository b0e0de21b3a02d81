"""Work-to-work: an employer (or an employer adviser, for a sector fund) registers employees
at risk; each gets a trajectory with a plan before the job ends. Refusals write nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot import clock, errors
from ontschot.access.roles import Role
from ontschot.audit.models import AuditEntry
from ontschot.audit.service import pseudonymise
from ontschot.cases.flows import register_employees_at_risk
from ontschot.cases.trajectories.models import Trajectory
from ontschot.cases.work_to_work.models import AtRiskEmployee
from ontschot.cases.work_to_work.reads import list_at_risk
from ontschot.people.models import Candidate
from tests.cases.placement_helpers import snapshot
from tests.factories import actor_of, login_as, make_user
from tests.work_to_work.helpers import employee, registration, setting


def _in_days(days: int) -> str:
    return (clock.today() + timedelta(days=days)).isoformat()


def test_an_employer_registers_two_employees_each_with_a_trajectory_before_the_job_ends(
    db: Session,
) -> None:
    # given an employer whose fixed contact person is a coach
    s = setting(db)
    # when the employer registers two employees at once
    report = register_employees_at_risk(
        db,
        actor=actor_of(s.employer_user),
        data=registration(s, employee(), employee(jobEndsOn=_in_days(5))),
    )
    # then both are candidates 'employed at risk' with the coach, in the coach's organisation
    assert [r.row for r in report.registered] == [1, 2] and report.refused == []
    for done in report.registered:
        person = db.get(Candidate, done.candidate_id)
        assert person is not None
        assert person.status == "employed_at_risk"
        assert person.current_employer_id == s.employer.id
        assert person.organisation_id == s.coach.organisation_id
        assert person.coach_user_id == s.coach.id
        assert [w.employer_name for w in person.work_history] == [s.employer.name]
        trajectory = db.get(Trajectory, done.trajectory_id)
        assert trajectory is not None and trajectory.coach_user_id == s.coach.id
        # the plan aims at new work before the last working day; the intake is never later
        ends = db.get(AtRiskEmployee, done.id).job_ends_on  # type: ignore[union-attr]
        assert trajectory.next_action_due is not None and trajectory.next_action_due <= ends
        kinds = sorted(p.kind for p in trajectory.plan_items)
        assert kinds == ["action", "goal"]
        assert all(p.due_date is not None and p.due_date <= ends for p in trajectory.plan_items)
    # and each registration is one log entry about that person
    logged = db.scalars(
        select(AuditEntry.subject_pseudonym).where(AuditEntry.action == "work_to_work.register")
    ).all()
    expected = [pseudonymise(f"candidate:{r.candidate_id}") for r in report.registered]
    assert sorted(logged) == sorted(expected)
    # and the employer sees them in their own list, with the trajectory's status
    rows = list_at_risk(db, actor=actor_of(s.employer_user))
    assert {r.candidate_id for r in rows} == {r.candidate_id for r in report.registered}
    assert all(r.trajectory_status and r.coach_name == s.coach.display_name for r in rows)


def test_an_adviser_registers_for_a_sector_fund_and_the_coach_of_the_contact_organisation(
    db: Session,
) -> None:
    # given an employer whose fixed contact person is an adviser (not a coach)
    s = setting(db)
    s.employer.contact_user_id = s.adviser.id
    db.commit()
    busy = make_user(db, Role.COACH, organisation=s.adviser.organisation)  # type: ignore[attr-defined]
    # when the adviser registers on behalf of a sector fund
    report = register_employees_at_risk(
        db,
        actor=actor_of(s.adviser),
        data=registration(s, employee(), fundName="Opleidingsfonds Metaal"),
    )
    # then a coach of the adviser's organisation takes the trajectory
    trajectory = db.get(Trajectory, report.registered[0].trajectory_id)
    assert trajectory is not None and trajectory.organisation_id == busy.organisation_id
    row = db.get(AtRiskEmployee, report.registered[0].id)
    assert row is not None and row.fund_name == "Opleidingsfonds Metaal"


@pytest.mark.parametrize(
    "bad",
    [
        {"agreed": False},
        {"jobEndsOn": "2000-01-01"},
    ],
)
def test_all_or_nothing_refuses_the_whole_list_and_writes_nothing(
    db: Session, bad: dict[str, Any]
) -> None:
    s = setting(db)
    before = snapshot(db)
    with pytest.raises(errors.Invalid) as caught:
        register_employees_at_risk(
            db,
            actor=actor_of(s.employer_user),
            data=registration(s, employee(), employee(**bad)),
        )
    assert snapshot(db) == before
    # the refusal names the row and the field
    assert set(caught.value.fields) <= {"employees.2.agreed", "employees.2.job_ends_on"}
    assert caught.value.fields and "regel 2" in caught.value.detail


def test_per_row_registers_the_good_rows_and_reports_the_others(db: Session) -> None:
    s = setting(db)
    twin = employee()
    report = register_employees_at_risk(
        db,
        actor=actor_of(s.employer_user),
        data=registration(s, twin, employee(agreed=False), dict(twin), employee(), mode="per_row"),
    )
    assert [r.row for r in report.registered] == [1, 4]
    assert [(r.row, sorted(r.fields)) for r in report.refused] == [
        (2, ["agreed"]),
        (3, ["last_name"]),
    ]
    assert db.scalar(select(AtRiskEmployee.id).where(AtRiskEmployee.employer_id == s.employer.id))
    # registering the same person again is refused: they are registered already
    again = register_employees_at_risk(
        db, actor=actor_of(s.employer_user), data=registration(s, twin, mode="per_row")
    )
    assert again.registered == [] and "al aangemeld" in again.refused[0].detail


def test_others_may_not_register_and_nothing_is_written(db: Session) -> None:
    s = setting(db)
    other = setting(db)
    before = snapshot(db)
    # an employer user for another employer: as if the employer did not exist
    with pytest.raises(errors.NotFound):
        register_employees_at_risk(db, actor=actor_of(other.employer_user), data=registration(s))
    # a coach may not register for an employer
    with pytest.raises(errors.Forbidden):
        register_employees_at_risk(db, actor=actor_of(s.coach), data=registration(s))
    # an employer may not say it is a sector fund
    with pytest.raises(errors.Invalid):
        register_employees_at_risk(
            db, actor=actor_of(s.employer_user), data=registration(s, fundName="Fonds")
        )
    # without a fixed contact person there is nobody to coach: 409
    s.employer.contact_user_id = None
    db.commit()
    before = snapshot(db)
    with pytest.raises(errors.Conflict):
        register_employees_at_risk(db, actor=actor_of(s.employer_user), data=registration(s))
    assert snapshot(db) == before


def test_the_api_and_the_page_register_and_list(db: Session, client: Any) -> None:
    s = setting(db)
    headers = login_as(client, db, s.employer_user)
    body = registration(s, employee(), employee(agreed=False), mode="all_or_nothing")
    # the API refuses a list with a wrong row as problem+json naming the field
    refused = client.post(
        "/api/v1/employees-at-risk", json=body.model_dump(mode="json", by_alias=True),
        headers=headers,
    )  # fmt: skip
    assert refused.status_code == 400
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert "employees.2.agreed" in refused.text
    # per row it registers the good one
    body.mode = "per_row"  # type: ignore[assignment]
    done = client.post(
        "/api/v1/employees-at-risk", json=body.model_dump(mode="json", by_alias=True),
        headers=headers,
    )  # fmt: skip
    assert done.status_code == 201
    assert len(done.json()["registered"]) == 1 and done.json()["refused"][0]["row"] == 2
    listed = client.get("/api/v1/employees-at-risk", headers=headers).json()
    assert listed["total"] == 1 and listed["items"][0]["candidateStatus"] == "employed_at_risk"
    # the page registers a row typed in the form, and shows it in the list
    page = client.get("/werk-naar-werk", headers=headers)
    assert page.status_code == 200 and "Werknemers aanmelden" in page.text
    form = {
        "csrf_token": headers.get("X-CSRF-Token", ""),
        "chain_id": str(s.chain.id),
        "mode": "all_or_nothing",
        "r1_first_name": "Anouk",
        "r1_last_name": "Brink",
        "r1_municipality": "Almelo",
        "r1_job_title": "Orderpicker",
        "r1_job_ends_on": _in_days(60),
        "r1_agreed": "ja",
    }
    posted = client.post("/werk-naar-werk", data=form, headers=headers, follow_redirects=False)
    assert posted.status_code == 303, posted.text[:2000]
    assert "Anouk Brink" in client.get("/werk-naar-werk", headers=headers).text
    # a row without the employee's agreement comes back with the message beside the field
    form.update(r1_last_name="Smit", r1_agreed="")
    again = client.post("/werk-naar-werk", data=form, headers=headers)
    assert again.status_code == 400
    assert "Werknemer 1, instemming" in again.text and 'id="fout-r1_agreed"' in again.text


def test_the_export_holds_the_registration_and_erasure_keeps_the_facts(db: Session) -> None:
    from ontschot.access.models import Organisation
    from ontschot.people.rights import erase_candidate, export_candidate_data

    s = setting(db)
    report = register_employees_at_risk(
        db, actor=actor_of(s.employer_user), data=registration(s, employee(), fundName=None)
    )
    candidate_id = report.registered[0].candidate_id
    exported = export_candidate_data(db, actor=actor_of(s.coach), candidate_id=candidate_id)
    [shown] = exported["workToWork"]
    assert shown["jobTitle"] == "Kok in de bedrijfskantine" and shown["employerId"] == s.employer.id

    admin = make_user(
        db, Role.PARTNER_ADMIN, organisation=db.get(Organisation, s.coach.organisation_id)
    )
    erase_candidate(db, actor=actor_of(admin), candidate_id=candidate_id, reason="Verzoek")
    db.expire_all()
    row = db.get(AtRiskEmployee, report.registered[0].id)
    assert row is not None and row.job_title == "verwijderd"
    assert row.employer_id == s.employer.id and row.job_ends_on is not None
