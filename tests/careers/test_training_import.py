"""Training catalogue CSV import: all or nothing by default, --partial with a report."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot.access.actor import Actor
from ontschot.careers.models import TrainingOffer
from ontschot.careers.plan import plan_training, training_options
from ontschot.careers.training import COLUMNS, import_training_offers, parse_training_csv
from tests.matching.conftest import OPERATE_FORKLIFT, PICK_ORDERS

HEADER = ",".join(COLUMNS)
GOOD = (
    f"ROC van Twente,HT-01,Heftruckchauffeur,{OPERATE_FORKLIFT},24,1,45000,"
    "2027-01-11|2027-03-01,Hengelo,Praktijkcursus met examen"
)
GOOD2 = (
    f"Logistiek Leerbedrijf,OP-7,Orderpicken,{PICK_ORDERS}|{OPERATE_FORKLIFT},40,2,30000,"
    "2027-02-01,Enschede,"
)
BAD = "ROC van Twente,HT-02,Kapotte regel,geen-uri,veel,1,-5,morgen,Almelo,"


def _count(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(TrainingOffer)) or 0


def test_valid_file_imports_every_offer_and_reimport_updates(db: Session) -> None:
    text = "\n".join([HEADER, GOOD, GOOD2]) + "\n"
    result = import_training_offers(db, actor=Actor.cli(), text=text)
    assert result.committed and result.created == 2 and not result.rejected
    offer = db.scalars(select(TrainingOffer).where(TrainingOffer.external_ref == "HT-01")).one()
    assert offer.skill_uris == [OPERATE_FORKLIFT] and offer.cost_cents == 45000
    assert offer.start_dates == [date(2027, 1, 11), date(2027, 3, 1)]
    again = import_training_offers(db, actor=Actor.cli(), text=text.replace("45000", "47500"))
    assert again.updated == 2 and again.created == 0 and _count(db) == 2
    db.refresh(offer)
    assert offer.cost_cents == 47500


def test_one_bad_row_refuses_the_file_unless_partial(db: Session) -> None:
    text = "\n".join([HEADER, GOOD, BAD]) + "\n"
    refused = import_training_offers(db, actor=Actor.cli(), text=text)
    assert not refused.committed and _count(db) == 0
    fields = {e.field for e in refused.rejected}
    assert {"skill_uris", "duration_hours", "cost_cents", "start_dates"} <= fields
    assert all(e.line == 3 for e in refused.rejected)
    partial = import_training_offers(db, actor=Actor.cli(), text=text, partial=True)
    assert partial.committed and partial.created == 1 and _count(db) == 1
    assert partial.report_csv().startswith("line,field,reason\n")


def test_plan_from_catalogue_covers_gap_with_totals(db: Session) -> None:
    import_training_offers(db, actor=Actor.cli(), text="\n".join([HEADER, GOOD, GOOD2]) + "\n")
    options = training_options(db, [OPERATE_FORKLIFT, PICK_ORDERS], today=date(2027, 1, 20))
    plan = plan_training([OPERATE_FORKLIFT, PICK_ORDERS], options)
    assert [p.option.title for p in plan.offers] == ["Orderpicken"]
    assert plan.total_hours == 40 and plan.total_cost_cents == 30000 and not plan.uncovered
    heftruck = next(o for o in options if o.title == "Heftruckchauffeur")
    assert heftruck.next_start == date(2027, 3, 1)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_parser_never_crashes_on_arbitrary_text(text: str) -> None:
    rows, errors = parse_training_csv(HEADER + "\n" + text)
    assert all(r.skill_uris for r in rows)
    assert all(e.line >= 1 and e.reason for e in errors)
