"""Build `data/skill_alt_vectors.npz.gz`: e5 vectors of the labels the semantic layer uses
that the main bundled file lacks (the skills' alternative labels, issue 13).

Usage: python -m ontschot.extraction.alt_vectors   (about three minutes on one core)
"""

from __future__ import annotations

import gzip
import tempfile
import time
from pathlib import Path

from ontschot.config import Settings
from ontschot.db import make_engine, make_sessionmaker
from ontschot.extraction.embeddings import (
    BUNDLED,
    BUNDLED_ALT,
    ENCODER,
    embedded_labels,
    read_vector_file,
    write_vector_file,
)
from ontschot.extraction.index import get_index
from ontschot.setup import prepare_database


def main() -> None:
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'vectors.db'}"
    prepare_database(Settings(database_url=url))
    with make_sessionmaker(make_engine(url))() as db:
        index = get_index(db)
    keys, _, _ = embedded_labels(index)
    known = read_vector_file(gzip.decompress(BUNDLED.read_bytes()))
    missing = [k for k in dict.fromkeys(keys) if k not in known]
    started = time.perf_counter()
    vectors = ENCODER.passages([k.split("|", 2)[2] for k in missing])
    print(f"embedded {len(missing)} labels in {time.perf_counter() - started:.0f} s")
    write_vector_file(BUNDLED_ALT, missing, vectors)
    print(f"wrote {BUNDLED_ALT} ({BUNDLED_ALT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
