"""Matching tests run on the real ESCO snapshot without a database (the engine is DB-free)."""

from __future__ import annotations

import pytest

from ontschot.matching.engine import MatchIndex
from ontschot.matching.graph import TaxonomyGraph

ESCO_OCC = "http://data.europa.eu/esco/occupation/"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
BUILDING_CLEANER = ESCO_OCC + "303a1e34-cb16-4054-b323-81e5eec17397"
WAREHOUSE_WORKER = ESCO_OCC + "bea705fe-06ac-4147-b8e0-6e8ac1208d8f"
FORKLIFT_OPERATOR = ESCO_OCC + "eeac6251-1974-42f5-91ed-513c6c883755"
ORDER_PICKER = ESCO_OCC + "cd94def5-3442-4c2e-ae3d-0761a3008bcb"
OPERATE_FORKLIFT = ESCO_SKILL + "28cb374e-6261-4133-8371-f9a5470145da"
FORKLIFT_INSPECTIONS = ESCO_SKILL + "3c84f7d9-7a3e-4343-814f-31de0aa61651"
PICK_ORDERS = ESCO_SKILL + "ee5e2297-39cc-4ed6-89e5-d58016118a7f"


@pytest.fixture(scope="session")
def graph() -> TaxonomyGraph:
    return TaxonomyGraph.from_snapshot()


@pytest.fixture(scope="session")
def shared_index(graph: TaxonomyGraph) -> MatchIndex:
    return MatchIndex(graph)


@pytest.fixture
def index(shared_index: MatchIndex) -> MatchIndex:
    """A fresh, empty index (taxonomy structures shared across tests)."""
    return MatchIndex.sharing(shared_index)
