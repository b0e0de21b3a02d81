"""Skill extraction: a vacancy or CV text -> ESCO skills with evidence spans.

Per sentence (see ADR 0013):

* lexical evidence (`lexical.py`): the content words of a skill label standing together in
  the sentence; the evidence spans are those words;
* with the semantic layer, the sentence is embedded with multilingual e5, its nearest skills
  and its lexical hits become candidates, and a small learned model (`rerank.py`) gives each
  the probability that a coach would tick it. A sentence keeps its best candidates relative
  to its own best one (not one global cut), so a clear sentence is never left without a skill
  and a vague one does not flood the list. Evidence is the label's words, or the sentence.
* without it (no model installed), the lexical scores stand alone.

Then the occupation of the text (its title line or a CV's latest job; skills break ties)
lifts the skills ESCO lists for it, a skill and its broader or narrower skill are not both
kept, near-synonyms evidenced by the same words are dropped, and the caller's threshold and
`top` cut the list.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ontschot.extraction.embeddings import KnownQueries, QueryEncoder, SemanticIndex
from ontschot.extraction.index import TaxonomyIndex
from ontschot.extraction.lexical import LexicalHit, Span, Units, lexical_hits, sentence_units
from ontschot.extraction.occupations import (
    OccupationSuggestion,
    recent_job_title,
    text_occupation,
    text_title,
    title_line,
    title_query,
)
from ontschot.extraction.rerank import candidates, reranker
from ontschot.extraction.text import (
    ESSENTIAL_CUES,
    OPTIONAL_CUES,
    STOPWORDS,
    fold_text,
    sentences,
    tokens,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "ExtractedSkill",
    "Extraction",
    "extract_many",
    "extract_skills",
    "title_line",
]

RELATIVE_KEEP = 0.1  # a candidate stays when at least this share of its sentence's best
MIN_PROBABILITY = 0.02  # below this a candidate is noise, even as a sentence's best
PER_SENTENCE = 5
PRIOR_ESSENTIAL = 0.1
PRIOR_OPTIONAL = 0.05
PRIOR_MIN_SCORE = 0.5  # the occupation guess must be this sure before it lifts skills
MAX_SENTENCE_CHARS = 400
SEMANTIC_BUDGET = 12  # sentences embedded per text (two queries each, ~25 ms per query)
DEFAULT_THRESHOLD = 0.02  # set on the dev splits; the per-sentence rule does most of the work


@dataclass
class SkillEvidence:
    score: float = 0.0
    spans: set[Span] = field(default_factory=set)
    lexical: float = 0.0
    sentence: Span = (0, 0)


@dataclass(frozen=True, slots=True)
class ExtractedSkill:
    uri: str
    label: str
    score: float
    spans: list[Span]
    requirement: str | None  # essential | optional | None
    index: int


@dataclass(frozen=True, slots=True)
class Extraction:
    skills: list[ExtractedSkill]
    occupation: OccupationSuggestion | None
    language: str


@dataclass
class _Sentence:
    span: Span
    units: Units
    hits: dict[int, LexicalHit]


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted({fold_text(c) for c in cues}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


_OPTIONAL = _cue_pattern(OPTIONAL_CUES)
_ESSENTIAL = _cue_pattern(ESSENTIAL_CUES)


def requirement_hint(text: str, span: Span) -> str | None:
    """'essential' or 'optional' when the sentence says so ('vereist', 'is een pré')."""
    sentence = fold_text(text[span[0] : span[1]])
    if _OPTIONAL.search(sentence):
        return "optional"
    if _ESSENTIAL.search(sentence):
        return "essential"
    return None


def _keep(
    found: dict[int, SkillEvidence],
    skill: int,
    score: float,
    spans: set[Span],
    span: Span,
    lexical: float,
) -> None:
    ev = found.setdefault(skill, SkillEvidence(sentence=span))
    if score > ev.score:
        ev.score = score
        ev.sentence = span
    ev.lexical = max(ev.lexical, lexical)
    ev.spans.update(spans)


def _lexical_only(found: dict[int, SkillEvidence], work: _Sentence) -> None:
    for skill, hit in work.hits.items():
        _keep(found, skill, hit.score, hit.spans, work.span, hit.score)


def _ranked(
    index: TaxonomyIndex,
    chosen: list[_Sentence],
    cosines: tuple[np.ndarray, np.ndarray, np.ndarray],
    lang: str,
    found: dict[int, SkillEvidence],
) -> None:
    """Candidates of each embedded sentence, scored by the model, kept relative to its best.

    `cosines` holds, per embedded sentence, the best cosine of every skill over all its
    labels, over its Dutch labels and over its English ones."""
    all_cosines, dutch, english = cosines
    own = dutch if lang == "nl" else english
    model = reranker()
    for row, work in enumerate(chosen):
        skills, features = candidates(
            index, all_cosines[row], own[row], work.hits, work.units, lang
        )
        if not skills:
            continue
        probabilities = model.probabilities(features)
        order = np.argsort(-probabilities, kind="stable")
        cut = max(MIN_PROBABILITY, RELATIVE_KEEP * float(probabilities[order[0]]))
        for rank, i in enumerate(order):
            p = float(probabilities[i])
            skill = skills[int(i)]
            hit = work.hits.get(skill)
            # a label whose own words stand in the sentence is not crowded out by the cap: a
            # long sentence ('verzamelt orders, laadt en lost, rijdt heftruck') holds several
            said = hit is not None and hit.same_language and p >= MIN_PROBABILITY
            if not said and (rank >= PER_SENTENCE or p < cut):
                continue
            spans = hit.spans if hit else {work.span}
            _keep(found, skill, p, spans, work.span, hit.score if hit else 0.0)


# Vacancy filler that pulls a sentence's embedding towards other filler, not to a skill.
_QUERY_NOISE = frozenset(
    {"je", "jij", "bent", "kunt", "hebt", "ben", "wij", "zoeken", "bereid", "bereidheid"}
    | {"graag", "zorgt", "zorg", "echt", "you", "are", "able", "willing", "we", "looking"}
)


def query_texts(text: str, spans: list[Span]) -> list[str]:
    """What is embedded for the sentences at `spans`: each sentence, then each sentence's
    content words alone ('ploegendienst werken'). The sentence's query vector is the mean of
    its two embeddings, so its cosine with a label is the mean of both cosines; on the dev
    sentences this beat either alone (ADR 0013)."""
    plain = [text[a:b][:MAX_SENTENCE_CHARS] for a, b in spans]
    content = []
    for sentence in plain:
        words = [
            sentence[t.start : t.end]
            for t in tokens(sentence)
            if t.norm not in STOPWORDS and t.norm not in _QUERY_NOISE
        ]
        content.append(" ".join(words) or sentence)
    return plain + content


def sentence_queries(encoder: QueryEncoder, text: str, spans: list[Span]) -> np.ndarray:
    """One query vector per sentence (see `query_texts`)."""
    vectors = encoder.queries(query_texts(text, spans))
    half = len(spans)
    mean: np.ndarray = (vectors[:half] + vectors[half:]) / 2.0
    return mean


def _skill_votes(index: TaxonomyIndex, found: dict[int, SkillEvidence]) -> np.ndarray:
    votes = np.zeros(len(index.occupations.uris), dtype=np.float32)
    for skill, ev in found.items():
        for occ in index.skill_occupations.get(skill, ()):
            votes[occ] += ev.score
    result: np.ndarray = np.minimum(votes / index.occ_skill_norm, 1.0)
    return result


# What a vacancy offers or how to apply names no skill the candidate needs ('Wij bieden een
# goed salaris' is no *manage payroll*; 'salarisadministratie' is that skill itself).
_OFFER = re.compile(
    r"\b(?:wij bieden|we bieden|bieden wij|wat bieden|solliciteer|reageer|reiskosten\w*|"
    r"salaris(?!administrat)\w*|cao|pensioen\w*|vakantiedagen|we offer|we provide|"
    r"apply (?:now|today|via)|salary|benefits package)\b",
    re.IGNORECASE,
)


def _sentences(index: TaxonomyIndex, text: str, lang: str) -> list[_Sentence]:
    toks = tokens(text)
    starts = [t.start for t in toks]
    title = title_line(text) if recent_job_title(text) is None else None
    out = []
    for span in sentences(text):
        if title is not None and span[1] <= title[1]:
            continue  # the title names the occupation, not a skill
        if _OFFER.search(text, span[0], span[1]):
            continue
        lo, hi = bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])
        units = sentence_units(index, toks[lo:hi], compounds=lang == "nl")
        if units:
            out.append(_Sentence(span, units, lexical_hits(index, units, lang)))
    return out


@dataclass
class _Plan:
    text: str
    lang: str
    work: list[_Sentence]
    embedded: list[_Sentence]


def _plan(index: TaxonomyIndex, text: str, lang: str, budget: int) -> _Plan:
    work = _sentences(index, text, lang)
    # a phrase ('kassa') is content; in a longer text one or two words are a heading
    content = [w for w in work if w.hits or len(w.units) >= 3 or len(work) == 1]
    # over budget, the sentences with the weakest lexical evidence are embedded first
    by_need = sorted(content, key=lambda w: max((h.score for h in w.hits.values()), default=0))
    embedded = sorted(by_need[:budget], key=lambda w: w.span) if budget > 0 else []
    return _Plan(text, lang, work, embedded)


def extract_skills(
    index: TaxonomyIndex,
    text: str,
    *,
    lang: str = "nl",
    top: int = 20,
    threshold: float = 0.0,
    semantic: SemanticIndex | None = None,
    encoder: QueryEncoder | None = None,
    semantic_budget: int = SEMANTIC_BUDGET,
) -> Extraction:
    """Skills in `text`, best first, with character spans into `text`."""
    return extract_many(
        index,
        [(text, lang)],
        top=top,
        threshold=threshold,
        semantic=semantic,
        encoder=encoder,
        semantic_budget=semantic_budget,
    )[0]


def extract_many(
    index: TaxonomyIndex,
    texts: Sequence[tuple[str, str]],
    *,
    top: int = 20,
    threshold: float = 0.0,
    semantic: SemanticIndex | None = None,
    encoder: QueryEncoder | None = None,
    semantic_budget: int = SEMANTIC_BUDGET,
) -> list[Extraction]:
    """`extract_skills` for several (text, language) pairs, with the same results.

    The semantic work is done once for all: every sentence and title goes to e5 in one batch,
    and the cosines of all sentences with the 37k skill labels are one matrix product (the
    label matrix is read once, not once per text)."""
    use_semantic = semantic is not None and encoder is not None
    plans = [_plan(index, t, lg, semantic_budget if use_semantic else 0) for t, lg in texts]
    cosines: list[tuple[np.ndarray, np.ndarray, np.ndarray] | None] = [None] * len(plans)
    if semantic is not None and encoder is not None:
        asked = [q for p in plans for q in query_texts(p.text, [w.span for w in p.embedded])]
        asked += [q for p in plans if (q := title_query(text_title(p.text))) is not None]
        encoder = KnownQueries(encoder, asked)
        per_text = [sentence_queries(encoder, p.text, [w.span for w in p.embedded]) for p in plans]
        if any(len(v) for v in per_text):
            stacked = semantic.skill_cosines_by_language(
                np.vstack(per_text), len(index.skills.uris)
            )
            bounds = np.cumsum([0] + [len(v) for v in per_text])
            for n, (a, b) in enumerate(itertools.pairwise(bounds)):
                if b > a:
                    cosines[n] = (stacked[0][a:b], stacked[1][a:b], stacked[2][a:b])
    return [
        _finish(index, plan, rows, top, threshold, semantic, encoder)
        for plan, rows in zip(plans, cosines, strict=True)
    ]


def _finish(
    index: TaxonomyIndex,
    plan: _Plan,
    cosines: tuple[np.ndarray, np.ndarray, np.ndarray] | None,
    top: int,
    threshold: float,
    semantic: SemanticIndex | None,
    encoder: QueryEncoder | None,
) -> Extraction:
    text, lang = plan.text, plan.lang
    found: dict[int, SkillEvidence] = {}
    if cosines is not None:
        _ranked(index, plan.embedded, cosines, lang, found)
    for w in plan.work:
        if not any(w is e for e in plan.embedded):
            _lexical_only(found, w)
    likely = text_occupation(index, text, _skill_votes(index, found), semantic, encoder, lang)
    prior = index.occ_skills.get(likely[0], {}) if likely and likely[1] >= PRIOR_MIN_SCORE else {}
    for skill, ev in found.items():
        if skill in prior:
            ev.score += PRIOR_ESSENTIAL if prior[skill] else PRIOR_OPTIONAL
        ev.score = min(1.0, ev.score)
    kept = _select(index, found, threshold, top)
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


def _select(
    index: TaxonomyIndex, found: dict[int, SkillEvidence], threshold: float, top: int
) -> list[int]:
    ranked = sorted(
        (s for s in found if not index.skill_is_group[s]),
        key=lambda s: (-found[s].score, index.skills.uris[s]),
    )
    kept: list[int] = []
    blocked: set[int] = set()
    evidenced: list[set[Span]] = []
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
    return kept
