"""Occupation-of-a-text tuning on dev: the skill votes of every vacancy and CV are computed once
(extract_skills, cached in TMPDIR) so variants of `text_occupation` score in seconds.

Usage: python bench/occupation_tune.py [--errors SET]   (dev split only)
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from extraction_index import bench_index
from ontschot.extraction import occupations, skills
from ontschot.extraction.embeddings import ENCODER

SETS = Path(__file__).resolve().parent / "data" / "extraction"
FILES = (("vacancies_nl", "nl"), ("vacancies_en", "en"), ("cvs_nl", "nl"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", default="")
    parser.add_argument("--no-lexicon", action="store_true", help="as for titles it lacks")
    parser.add_argument("--set", action="append", default=[], help="NAME=VALUE in occupations")
    args = parser.parse_args()
    if args.no_lexicon:
        occupations.title_lexicon = dict  # type: ignore[assignment]
    for assignment in args.set:
        key, value = assignment.split("=")
        setattr(occupations, key, float(value))
    index, semantic = bench_index()
    cache = Path(tempfile.gettempdir()) / "occupation_votes.npz"
    votes: dict[str, np.ndarray] = dict(np.load(cache)) if cache.exists() else {}
    captured: list[np.ndarray] = []
    real = skills.text_occupation

    def capture(*a: Any) -> Any:
        captured.append(a[2])
        return real(*a)

    for name, lang in FILES:
        items = [json.loads(x) for x in (SETS / f"{name}.jsonl").read_text().splitlines() if x]
        items = [i for i in items if i["split"] == "dev"]
        right = 0
        for item in items:
            text = item["text"]
            key = hashlib.sha256(text.encode()).hexdigest()
            if key not in votes:
                skills.text_occupation = capture  # type: ignore[assignment]
                skills.extract_skills(
                    index, text, lang=lang, top=10, semantic=semantic, encoder=ENCODER
                )
                skills.text_occupation = real
                votes[key] = captured.pop()
            got = occupations.text_occupation(index, text, votes[key], semantic, ENCODER, lang)
            uri = index.occupations.uris[got[0]] if got else None
            ok = uri in item["occupations"]
            right += ok
            if not ok and args.errors and name.startswith(args.errors):
                title = occupations.text_title(text)
                scores = occupations.occupation_scores(index, title or "", semantic, ENCODER, lang)
                order = np.argsort(-scores)
                gold = [index.occupations.position[u] for u in item["occupations"]]
                rank = min(int(np.where(order == g)[0][0]) for g in gold) + 1
                g0 = gold[0]
                print(
                    f"  ! {title!r} gold={item['occupation_label']!r} "
                    f"got={index.occupations.label_en[got[0]] if got else None!r} "
                    f"gold_rank={rank} gold_s={scores[g0]:.3f} top={scores[order[0]]:.3f} "
                    f"votes gold={votes[key][g0]:.2f} got={votes[key][got[0]] if got else 0:.2f}"
                )
        print(f"{name}_dev acc@1: {right / max(1, len(items)):.3f} ({right}/{len(items)})")
    np.savez(cache, **votes)


if __name__ == "__main__":
    main()
