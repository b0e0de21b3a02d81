from __future__ import annotations

import pytest

from ontschot.careers.routes import RouteFinder
from ontschot.matching.engine import MatchIndex
from tests.matching.conftest import graph, shared_index  # noqa: F401  (shared fixtures)


@pytest.fixture(scope="session")
def finder(shared_index: MatchIndex) -> RouteFinder:  # noqa: F811
    return RouteFinder(shared_index)
