"""Placements as the API and the pages show them."""

from __future__ import annotations

from ontschot import clock
from ontschot.cases.placements import durability
from ontschot.cases.placements.models import Placement
from ontschot.cases.placements.rules import DEFAULT_RULES, PlacementRules
from ontschot.cases.placements.schemas import FollowUpRead, PlacementRead


def placement_read(placement: Placement, rules: PlacementRules = DEFAULT_RULES) -> PlacementRead:
    today = clock.today()
    return PlacementRead(
        id=placement.id,
        trajectory_id=placement.trajectory_id,
        candidate_id=placement.candidate_id,
        employer_id=placement.employer_id,
        vacancy_id=placement.vacancy_id,
        introduction_id=placement.introduction_id,
        occupation_uri=placement.occupation_uri,
        contract_type=placement.contract_type,
        contract_months=placement.contract_months,
        hours_per_week=placement.hours_per_week,
        wage_cents=placement.wage_cents,
        wage_period=placement.wage_period,
        start_date=placement.start_date,
        paid=placement.paid,
        trial_end_date=placement.trial_end_date,
        intended_contract_months=placement.intended_contract_months,
        ended_on=placement.ended_on,
        end_reason=placement.end_reason,
        end_reason_text=placement.end_reason_text,
        durable=durability.durable(placement, rules),
        durable_definition=rules.durable_definition(),
        follow_ups=[
            FollowUpRead(
                id=f.id,
                months=f.months,
                due_date=f.due_date,
                done_at=f.done_at,
                outcome=durability.outcome(f),
                state=durability.state(f, placement, today),
                contact_date=f.contact_date,
                still_working=f.still_working,
                same_hours=f.same_hours,
                hours_now=f.hours_now,
                risk_signals=f.risk_signals,
                actions_taken=f.actions_taken,
            )
            for f in placement.follow_ups
        ],
    )
