"""Training catalogue: CSV import and picking offers that close a skill gap.

CSV columns (UTF-8, comma-separated, header row):
`provider, external_ref, title, skill_uris, duration_hours, duration_weeks, cost_cents,
start_dates, municipality, description`. `skill_uris` and `start_dates` hold several values
separated by `|`; dates are ISO (`2027-01-15`); money is integer cents. A row whose
(provider, external_ref) is already in the catalogue updates that offer.

By default an import is all or nothing: one invalid row refuses the file and nothing is
written. With `partial=True` valid rows are written and every rejected row is reported with
line, field and reason (the same contract as the registry imports).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ontschot.access.actor import Actor
from ontschot.audit import service as audit
from ontschot.careers.models import TrainingOffer, TrainingOfferSkill, TrainingOfferStart
from ontschot.interop.rows import RowError, rejection_report_csv
from ontschot.tx import transactional

COLUMNS = (
    "provider",
    "external_ref",
    "title",
    "skill_uris",
    "duration_hours",
    "duration_weeks",
    "cost_cents",
    "start_dates",
    "municipality",
    "description",
)
REQUIRED = (
    "provider",
    "external_ref",
    "title",
    "skill_uris",
    "duration_hours",
    "duration_weeks",
    "cost_cents",
)
MAX_ROWS = 50_000


@dataclass
class TrainingImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    rejected: list[RowError] = field(default_factory=list)
    committed: bool = False

    def summary_nl(self) -> str:
        state = "opgeslagen" if self.committed else "niets opgeslagen"
        return (
            f"{self.rows} regels: {self.created} nieuw, {self.updated} bijgewerkt, "
            f"{len(self.rejected)} geweigerd ({state})"
        )

    def report_csv(self) -> str:
        return rejection_report_csv(self.rejected)


@dataclass
class OfferRow:
    line: int
    provider: str
    external_ref: str
    title: str
    skill_uris: list[str]
    duration_hours: int
    duration_weeks: int
    cost_cents: int
    start_dates: list[date]
    municipality: str | None
    description: str | None


def parse_training_csv(text: str) -> tuple[list[OfferRow], list[RowError]]:
    """Validate every row; return the good rows and every problem (never raises on content)."""
    errors: list[RowError] = []
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [h for h in header if h not in COLUMNS]
    if missing or unknown:
        if missing:
            errors.append(RowError(1, ",".join(missing), "ontbrekende kolom(men)"))
        if unknown:
            errors.append(RowError(1, ",".join(unknown), "onbekende kolom(men)"))
        return [], errors
    rows: list[OfferRow] = []
    seen: set[tuple[str, str]] = set()
    line = 1
    for raw in reader:
        line = reader.line_num
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(RowError(line, "bestand", f"meer dan {MAX_ROWS} regels"))
            break
        cells = {k.strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if None in raw:
            errors.append(RowError(line, "rij", "meer cellen dan kolommen"))
            continue
        row, problems = _row(line, cells)
        if row is not None and (row.provider, row.external_ref) in seen:
            problems.append(RowError(line, "external_ref", "staat twee keer in het bestand"))
        if problems:
            errors.extend(problems)
        elif row is not None:
            seen.add((row.provider, row.external_ref))
            rows.append(row)
    return rows, errors


def _row(line: int, c: dict[str, str]) -> tuple[OfferRow | None, list[RowError]]:
    errs: list[RowError] = []

    def text(name: str, max_len: int, required: bool = True) -> str | None:
        value = c.get(name, "")
        if not value:
            if required:
                errs.append(RowError(line, name, "verplicht"))
            return None
        if len(value) > max_len:
            errs.append(RowError(line, name, f"langer dan {max_len} tekens"))
        return value

    def number(name: str, low: int, high: int) -> int:
        value = c.get(name, "")
        try:
            n = int(value)
        except ValueError:
            errs.append(RowError(line, name, "geen geheel getal"))
            return 0
        if not low <= n <= high:
            errs.append(RowError(line, name, f"moet tussen {low} en {high} liggen"))
        return n

    provider, ref, title = text("provider", 200), text("external_ref", 100), text("title", 300)
    skills = [s.strip() for s in c.get("skill_uris", "").split("|") if s.strip()]
    if not skills:
        errs.append(RowError(line, "skill_uris", "minstens één vaardigheid (URI) verplicht"))
    for uri in skills:
        if not uri.startswith(("http://", "https://")) or len(uri) > 200 or " " in uri:
            errs.append(RowError(line, "skill_uris", f"geen geldige URI: {uri[:60]}"))
    starts: list[date] = []
    for value in (v.strip() for v in c.get("start_dates", "").split("|") if v.strip()):
        try:
            starts.append(date.fromisoformat(value))
        except ValueError:
            errs.append(RowError(line, "start_dates", f"geen datum (JJJJ-MM-DD): {value[:20]}"))
    hours = number("duration_hours", 1, 10_000)
    weeks = number("duration_weeks", 0, 520)
    cost = number("cost_cents", 0, 100_000_000)
    municipality = text("municipality", 80, required=False)
    description = text("description", 5_000, required=False)
    if errs or provider is None or ref is None or title is None:
        return None, errs
    return OfferRow(
        line,
        provider,
        ref,
        title,
        list(dict.fromkeys(skills)),
        hours,
        weeks,
        cost,
        sorted(set(starts)),
        municipality,
        description,
    ), []


@transactional
def import_training_offers(
    db: Session, *, actor: Actor, text: str, partial: bool = False, source: str = "csv"
) -> TrainingImportResult:
    """Validate the whole file, then write (all or nothing unless `partial`)."""
    actor.require("training.import")
    rows, errors = parse_training_csv(text)
    result = TrainingImportResult(
        rows=len(rows) + len({e.line for e in errors if e.line > 1}),
        rejected=sorted(errors, key=lambda e: (e.line, e.field)),
    )
    if errors and not partial:
        return result
    existing = {
        (o.provider, o.external_ref): o
        for o in db.scalars(
            select(TrainingOffer).options(
                selectinload(TrainingOffer.skills), selectinload(TrainingOffer.starts)
            )
        )
    }
    written: list[TrainingOffer] = []
    for row in rows:
        offer = existing.get((row.provider, row.external_ref))
        if offer is None:
            offer = TrainingOffer(provider=row.provider, external_ref=row.external_ref)
            db.add(offer)
            result.created += 1
        else:
            result.updated += 1
        offer.title, offer.description = row.title, row.description
        offer.duration_hours, offer.duration_weeks = row.duration_hours, row.duration_weeks
        offer.cost_cents, offer.municipality, offer.source = (
            row.cost_cents,
            row.municipality,
            source,
        )
        offer.skills = [TrainingOfferSkill(skill_uri=u) for u in row.skill_uris]
        offer.starts = [TrainingOfferStart(start_date=d) for d in row.start_dates]
        written.append(offer)
    # one catalogue: each offer is also an instrument of kind training (budget, ADR 0021)
    from ontschot.budget.instruments import sync_training_offers

    sync_training_offers(db, written)
    audit.record(
        db,
        actor=actor,
        action="training.import",
        object_type="training_offer",
        object_id=None,
        subject_key=None,
        purpose=f"opleidingscatalogus {source}: {result.created} nieuw, "
        f"{result.updated} bijgewerkt, {len(result.rejected)} geweigerd",
    )
    result.committed = True
    return result
