"""Why a candidate and a vacancy match: covered, related and missing skills, practical notes,
hard-requirement gaps with a route to close them, and score parts that add up to the total.

`explain()` recomputes one pair in float64 with the same functions the index uses, so the
parts here add up exactly (`total == sum(parts)`) and agree with the ranked score to within
float32 rounding.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ontschot.matching.engine import MatchIndex, day_number
from ontschot.matching.profiles import (
    CEFR,
    CERTIFICATES,
    EDUCATION_LEVELS,
    EDUCATION_ROUTES,
    LANGUAGE_NAMES_NL,
    LANGUAGES,
    LICENCES,
    CandidateProfile,
    VacancyProfile,
)
from ontschot.matching.relatedness import KIND_REASONS_NL
from ontschot.matching.scoring import PRACTICAL_PARTS, UNKNOWN_DAY, practical_parts

PART_LABELS_NL = {
    "skills_exact": "Vaardigheden (zelfde)",
    "skills_related": "Vaardigheden (verwant)",
    "occupation": "Beroep",
    "distance": "Reisafstand",
    "hours": "Uren",
    "availability": "Beschikbaarheid",
    "licence": "Rijbewijs",
    "language": "Taal",
    "requirements": "Diploma en certificaten",
}


@dataclass
class SkillRef:
    uri: str
    label: str
    essential: bool


@dataclass
class RelatedSkill:
    vacancy_skill: SkillRef
    candidate_skill_uri: str
    candidate_skill_label: str
    credit: float  # 0 … 1 share of the skill's weight that counted
    reason: str


@dataclass
class Gap:
    kind: str  # skill | education | certificate | licence | language
    label: str
    route: str


@dataclass
class ScorePart:
    name: str
    label: str
    points: float  # contribution to the total, 0 … 100


@dataclass
class Explanation:
    candidate_id: int
    vacancy_id: int
    total: float  # 0 … 100, exactly the sum of `parts`
    parts: list[ScorePart]
    covered: list[SkillRef] = field(default_factory=list)
    related: list[RelatedSkill] = field(default_factory=list)
    missing_essential: list[SkillRef] = field(default_factory=list)
    missing_optional: list[SkillRef] = field(default_factory=list)
    practical_notes: list[str] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def explain(index: MatchIndex, candidate_id: int, vacancy_id: int) -> Explanation:
    c = index.candidate_profiles[candidate_id]
    v = index.vacancy_profiles[vacancy_id]
    w = index.weights
    graph, space = index.graph, index.space
    cand_idx = {int(i): uri for uri, i in ((u, space.add(u)) for u in c.skills)}
    ess = list(dict.fromkeys(v.essential_skills))
    opt = [s for s in dict.fromkeys(v.optional_skills) if s not in set(ess)]
    total_weight = w.essential_weight * len(ess) + w.optional_weight * len(opt)
    exp = Explanation(candidate_id, vacancy_id, 0.0, [])
    exact_points = related_points = 0.0
    for uri, is_essential in [*((s, True) for s in ess), *((s, False) for s in opt)]:
        ref = SkillRef(uri, graph.skill_label(uri), is_essential)
        share = (w.essential_weight if is_essential else w.optional_weight) / total_weight
        s_idx = space.add(uri)
        if s_idx in cand_idx:
            exp.covered.append(ref)
            exact_points += share
            continue
        best = (0.0, -1, -1)
        for t_idx in cand_idx:
            credit, kind = index.related.lookup(t_idx, s_idx)
            if credit > best[0]:
                best = (credit, kind, t_idx)
        if best[0] > 0:
            t_uri = cand_idx[best[2]]
            exp.related.append(
                RelatedSkill(
                    ref,
                    t_uri,
                    graph.skill_label(t_uri),
                    float(np.float32(best[0])),
                    KIND_REASONS_NL[best[1]],
                )
            )
            related_points += share * float(np.float32(best[0]))
        (exp.missing_essential if is_essential else exp.missing_optional).append(ref)
    if not c.skills:
        exp.notes.append("Kandidaat heeft nog geen vaardigheden vastgelegd.")
    if total_weight == 0:
        exp.notes.append("Vacature heeft geen vaardigheden; vaardigheden tellen niet mee.")

    c_occ, v_occ = index.occupations.index(c.occupation), index.occupations.index(v.occupation)
    occ = float(index.occupations.proximity[c_occ, v_occ])
    exp.notes.append(index.occupations.reason(c_occ, v_occ))
    sub = _practical(index, c, v)
    parts = [
        ("skills_exact", w.skills * exact_points),
        ("skills_related", w.skills * related_points),
        ("occupation", w.occupation * occ),
    ]
    parts += [(name, getattr(w, name) * sub[name]) for name in PRACTICAL_PARTS]
    exp.parts = [ScorePart(n, PART_LABELS_NL[n], 100.0 * p) for n, p in parts]
    total = 0.0
    for part in exp.parts:
        total += part.points
    exp.total = total
    exp.practical_notes, exp.gaps = _practical_notes(index, c, v)
    for ref in exp.missing_essential:
        exp.gaps.append(
            Gap(
                "skill",
                ref.label,
                "Scholing of werkervaring op deze vaardigheid; "
                "zie loopbaanroutes voor opleidingen die haar aanleren",
            )
        )
    return exp


def _practical(index: MatchIndex, c: CandidateProfile, v: VacancyProfile) -> dict[str, float]:
    from ontschot.matching.profiles import certificate_mask, licence_mask

    def arr(x: float) -> np.ndarray:
        return np.asarray([x])

    cc = {
        "max_km": arr(c.max_travel_km),
        "hmin": arr(c.hours_min),
        "hmax": arr(c.hours_max),
        "avail": arr(day_number(c.available_from, -UNKNOWN_DAY)),
        "lic": arr(licence_mask(c.licences)),
        "edu": arr(c.education_level),
        "cert": arr(certificate_mask(c.certificates)),
    }
    vv = {
        "hmin": arr(v.hours_min),
        "hmax": arr(v.hours_max),
        "start": arr(day_number(v.start_date, UNKNOWN_DAY)),
        "lic": arr(licence_mask(v.licences)),
        "edu": arr(v.min_education_level),
        "cert": arr(certificate_mask(v.certificates)),
    }
    for lang in LANGUAGES:
        cc[lang] = arr(c.languages.get(lang, 0))
        vv[lang] = arr(v.languages.get(lang, 0))
    cc = {k: x.astype(np.int64) if k != "max_km" else x.astype(np.float32) for k, x in cc.items()}
    vv = {k: x.astype(np.int64) for k, x in vv.items()}
    km = _km(index, c, v)
    parts = practical_parts(cc, vv, np.asarray([np.nan if km is None else km], np.float32))
    return {k: float(np.float32(val[0])) for k, val in parts.items()}


def _km(index: MatchIndex, c: CandidateProfile, v: VacancyProfile) -> float | None:
    m = index.municipalities
    return m.km(m.get(c.municipality), m.get(v.municipality))


def _practical_notes(
    index: MatchIndex, c: CandidateProfile, v: VacancyProfile
) -> tuple[list[str], list[Gap]]:
    notes: list[str] = []
    gaps: list[Gap] = []
    km = _km(index, c, v)
    if km is None:
        notes.append("Reisafstand onbekend (woonplaats of werkplek niet bekend)")
    elif km <= c.max_travel_km:
        notes.append(f"Reisafstand ca. {km:.0f} km (max. {c.max_travel_km:.0f} km)")
    else:
        notes.append(
            f"Reisafstand ca. {km:.0f} km, verder dan de gewenste {c.max_travel_km:.0f} km"
        )
    fits = max(c.hours_min, v.hours_min) <= min(c.hours_max, v.hours_max)
    notes.append(
        f"Uren: kandidaat {c.hours_min}–{c.hours_max}, vacature "
        f"{v.hours_min}–{v.hours_max} per week — {'past' if fits else 'past niet'}"
    )
    if v.start_date and c.available_from and c.available_from > v.start_date:
        days = (c.available_from - v.start_date).days
        notes.append(f"Beschikbaar {days} dagen na de gewenste startdatum")
    else:
        notes.append("Beschikbaar op de gewenste startdatum")
    for lic in LICENCES:
        if lic in v.licences and lic not in c.licences:
            gaps.append(Gap("licence", f"Rijbewijs {lic} vereist", f"Rijopleiding en examen {lic}"))
    for lang in LANGUAGES:
        need, have = v.languages.get(lang, 0), c.languages.get(lang, 0)
        if need > have:
            name = LANGUAGE_NAMES_NL[lang]
            gaps.append(
                Gap(
                    "language",
                    f"{name} niveau {CEFR[need]} gevraagd (nu {CEFR[have]})",
                    f"Taalcursus {name}{' (NT2)' if lang == 'nl' else ''} tot niveau {CEFR[need]}",
                )
            )
    if v.min_education_level > c.education_level:
        gaps.append(
            Gap(
                "education",
                f"Diploma {EDUCATION_LEVELS[v.min_education_level]} vereist",
                EDUCATION_ROUTES.get(
                    v.min_education_level, "Bespreek met de werkgever of ervaring kan gelden"
                ),
            )
        )
    for code in sorted(v.certificates - c.certificates):
        if code in CERTIFICATES:
            label, route = CERTIFICATES[code]
            gaps.append(Gap("certificate", f"Certificaat {label} vereist", route))
    if gaps:
        notes.append(
            "Harde eisen die nog ontbreken staan bij 'gaten', met een route om ze te halen"
        )
    return notes, gaps
