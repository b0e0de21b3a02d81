"""Career routes: from an occupation (or a skill profile) to other occupations.

Fit of a target occupation B for a source profile A is the same skill coverage the matching
engine uses for vacancies: B's essential (weight 2) and optional (weight 1) skills, covered
by A's skills exactly (credit 1) or through a related skill (ESCO relation, hierarchy,
co-occurrence, optionally semantic: partial credit). It is computed for every occupation at
once with one sparse matrix–vector product.

Ranking:
* `order="fit"`: by fit;
* `order="demand"`: among targets with fit ≥ `min_fit`, by
  `0.7 × fit + 0.3 × min(1, tightness / (2 × tightness_promising))`, where tightness is
  open vacancies per available candidate for that occupation in the region (counts passed
  in). A target above `tightness_promising` is marked kansberoep.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import scipy.sparse as sp

from ontschot.insight.tightness import Demand, is_kansberoep
from ontschot.matching.engine import MatchIndex
from ontschot.matching.relatedness import KIND_REASONS_NL


@dataclass
class GapSkill:
    uri: str
    label: str
    essential: bool
    related_credit: float = 0.0  # partial credit through a related skill the person has


@dataclass
class RelatedCover:
    target_uri: str
    target_label: str
    source_uri: str
    source_label: str
    credit: float
    reason: str


@dataclass
class CareerRoute:
    occupation_uri: str
    label: str
    isco_code: str
    fit: float  # 0 … 1 weighted skill coverage including related credit
    overlap_pct: float  # share of the target's skills the person has exactly
    essential_overlap_pct: float  # same, essential skills only
    shared: list[str] = field(default_factory=list)  # labels of exactly shared skills
    related: list[RelatedCover] = field(default_factory=list)
    gaps: list[GapSkill] = field(default_factory=list)
    tightness: float | None = None
    open_vacancies: int | None = None
    available_candidates: int | None = None
    is_kansberoep: bool = False
    rank_score: float = 0.0


class RouteFinder:
    """Occupation targets as a normalised sparse weight matrix, built once per taxonomy."""

    def __init__(self, index: MatchIndex) -> None:
        self.index = index
        occ = index.occupations
        profiles = occ.profiles.tocsr().astype(np.float32)
        totals = np.asarray(profiles.sum(axis=1)).ravel()
        totals[totals == 0] = 1.0
        self.targets = sp.csr_matrix(sp.diags(1.0 / totals) @ profiles)

    def routes(
        self,
        *,
        occupation: str | None = None,
        skills: list[str] | None = None,
        demand: dict[str, Demand] | None = None,
        tightness_promising: float = 1.5,
        top: int = 10,
        order: Literal["fit", "demand"] = "fit",
        min_fit: float = 0.1,
    ) -> list[CareerRoute]:
        graph, space = self.index.graph, self.index.space
        own: list[str] = list(skills or [])
        if occupation is not None and occupation in graph.occupations:
            info = graph.occupations[occupation]
            own += info.essential + info.optional
        own = list(dict.fromkeys(own))
        if not own:
            return []
        idx, credits = self.index.expand(space.indices(own))
        keep = idx < self.targets.shape[1]
        query = sp.csr_matrix(
            (credits[keep], (np.zeros(keep.sum(), int), idx[keep])),
            shape=(1, self.targets.shape[1]),
        )
        fit = np.asarray((self.targets @ query.T).todense()).ravel()
        uris = self.index.occupations.uris
        if occupation in self.index.occupations._index:
            fit[self.index.occupations.index(occupation)] = -1.0
        demand = demand or {}
        tight = np.array([demand[u].tightness if u in demand else 0.0 for u in uris])
        if order == "demand":
            bonus = np.minimum(1.0, tight / (2.0 * tightness_promising))
            rank = np.where(fit >= min_fit, 0.7 * fit + 0.3 * bonus, -1.0)
        else:
            rank = fit
        n = min(top, int((rank > 0).sum()))
        if n == 0:
            return []
        best = np.argpartition(-rank, n - 1)[:n]
        best = best[np.lexsort((best, -rank[best]))]
        mine = set(own)
        return [
            self._detail(
                uris[i],
                float(fit[i]),
                float(rank[i]),
                mine,
                demand.get(uris[i]),
                tightness_promising,
            )
            for i in best
        ]

    def _detail(
        self,
        uri: str,
        fit: float,
        rank: float,
        mine: set[str],
        demand: Demand | None,
        promising: float,
    ) -> CareerRoute:
        graph, space, related = self.index.graph, self.index.space, self.index.related
        info = graph.occupations[uri]
        opt = [s for s in dict.fromkeys(info.optional) if s not in set(info.essential)]
        target = [*((s, True) for s in dict.fromkeys(info.essential)), *((s, False) for s in opt)]
        mine_idx = {space.add(s): s for s in mine}
        route = CareerRoute(uri, info.label, info.isco_code, fit, 0.0, 0.0, rank_score=rank)
        exact = exact_ess = 0
        for s, essential in target:
            if s in mine:
                exact += 1
                exact_ess += essential
                route.shared.append(graph.skill_label(s))
                continue
            s_idx = space.add(s)
            best = max(((*related.lookup(t, s_idx), t) for t in mine_idx), default=(0.0, -1, -1))
            if best[0] > 0:
                route.related.append(
                    RelatedCover(
                        s,
                        graph.skill_label(s),
                        mine_idx[best[2]],
                        graph.skill_label(mine_idx[best[2]]),
                        float(best[0]),
                        KIND_REASONS_NL[best[1]],
                    )
                )
            route.gaps.append(GapSkill(s, graph.skill_label(s), essential, float(best[0])))
        n_ess = len(info.essential and dict.fromkeys(info.essential))
        route.overlap_pct = round(100.0 * exact / max(len(target), 1), 1)
        route.essential_overlap_pct = round(100.0 * exact_ess / max(n_ess, 1), 1)
        if demand is not None:
            route.tightness = demand.tightness
            route.open_vacancies = demand.open_vacancies
            route.available_candidates = demand.available_candidates
            route.is_kansberoep = is_kansberoep(demand.tightness, promising)
        return route
