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
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ontschot.extraction.embeddings import Encoder, SemanticIndex
from ontschot.extraction.index import GENERIC_IDF, TaxonomyIndex
from ontschot.extraction.occupations import OccupationSuggestion, occupation_scores
from ontschot.extraction.text import (
    ESSENTIAL_CUES,
    OPTIONAL_CUES,
    STOPWORDS,
    Token,
    fold_text,
    sentences,
    stem,
    tokens,
)

MIN_COVERAGE = 0.74
PARTIAL_VERB_SCORE = 0.45  # all meaningful words of a Dutch label, but not its verb
SEMANTIC_PER_SENTENCE = 2
SEMANTIC_MIN = 0.2  # calibrated score below which a sentence does not evidence a skill
SHORTLIST = 50
W_POPULARITY = 0.05  # in cosine units; skills many occupations ask for are likelier
W_OVERLAP = 0.06  # in cosine units; a label sharing words with the sentence is likelier
SKILL_FLOOR = 0.82
SKILL_RANGE = 0.2
BOTH_BONUS = 0.12
CROSS_LANGUAGE = 0.85
PRIOR_ESSENTIAL = 0.1
PRIOR_OPTIONAL = 0.05
MAX_SENTENCE_CHARS = 400
MAX_TITLE_LINE = 80
SEMANTIC_BUDGET = 8  # sentences embedded per text (~30 ms each on one core, batched)
MAX_TITLE_WORDS = 8
DEFAULT_THRESHOLD = 0.6  # set on the dev split: below it, top-5 items were mostly wrong


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


def _units(
    index: TaxonomyIndex, toks: list[Token], *, compounds: bool = True
) -> dict[str, list[tuple[int, int]]]:
    """Matching keys of a sentence (stems and compound parts) with the spans they come from."""
    units: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for tok in toks:
        if tok.norm in STOPWORDS or len(tok.stem) < 2:
            continue
        units[tok.stem].append((tok.start, tok.end))
        if compounds and len(tok.norm) >= 8 and tok.stem not in index.posting_arrays:
            # a known word stays whole: 'javascript' is no 'java' + 'script'
            for part in index.splitter.split(tok.norm):
                units[stem(part)].append((tok.start, tok.end))
    return units


def _lexical(
    index: TaxonomyIndex,
    units: dict[str, list[tuple[int, int]]],
    span: tuple[int, int],
    found: dict[int, SkillEvidence],
    lang: str,
) -> float:
    """Skills whose labels the sentence's words evidence; returns the best score (0: none)."""
    postings = [index.posting_arrays[u] for u in units if u in index.posting_arrays]
    if not postings:
        return 0.0
    labels = np.concatenate(postings)
    weights = np.concatenate(
        [
            np.full(len(p), index.key_idf[u], dtype=np.float64)
            for u, p in zip((u for u in units if u in index.posting_arrays), postings, strict=True)
        ]
    )
    unique, inverse = np.unique(labels, return_inverse=True)
    sums = np.bincount(inverse, weights=weights)
    passing = sums >= MIN_COVERAGE * index.label_gate_total[unique]
    best = 0.0
    for label_, got_ in zip(unique[passing], sums[passing], strict=True):
        label, got = int(label_), float(got_)
        # Generic verbs ('bedienen', 'use', 'beheren') count only when present, so
        # 'heftruck' evidences 'heftrucks bedienen'; the words that carry meaning must be there.
        # (Dutch labels only: they end in such a verb; English ones use 'types of', 'equipment'.)
        ref = index.skills.labels[label]
        total = float(index.label_gate_total[label])
        keys = index.skill_label_keys[label]
        matched = [k for k in keys if k in units]
        if ref.lang == "nl":
            total += sum(index.key_idf[k] for k in matched if index.key_idf[k] < GENERIC_IDF)
        coverage = got / total
        if coverage < MIN_COVERAGE:
            continue
        if len(matched) == len(keys):
            score = 0.5 + 0.45 * coverage
        elif ref.lang == "nl" and all(
            index.key_idf[k] < GENERIC_IDF for k in keys if k not in units
        ):
            score = PARTIAL_VERB_SCORE
        else:
            score = 0.45 * coverage
        if len(keys) == 1:
            # a lone word is only as good as it is rare: 'Python' yes, 'team' hardly, and
            # short acronyms ('CPC', 'ADR') are ambiguous
            rarity = min(1.0, max(0.0, (index.key_idf[keys[0]] - 4.0) / 6.0))
            score = 0.45 + 0.5 * rarity if len(keys[0]) > 3 else 0.45
        if ref.lang != lang:
            score *= CROSS_LANGUAGE  # mostly loanwords ('Excel'), sometimes a false friend
        concept = ref.concept
        ev = found.setdefault(concept, SkillEvidence(sentence=span))
        if score > ev.lexical:
            ev.lexical = score
            ev.sentence = span
        for key in matched:
            ev.spans.update(units[key])
        best = max(best, score)
    return best


def _overlap(index: TaxonomyIndex, units: dict[str, list[tuple[int, int]]], skill: int) -> float:
    """Share (IDF-weighted) of the best label's content words that occur in the sentence."""
    best = 0.0
    for label in index.skill_concept_labels.get(skill, ()):
        keys = index.skill_label_keys[label]
        if keys:
            got = sum(index.key_idf[k] for k in keys if k in units)
            best = max(best, got / float(index.label_idf_total[label]))
    return best


def _semantic(
    index: TaxonomyIndex,
    semantic: SemanticIndex,
    encoder: Encoder,
    text: str,
    sentences_units: list[tuple[tuple[int, int], dict[str, list[tuple[int, int]]]]],
    found: dict[int, SkillEvidence],
) -> None:
    """Nearest skill labels per sentence, re-ranked by popularity and shared words."""
    if not sentences_units:
        return
    queries = encoder.queries([text[a:b][:MAX_SENTENCE_CHARS] for (a, b), _ in sentences_units])
    all_cosines = semantic.skill_cosines(queries, len(index.skills.uris))
    all_cosines += W_POPULARITY * index.skill_popularity
    for row, (span, units) in enumerate(sentences_units):
        cosines = all_cosines[row]
        shortlist = np.argpartition(-cosines, SHORTLIST)[:SHORTLIST]
        rescored = sorted(
            (
                (float(cosines[c]) + W_OVERLAP * _overlap(index, units, int(c)), int(c))
                for c in shortlist
            ),
            reverse=True,
        )[:SEMANTIC_PER_SENTENCE]
        for raw, concept in rescored:
            value = float(calibrate_skill(raw))
            if value < SEMANTIC_MIN:
                continue
            ev = found.setdefault(concept, SkillEvidence(sentence=span))
            if value > ev.semantic:
                ev.semantic = value
                if ev.lexical == 0.0:
                    ev.sentence = span
            if ev.lexical == 0.0:
                ev.spans.add(span)


def calibrate_skill(raw: float) -> float:
    return min(1.0, max(0.0, (raw - SKILL_FLOOR) / SKILL_RANGE))


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted({fold_text(c) for c in cues}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


_OPTIONAL = _cue_pattern(OPTIONAL_CUES)
_ESSENTIAL = _cue_pattern(ESSENTIAL_CUES)


def requirement_hint(text: str, span: tuple[int, int]) -> str | None:
    """'essential' or 'optional' when the sentence says so ('vereist', 'is een pré')."""
    sentence = fold_text(text[span[0] : span[1]])
    if _OPTIONAL.search(sentence):
        return "optional"
    if _ESSENTIAL.search(sentence):
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
    votes = np.minimum(votes / index.occ_skill_norm, 1.0)
    title = title_line(text)
    if title is not None:
        first_line = text[title[0] : title[1]]
        votes = 0.3 * votes + occupation_scores(index, first_line, semantic, encoder, lang)
    best = int(np.argmax(votes))
    return (best, float(votes[best])) if votes[best] > 0 else None


def title_line(text: str) -> tuple[int, int] | None:
    """Span of a short first line followed by more text: a vacancy's title."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end == -1 or not text[end:].strip() or not 0 < end - start <= MAX_TITLE_LINE:
        return None
    line = text[start:end].rstrip()
    if line.endswith((".", "!", "?", ";")) or len(line.split()) > MAX_TITLE_WORDS:
        return None  # a sentence, not a title
    return start, start + len(line)


def extract_skills(
    index: TaxonomyIndex,
    text: str,
    *,
    lang: str = "nl",
    top: int = 20,
    threshold: float = 0.0,
    semantic: SemanticIndex | None = None,
    encoder: Encoder | None = None,
    semantic_budget: int = SEMANTIC_BUDGET,
) -> Extraction:
    """Skills in `text`, best first, with character spans into `text`."""
    found: dict[int, SkillEvidence] = {}
    toks = tokens(text)
    starts = [t.start for t in toks]
    # sentences worth embedding, weakest lexical evidence first (0: none)
    candidates: list[tuple[float, tuple[int, int], dict[str, list[tuple[int, int]]]]] = []
    title = title_line(text)
    for span in sentences(text):
        if title is not None and span[1] <= title[1]:
            continue  # the title names the occupation, not a skill
        lo, hi = bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])
        sentence_tokens = toks[lo:hi]
        units = _units(index, sentence_tokens, compounds=lang == "nl")
        best = _lexical(index, units, span, found, lang)
        if best > 0.0 or len(units) >= 3:
            candidates.append((best, span, units))
    if semantic is not None and encoder is not None and semantic_budget > 0:
        candidates.sort(key=lambda c: c[0])  # stable: text order among equals
        chosen = sorted((span, units) for _, span, units in candidates[:semantic_budget])
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
    evidenced: list[set[tuple[int, int]]] = []
    for skill in ranked:
        ev = found[skill]
        if ev.score < threshold or skill in blocked:
            continue
        if ev.lexical and any(ev.spans <= other for other in evidenced):
            # the same words as a better skill ('werken als team', 'in teams werken') or a
            # part of them: a near-synonym of a skill already listed
            continue
        kept.append(skill)
        if ev.lexical:
            evidenced.append(ev.spans)
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
