"""Fit the skill re-ranker (src/ontschot/extraction/data/rerank.json) on the dev splits.

Training rows: for every `dev` sentence (Dutch and English) and `dev` phrase of
bench/data/extraction, the candidates the extractor itself generates (e5 shortlist plus
lexical hits, `rerank.candidates`), labelled 1 when the candidate is a gold skill. The fit is
an L2-penalised logistic regression by Newton's method: deterministic, so the same data gives
the same file. Test splits are never read. Also prints dev RP@5 for a few per-sentence
cut-offs (relative share of the sentence's best, absolute floor), the figures used to set
`RELATIVE_KEEP` and `MIN_PROBABILITY`.

Usage: python bench/extraction_train_rerank.py [--dry-run]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import json
from pathlib import Path

import numpy as np

from extraction_index import bench_index
from ontschot.extraction.embeddings import ENCODER
from ontschot.extraction.rerank import FEATURES, WEIGHTS_FILE, candidates, fit
from ontschot.extraction.skills import _sentences, sentence_queries

SETS = Path(__file__).resolve().parent / "data" / "extraction"


def dev_items() -> list[tuple[str, str, set[str]]]:
    items = []
    for lang in ("nl", "en"):
        for line in (SETS / f"sentences_{lang}.jsonl").read_text("utf-8").splitlines():
            item = json.loads(line)
            if item["split"] == "dev":
                items.append((item["text"], lang, set(item["uris"])))
    for line in (SETS / "phrases.jsonl").read_text("utf-8").splitlines():
        item = json.loads(line)
        if item["split"] == "dev":
            items.append((item["text"], item["lang"], set(item["uris"])))
    return items


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dry-run", action="store_true", help="fit and report, do not write")
    parser.add_argument("--l2", type=float, default=10.0)
    args = parser.parse_args()
    index, semantic = bench_index()
    rows, labels, groups, golds = [], [], [], []
    for number, (text, lang, gold) in enumerate(dev_items()):
        work = _sentences(index, text, lang)
        if not work:
            continue
        queries = sentence_queries(ENCODER, text, [w.span for w in work])
        cosines, dutch, english = semantic.skill_cosines_by_language(
            queries, len(index.skills.uris)
        )
        own = dutch if lang == "nl" else english
        for row, w in enumerate(work):
            skills, features = candidates(index, cosines[row], own[row], w.hits, w.units, lang)
            rows.append(features)
            labels += [index.skills.uris[s] in gold for s in skills]
            groups += [number] * len(skills)
        golds.append((number, len(gold)))
    x = np.vstack(rows)
    y = np.array(labels, dtype=np.float64)
    g = np.array(groups)
    model = fit(x, y, l2=args.l2)
    print(f"rows: {len(y)}  positives: {int(y.sum())}  items: {len(golds)}")
    for name, weight in zip(FEATURES, model.weights, strict=False):
        print(f"  {name:16} {weight:+.3f}")
    print(f"  {'bias':16} {model.bias:+.3f}")
    p = model.probabilities(x)
    for relative in (0.0, 0.1, 0.2, 0.3, 0.5):
        for floor in (0.02, 0.03, 0.05, 0.1):
            rp = prec = 0.0
            for number, n_gold in golds:
                mask = g == number
                pi, yi = p[mask], y[mask]
                order = np.argsort(-pi, kind="stable")[:5]
                cut = max(floor, relative * float(pi[order[0]])) if len(order) else 1.0
                keep = [i for i in order if pi[i] >= cut]
                correct = float(yi[keep].sum()) if keep else 0.0
                rp += correct / min(5, n_gold)
                prec += correct / len(keep) if keep else 0.0
            n = len(golds)
            print(
                f"relative {relative:.1f} floor {floor:.2f}: dev rp@5 {rp / n:.3f} p {prec / n:.3f}"
            )
    if not args.dry_run:
        note = f"dev splits of bench/data/extraction ({len(golds)} items, {len(y)} candidates)"
        WEIGHTS_FILE.write_text(model.to_json(note) + "\n", encoding="utf-8")
        print(f"written: {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
