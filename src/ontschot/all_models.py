"""Import every context's models so that Base.metadata is complete (Alembic, tests)."""

from ontschot.access import models as access_models
from ontschot.audit import models as audit_models
from ontschot.budget import models as budget_models
from ontschot.budget.ledger import models as ledger_models
from ontschot.careers import models as careers_models
from ontschot.cases.placements import models as placement_models
from ontschot.cases.trajectories import models as trajectory_models
from ontschot.cases.work_to_work import models as work_to_work_models
from ontschot.chains import models as chain_models
from ontschot.contacts import models as contact_models
from ontschot.employers import models as employer_models
from ontschot.matching import models as matching_models
from ontschot.monitor import models as monitor_models
from ontschot.people import models as people_models
from ontschot.taxonomy import models as taxonomy_models

__all__ = [
    "access_models",
    "audit_models",
    "budget_models",
    "careers_models",
    "chain_models",
    "contact_models",
    "employer_models",
    "ledger_models",
    "matching_models",
    "monitor_models",
    "people_models",
    "placement_models",
    "taxonomy_models",
    "trajectory_models",
    "work_to_work_models",
]
