"""The extraction index the bench scripts share: the bundled taxonomy in a fresh SQLite
database, with the index and label vectors cached in TMPDIR/ontschot-bench."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ontschot.config import Settings
from ontschot.db import make_engine, make_sessionmaker
from ontschot.extraction.embeddings import SemanticIndex, semantic_index
from ontschot.extraction.index import TaxonomyIndex, get_index
from ontschot.setup import prepare_database


def bench_index() -> tuple[TaxonomyIndex, SemanticIndex]:
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    settings = Settings(database_url=url, data_dir=Path(tempfile.gettempdir()) / "ontschot-bench")
    prepare_database(settings)
    with make_sessionmaker(make_engine(url))() as db:
        index = get_index(db, settings.data_dir)
    return index, semantic_index(index, settings.data_dir)
