"""Matching benchmark: latency of one candidate against many vacancies, all-pairs top-20,
speed-up over a per-pair Python baseline, and ranking quality on synthetic ground truth.

    .venv/bin/python bench/matching.py            # full sizes (100k vacancies; 100k × 20k)
    .venv/bin/python bench/matching.py --quick    # one tenth of every size, under a minute

Synthetic profiles come from the real ESCO occupation skill profiles of the bundled snapshot:
occupations are drawn with Zipf-like popularity (a few very common, a long tail); a vacancy
keeps each essential skill with p=0.8 and each optional one with p=0.35; a candidate keeps
each essential skill with p=0.7 and each optional one with p=0.25 and gets two noise skills
drawn by overall skill frequency. Every figure is printed as one `name: value` line. Timings
depend on the machine and on what else runs on it; they are never a test's pass/fail.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ontschot.matching.batch import all_pairs_top_k
from ontschot.matching.engine import MatchIndex
from ontschot.matching.graph import TaxonomyGraph
from ontschot.matching.profiles import CandidateProfile, VacancyProfile

TWENTE = [
    "Enschede",
    "Hengelo",
    "Almelo",
    "Borne",
    "Oldenzaal",
    "Haaksbergen",
    "Losser",
    "Hof van Twente",
    "Rijssen-Holten",
    "Wierden",
    "Hellendoorn",
    "Twenterand",
    "Tubbergen",
    "Dinkelland",
]
TWENTE_WEIGHT = np.array([160, 81, 73, 23, 32, 24, 23, 35, 38, 24, 36, 34, 21, 26], float)


class Generator:
    def __init__(self, graph: TaxonomyGraph, seed: int = 7) -> None:
        self.graph = graph
        self.rng = np.random.default_rng(seed)
        self.occs = [u for u, o in graph.occupations.items() if o.essential]
        n = len(self.occs)
        popularity = 1.0 / np.arange(1, n + 1) ** 1.1
        self.occ_p = popularity[self.rng.permutation(n)]
        self.occ_p /= self.occ_p.sum()
        counts: dict[str, int] = {}
        for info in graph.occupations.values():
            for s in info.essential + info.optional:
                counts[s] = counts.get(s, 0) + 1
        self.skills = list(counts)
        freq = np.array([counts[s] for s in self.skills], float)
        self.skill_p = freq / freq.sum()
        self.mun_p = TWENTE_WEIGHT / TWENTE_WEIGHT.sum()

    def _keep(self, items: list[str], p: float) -> list[str]:
        return [s for s, keep in zip(items, self.rng.random(len(items)) < p, strict=True) if keep]

    def occupations(self, n: int) -> np.ndarray:
        return self.rng.choice(len(self.occs), n, p=self.occ_p)

    def vacancies(self, n: int, start_id: int = 1) -> list[VacancyProfile]:
        out = []
        muns = self.rng.choice(len(TWENTE), n, p=self.mun_p)
        for i, o in enumerate(self.occupations(n)):
            info = self.graph.occupations[self.occs[o]]
            lo = int(self.rng.choice([8, 16, 24, 32]))
            out.append(
                VacancyProfile(
                    id=start_id + i,
                    essential_skills=self._keep(info.essential, 0.8),
                    optional_skills=self._keep(info.optional, 0.35),
                    occupation=info.uri,
                    municipality=TWENTE[muns[i]],
                    sector=info.isco_code[:1] or None,
                    hours_min=lo,
                    hours_max=min(40, lo + 8),
                    start_date=date(2026, 12, 1) + timedelta(days=int(self.rng.integers(0, 90))),
                    licences=frozenset({"B"}) if self.rng.random() < 0.2 else frozenset(),
                    languages={"nl": int(self.rng.choice([0, 2, 3]))},
                    min_education_level=int(self.rng.choice([0, 0, 4, 5])),
                )
            )
        return out

    def candidates(
        self, n: int, start_id: int = 1, *, with_occupation: bool = True
    ) -> list[CandidateProfile]:
        out = []
        muns = self.rng.choice(len(TWENTE), n, p=self.mun_p)
        noise = self.rng.choice(len(self.skills), (n, 2), p=self.skill_p)
        for i, o in enumerate(self.occupations(n)):
            info = self.graph.occupations[self.occs[o]]
            skills = self._keep(info.essential, 0.7) + self._keep(info.optional, 0.25)
            skills += [self.skills[j] for j in noise[i]]
            lo = int(self.rng.choice([8, 16, 24, 32]))
            out.append(
                CandidateProfile(
                    id=start_id + i,
                    skills=skills,
                    occupation=info.uri if with_occupation else None,
                    municipality=TWENTE[muns[i]],
                    max_travel_km=float(self.rng.choice([10, 25, 40])),
                    hours_min=lo,
                    hours_max=min(40, lo + 16),
                    available_from=date(2026, 12, 1)
                    + timedelta(days=int(self.rng.integers(0, 60))),
                    licences=frozenset({"B"}) if self.rng.random() < 0.6 else frozenset(),
                    languages={"nl": int(self.rng.choice([1, 3, 4, 6]))},
                    education_level=int(self.rng.choice([2, 4, 5, 6, 7])),
                    certificates=frozenset(),
                )
            )
            out[-1].true_occupation = info.uri  # type: ignore[attr-defined]
        return out


def report(name: str, value: float | int | str) -> None:
    text = f"{value:.4g}" if isinstance(value, float) else str(value)
    print(f"{name}: {text}", flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def single_latency(graph: TaxonomyGraph, gen: Generator, n_vacancies: int, samples: int) -> None:
    t0 = time.perf_counter()
    index = MatchIndex(graph)
    vacancies = gen.vacancies(n_vacancies)
    candidates = gen.candidates(samples, start_id=10_000_000)
    index.load(candidates, vacancies)
    report("single_build_seconds", time.perf_counter() - t0)
    report("single_vacancies", n_vacancies)
    index.top_vacancies(candidates[0].id, 10)  # warm-up
    times = []
    for c in candidates:
        t = time.perf_counter()
        index.top_vacancies(c.id, 10)
        times.append((time.perf_counter() - t) * 1000)
    report("single_p50_ms", float(np.percentile(times, 50)))
    report("single_p95_ms", float(np.percentile(times, 95)))
    t = time.perf_counter()
    extra = gen.vacancies(1, start_id=n_vacancies + 1)[0]
    index.upsert_vacancy(extra)
    index.remove_vacancy(1)
    report("incremental_update_ms", (time.perf_counter() - t) * 1000)


def baseline_top_k(
    index: MatchIndex,
    cand: CandidateProfile,
    vacancies: list[VacancyProfile],
    related: dict[str, dict[str, float]],
    k: int,
) -> list[tuple[float, int]]:
    """Straightforward per-pair Python: the same score, one vacancy at a time."""
    from ontschot.matching.explain import _practical

    w = index.weights
    occ = index.occupations
    mine = set(cand.skills)
    c_occ = occ.index(cand.occupation)
    scored = []
    for v in vacancies:
        ess = list(dict.fromkeys(v.essential_skills))
        opt = [s for s in dict.fromkeys(v.optional_skills) if s not in set(ess)]
        total_w = w.essential_weight * len(ess) + w.optional_weight * len(opt)
        covered = 0.0
        for s, weight in [
            *((s, w.essential_weight) for s in ess),
            *((s, w.optional_weight) for s in opt),
        ]:
            if s in mine:
                covered += weight
            else:
                covered += weight * max((related.get(t, {}).get(s, 0.0) for t in mine), default=0.0)
        coverage = covered / total_w if total_w else 0.0
        prox = float(occ.proximity[c_occ, occ.index(v.occupation)])
        parts = _practical(index, cand, v)
        total = w.skills * coverage + w.occupation * prox
        total += sum(getattr(w, name) * value for name, value in parts.items())
        scored.append((total, v.id))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return scored[:k]


def all_pairs(
    graph: TaxonomyGraph,
    gen: Generator,
    n_cand: int,
    n_vac: int,
    baseline_sample: int,
    quality_sample: int,
) -> None:
    index = MatchIndex(graph)
    vacancies = gen.vacancies(n_vac)
    candidates = gen.candidates(n_cand)
    t = time.perf_counter()
    index.load(candidates, vacancies)
    report("allpairs_build_seconds", time.perf_counter() - t)
    report("allpairs_candidates", n_cand)
    report("allpairs_vacancies", n_vac)
    t, cpu = time.perf_counter(), time.process_time()
    result = all_pairs_top_k(index, 20, chunk=256, workers=2)
    seconds = time.perf_counter() - t
    report("allpairs_seconds", seconds)
    # CPU time of this process (all threads): less sensitive to other load on the machine.
    report("allpairs_cpu_seconds", time.process_time() - cpu)
    report("load_average_1min", __import__("os").getloadavg()[0])
    report("allpairs_refined_pairs", result.refined_pairs)
    report("peak_rss_mb", peak_rss_mb())

    # Two-stage batch (shortlist + exact scores of the shortlisted pairs) against the exact one.
    gc.collect()
    t, cpu = time.perf_counter(), time.process_time()
    approx = all_pairs_top_k(index, 20, workers=2, exact=False, shortlist=200)
    report("allpairs_two_stage_seconds", time.perf_counter() - t)
    report("allpairs_two_stage_cpu_seconds", time.process_time() - cpu)
    report("allpairs_two_stage_shortlist", 200)
    report("load_average_1min_two_stage", __import__("os").getloadavg()[0])
    # recall with ties: share of the two-stage top 20 at or above the exact 20th score
    kth = result.scores[:, -1][:, None]
    found = np.minimum(20, (approx.scores >= kth - 1e-6).sum(axis=1))
    report("allpairs_recall_at_20_vs_exact", float(found.mean() / 20))
    report("allpairs_recall_at_20_vs_exact_p10", float(np.percentile(found / 20, 10)))
    report("peak_rss_mb_after_two_stage", peak_rss_mb())

    # Per-pair Python baseline on a sample, same scoring, measured in this run.
    matrix = index.related.matrix
    uris = index.space.uris
    related: dict[str, dict[str, float]] = {}
    for t_idx in range(matrix.shape[0]):
        lo, hi = matrix.indptr[t_idx], matrix.indptr[t_idx + 1]
        if hi > lo:
            related[uris[t_idx]] = {
                uris[j]: float(x)
                for j, x in zip(matrix.indices[lo:hi], matrix.data[lo:hi], strict=True)
            }
    sample = candidates[:baseline_sample]
    t = time.perf_counter()
    agree = 0
    for cand in sample:
        base = baseline_top_k(index, cand, vacancies, related, 20)
        fast = result.hits(cand.id)
        agree += all(abs(a[0] - b.score) < 1e-4 for a, b in zip(base, fast, strict=True))
    per_candidate = (time.perf_counter() - t) / len(sample)
    report("baseline_seconds_per_candidate", per_candidate)
    report("baseline_extrapolated_seconds", per_candidate * n_cand)
    report("speedup_vs_baseline", per_candidate * n_cand / seconds)
    report("baseline_agreement", f"{agree}/{len(sample)}")

    # Quality: does a vacancy of the candidate's own occupation reach the top 10?
    vac_occ = {v.id: v.occupation for v in vacancies}
    present = set(vac_occ.values())
    hits = total = 0
    for row, cid in enumerate(result.candidate_ids):
        cand = candidates[int(cid) - 1]
        if cand.occupation not in present:
            continue
        total += 1
        hits += any(vac_occ.get(int(v)) == cand.occupation for v in result.vacancy_ids[row, :10])
    report("quality_top10_hit_rate", hits / max(total, 1))
    hits2 = 0
    for row, cid in enumerate(approx.candidate_ids):
        cand = candidates[int(cid) - 1]
        if cand.occupation in present:
            hits2 += any(
                vac_occ.get(int(v)) == cand.occupation for v in approx.vacancy_ids[row, :10]
            )
    report("quality_top10_hit_rate_two_stage", hits2 / max(total, 1))
    report("quality_candidates_evaluated", total)
    # The same without telling the engine the candidate's occupation (skills only).
    blind = gen.candidates(quality_sample, start_id=50_000_000, with_occupation=False)
    hits = total = 0
    for cand in blind:
        truth = cand.true_occupation  # type: ignore[attr-defined]
        if truth not in present:
            continue
        index.upsert_candidate(cand)
        top = index.top_vacancies(cand.id, 10).hits
        total += 1
        hits += any(vac_occ.get(h.id) == truth for h in top)
    report("quality_top10_hit_rate_skills_only", hits / max(total, 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one tenth of every size")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    t = time.perf_counter()
    graph = TaxonomyGraph.from_snapshot()
    report("taxonomy_load_seconds", time.perf_counter() - t)
    gen = Generator(graph)
    single_latency(graph, gen, 100_000 // scale, 200 // (2 if args.quick else 1))
    gc.collect()
    all_pairs(
        graph,
        gen,
        100_000 // scale,
        20_000 // scale,
        baseline_sample=3 if args.quick else 5,
        quality_sample=300,
    )
    report("cpu_count", len(__import__("os").sched_getaffinity(0)))


if __name__ == "__main__":
    main()
