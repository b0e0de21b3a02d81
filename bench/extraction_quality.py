"""Extraction quality on the hand-labelled sets in bench/data (see bench/data/README.md).

Prints `name: value` lines per language:
* titles (held-out `test` split; `--split dev` for the tuning split): MRR, hit@1, hit@5;
* skills per sentence: precision of the returned top 5 (after the default threshold; micro:
  correct / returned over all texts, and macro: mean per text with no answer counting 0;
  lenient also accepts the direct broader or narrower skill of a gold skill), recall of
  the gold skills within the top 5, MRR of the first correct skill, hit@5;
* skills per document (vacancy-like texts of 6 consecutive sentences of one sector):
  precision of the top 5 and recall within the top 10.
* the same skill figures per split (`{lang}_skills_dev_...`, `{lang}_skills_test_...`):
  documents there are built from consecutive sentences of that split only. Skill weights
  are tuned on `dev`; `test` is the held-out figure.

Precision counts only the skills returned: when the threshold leaves fewer than 5, the
denominator is what was returned (micro), and a text with no answer counts 0 in the macro
figure. `--show-errors` prints, per document, the returned skills that are not gold.

Usage: python bench/extraction_quality.py [--split test|dev|all] [--no-semantic] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from ontschot.config import Settings
from ontschot.db import make_engine, make_sessionmaker
from ontschot.extraction.embeddings import ENCODER, semantic_index
from ontschot.extraction.index import TaxonomyIndex, get_index
from ontschot.extraction.occupations import suggest_occupations
from ontschot.extraction.skills import DEFAULT_THRESHOLD, extract_skills
from ontschot.setup import prepare_database

DATA = Path(__file__).resolve().parent / "data"
DOC_SIZE = 6


def load(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def rank_of_first_hit(predicted: list[str], gold: set[str]) -> int | None:
    for rank, uri in enumerate(predicted, start=1):
        if uri in gold:
            return rank
    return None


def title_figures(
    index: TaxonomyIndex, items: list[dict[str, Any]], semantic: Any, lang: str
) -> dict[str, float]:
    rr = hit1 = hit5 = 0.0
    for item in items:
        found = suggest_occupations(
            index,
            item["text"],
            lang=lang,
            top=10,
            semantic=semantic,
            encoder=ENCODER if semantic else None,
        )
        rank = rank_of_first_hit([s.uri for s in found], set(item["uris"]))
        if rank:
            rr += 1 / rank
            hit1 += rank == 1
            hit5 += rank <= 5
    n = max(1, len(items))
    return {"mrr": rr / n, "hit@1": hit1 / n, "hit@5": hit5 / n, "n": float(len(items))}


def family(index: TaxonomyIndex, gold: set[str]) -> set[str]:
    """The gold skills with their direct broader and narrower skills (lenient scoring)."""
    out = set(gold)
    for uri in gold:
        pos = index.skills.position.get(uri)
        if pos is not None:
            related = index.broader.get(pos, set()) | index.narrower.get(pos, set())
            out.update(index.skills.uris[r] for r in related if not index.skill_is_group[r])
    return out


def skill_figures(
    index: TaxonomyIndex,
    texts: list[tuple[str, set[str]]],
    semantic: Any,
    lang: str,
    *,
    top: int = 5,
    show_errors: bool = False,
) -> dict[str, float]:
    precision = recall = rr = hit = 0.0
    correct_total = returned_total = lenient_total = 0
    for text, gold in texts:
        result = extract_skills(
            index,
            text,
            lang=lang,
            top=top,
            threshold=DEFAULT_THRESHOLD,
            semantic=semantic,
            encoder=ENCODER if semantic else None,
        )
        predicted = [s.uri for s in result.skills]
        if show_errors:
            print(f"--- {text[:70]!r}")
            for s in result.skills:
                near = "~  " if s.uri in family(index, gold) else "FP "
                mark = "ok " if s.uri in gold else near
                print(f"  {mark}{s.score:.2f} {s.label}")
        correct = sum(uri in gold for uri in predicted)
        correct_total += correct
        lenient_total += sum(uri in family(index, gold) for uri in predicted)
        returned_total += len(predicted)
        precision += correct / len(predicted) if predicted else 0.0
        recall += correct / len(gold)
        rank = rank_of_first_hit(predicted, gold)
        rr += 1 / rank if rank else 0.0
        hit += rank is not None
    n = max(1, len(texts))
    return {
        f"precision@{top}": correct_total / max(1, returned_total),
        f"lenient_precision@{top}": lenient_total / max(1, returned_total),
        f"macro_precision@{top}": precision / n,
        f"recall@{top}": recall / n,
        "mrr": rr / n,
        f"hit@{top}": hit / n,
        "n": float(len(texts)),
    }


def documents(items: list[dict[str, Any]]) -> list[tuple[str, set[str]]]:
    docs = []
    for start in range(0, len(items) - DOC_SIZE + 1, DOC_SIZE):
        chunk = items[start : start + DOC_SIZE]
        docs.append((" ".join(i["text"] for i in chunk), {u for i in chunk for u in i["uris"]}))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=["test", "dev", "all"])
    parser.add_argument("--no-semantic", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'quality.db'}"
    settings = Settings(database_url=url, data_dir=Path(tempfile.gettempdir()) / "ontschot-bench")
    prepare_database(settings)
    with make_sessionmaker(make_engine(url))() as db:
        index = get_index(db)
    semantic = None if args.no_semantic else semantic_index(index, settings.data_dir)
    print(f"semantic_layer: {'off' if semantic is None else 'on'}")
    for lang in ("nl", "en"):
        titles = [t for t in load(f"titles_{lang}.jsonl") if args.split in ("all", t["split"])]
        for name, value in title_figures(index, titles, semantic, lang).items():
            print(f"{lang}_titles_{args.split}_{name}: {value:.3f}")
        sentences = load(f"skills_{lang}.jsonl")
        pairs = [(s["text"], set(s["uris"])) for s in sentences]
        for name, value in skill_figures(index, pairs, semantic, lang).items():
            print(f"{lang}_skills_sentences_{name}: {value:.3f}")
        docs = documents(sentences)
        for name, value in skill_figures(index, docs, semantic, lang).items():
            print(f"{lang}_skills_documents_{name}: {value:.3f}")
        recall10 = skill_figures(index, docs, semantic, lang, top=10)["recall@10"]
        print(f"{lang}_skills_documents_recall@10: {recall10:.3f}")
        for split in ("dev", "test"):
            part = [s for s in sentences if s["split"] == split]
            pairs = [(s["text"], set(s["uris"])) for s in part]
            for name, value in skill_figures(index, pairs, semantic, lang).items():
                print(f"{lang}_skills_{split}_sentences_{name}: {value:.3f}")
            figures = skill_figures(
                index, documents(part), semantic, lang, show_errors=args.show_errors
            )
            for name, value in figures.items():
                print(f"{lang}_skills_{split}_documents_{name}: {value:.3f}")


if __name__ == "__main__":
    main()
