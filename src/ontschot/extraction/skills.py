"""Skill extraction: a vacancy or CV text -> ESCO skills with evidence spans.

Two paths meet per skill:

* lexical (fast, explainable): the content words of a skill label, stemmed and with Dutch
  compounds split, all or nearly all present in one sentence. The evidence spans are the
  matched words.
* semantic (paraphrases, and Dutch text against English-only labels): sentences embedded
  with multilingual e5 and compared with every skill's preferred labels. The evidence
  span is the sentence.

The likely occupation (title line plus the skills found) then lifts the skills that ESCO
lists for it, a skill and its broader parent are not both kept, and the caller's
threshold and `top` cut the list.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ontschot.extraction.embeddings import Encoder, SemanticIndex
from ontschot.extraction.index import TaxonomyIndex
from ontschot.extraction.occupations import OccupationSuggestion, calibrate, occupation_scores
from ontschot.extraction.text import (
    ESSENTIAL_CUES,
    OPTIONAL_CUES,
    STOPWORDS,
    Token,
    fold,
    sentences,
    stem,
    tokens,
)

MIN_COVERAGE = 0.74
SEMANTIC_PER_SENTENCE = 3
SEMANTIC_MIN = 0.45  # calibrated cosine below which a sentence does not evidence a skill
SEMANTIC_WEIGHT = 0.8
BOTH_BONUS = 0.12
PRIOR_ESSENTIAL = 0.1
PRIOR_OPTIONAL = 0.05
MAX_SENTENCE_CHARS = 400
DEFAULT_THRESHOLD = 0.35


@dataclass
class SkillEvidence:
    score: float = 0.0
    spans: set[tuple[int, int]] = field(default_factory=set)
    lexical: float = 0.0
    semantic: float = 0.0
    sentence: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class ExtractedSkill:
    uri: str
    label: str
    score: float
    spans: list[tuple[int, int]]
    requirement: str | None  # essential | optional | None
    index: int


@dataclass(frozen=True, slots=True)
class Extraction:
    skills: list[ExtractedSkill]
    occupation: OccupationSuggestion | None
    language: str


def _units(index: TaxonomyIndex, toks: list[Token]) -> dict[str, list[tuple[int, int]]]:
    """Matching keys of a sentence (stems and compound parts) with the spans they come from."""
    units: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for tok in toks:
        if tok.norm in STOPWORDS or len(tok.stem) < 2:
            continue
        units[tok.stem].append((tok.start, tok.end))
        if len(tok.norm) >= 8:
            for part in index.splitter.split(tok.norm):
                units[stem(part)].append((tok.start, tok.end))
    return units


def _lexical(
    index: TaxonomyIndex, toks: list[Token], span: tuple[int, int], found: dict[int, SkillEvidence]
) -> bool:
    units = _units(index, toks)
    weight: dict[int, float] = defaultdict(float)
    for unit in units:
        idf = index.key_idf.get(unit, 0.0)
        for label in index.skill_postings.get(unit, ()):
            weight[label] += idf
    hit = False
    for label, got in weight.items():
        coverage = got / index.label_idf_total[label]
        if coverage < MIN_COVERAGE:
            continue
        keys = index.skill_label_keys[label]
        matched = [k for k in keys if k in units]
        score = 0.5 + 0.45 * coverage if len(matched) == len(keys) else 0.45 * coverage
        if len(keys) == 1 and index.key_idf[keys[0]] < 6.0:
            score *= 0.7  # a lone common word ('beheren') is weak evidence
        concept = index.skills.labels[label].concept
        ev = found.setdefault(concept, SkillEvidence(sentence=span))
        if score > ev.lexical:
            ev.lexical = score
            ev.sentence = span
        for key in matched:
            ev.spans.update(units[key])
        hit = True
    return hit


def _semantic(
    index: TaxonomyIndex,
    semantic: SemanticIndex,
    encoder: Encoder,
    text: str,
    spans: list[tuple[int, int]],
    found: dict[int, SkillEvidence],
) -> None:
    if not spans:
        return
    queries = encoder.queries([text[a:b][:MAX_SENTENCE_CHARS] for a, b in spans])
    sims = calibrate(queries @ semantic.skill_matrix.T)
    for row, span in enumerate(sims):
        best = np.argpartition(-span, SEMANTIC_PER_SENTENCE)[:SEMANTIC_PER_SENTENCE]
        for col in best:
            value = float(span[col]) * (
                0.8 + 0.2 * float(index.skill_popularity[semantic.skill_concepts[col]])
            )
            if value < SEMANTIC_MIN:
                continue
            concept = int(semantic.skill_concepts[col])
            ev = found.setdefault(concept, SkillEvidence(sentence=spans[row]))
            if value * SEMANTIC_WEIGHT > ev.semantic:
                ev.semantic = value * SEMANTIC_WEIGHT
                if ev.lexical == 0.0:
                    ev.sentence = spans[row]
            if ev.lexical == 0.0:
                ev.spans.add(spans[row])


def requirement_hint(text: str, span: tuple[int, int]) -> str | None:
    """'essential' or 'optional' when the sentence says so ('vereist', 'is een pré')."""
    sentence = " " + fold(text[span[0] : span[1]]) + " "
    if any(f" {cue}" in sentence for cue in (fold(c) for c in OPTIONAL_CUES)):
        return "optional"
    if any(f" {cue}" in sentence for cue in (fold(c) for c in ESSENTIAL_CUES)):
        return "essential"
    return None


def _likely_occupation(
    index: TaxonomyIndex,
    text: str,
    found: dict[int, SkillEvidence],
    semantic: SemanticIndex | None,
    encoder: Encoder | None,
    lang: str,
) -> tuple[int, float] | None:
    n = len(index.occupations.uris)
    votes = np.zeros(n, dtype=np.float32)
    for skill, ev in found.items():
        for occ in index.skill_occupations.get(skill, ()):
            votes[occ] += max(ev.lexical, ev.semantic)
    sizes = np.array([len(index.occ_skills.get(i, ())) or 1 for i in range(n)], np.float32)
    votes = np.minimum(votes / np.sqrt(sizes), 1.0)
    first_line = text.strip().split("\n", 1)[0]
    if 0 < len(first_line) <= 80:
        votes = 0.5 * votes + occupation_scores(index, first_line, semantic, encoder, lang)
    best = int(np.argmax(votes))
    return (best, float(votes[best])) if votes[best] > 0 else None


def extract_skills(
    index: TaxonomyIndex,
    text: str,
    *,
    lang: str = "nl",
    top: int = 20,
    threshold: float = 0.0,
    semantic: SemanticIndex | None = None,
    encoder: Encoder | None = None,
    semantic_budget: int = 12,
) -> Extraction:
    """Skills in `text`, best first, with character spans into `text`."""
    found: dict[int, SkillEvidence] = {}
    toks = tokens(text)
    starts = [t.start for t in toks]
    unmatched: list[tuple[int, int]] = []
    matched: list[tuple[int, int]] = []
    for span in sentences(text):
        lo, hi = bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])
        sentence_tokens = toks[lo:hi]
        if _lexical(index, sentence_tokens, span, found):
            matched.append(span)
        elif sum(t.norm not in STOPWORDS for t in sentence_tokens) >= 2:
            unmatched.append(span)
    if semantic is not None and encoder is not None and semantic_budget > 0:
        chosen = sorted((unmatched + matched)[:semantic_budget])
        _semantic(index, semantic, encoder, text, chosen, found)
    likely = _likely_occupation(index, text, found, semantic, encoder, lang)
    prior = index.occ_skills.get(likely[0], {}) if likely and likely[1] >= 0.5 else {}
    for skill, ev in found.items():
        ev.score = max(ev.lexical, ev.semantic)
        if ev.lexical and ev.semantic:
            ev.score += BOTH_BONUS
        if skill in prior:
            ev.score += PRIOR_ESSENTIAL if prior[skill] else PRIOR_OPTIONAL
        ev.score = min(1.0, ev.score)
    ranked = sorted(
        (s for s in found if not index.skill_is_group[s]),
        key=lambda s: (-found[s].score, index.skills.uris[s]),
    )
    kept: list[int] = []
    blocked: set[int] = set()
    for skill in ranked:
        ev = found[skill]
        if ev.score < threshold or skill in blocked:
            continue
        kept.append(skill)
        blocked.update(index.broader.get(skill, ()))
        blocked.update(index.narrower.get(skill, ()))
        if len(kept) >= top:
            break
    occupation = None
    if likely is not None:
        occupation = OccupationSuggestion(
            index.occupations.uris[likely[0]],
            index.occupations.display(likely[0], lang),
            round(min(1.0, likely[1]), 4),
            likely[0],
        )
    return Extraction(
        skills=[
            ExtractedSkill(
                index.skills.uris[s],
                index.skills.display(s, lang),
                round(found[s].score, 4),
                sorted(found[s].spans),
                requirement_hint(text, found[s].sentence),
                s,
            )
            for s in kept
        ],
        occupation=occupation,
        language=lang,
    )
