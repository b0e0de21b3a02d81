"""Occupation recognition: a job title or short text -> ranked ESCO occupations.

Three signals per occupation, each the best over all its labels (preferred, alternative and
hidden, Dutch and English):

* exact: the stemmed title equals a stemmed label ('Verpleegsters' = 'verpleegster');
* trigram: TF-IDF cosine over character trigrams of stemmed words, which absorbs typing
  errors, spelling variants and Dutch compounds ('heftruckchauffeur' ~ 'heftruckbestuurder');
* semantic: cosine of multilingual e5 embeddings of the title and the preferred labels,
  for titles that share no words with any label ('iemand die vloeren schoonmaakt').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from ontschot.extraction.embeddings import QueryEncoder, SemanticIndex
from ontschot.extraction.index import TaxonomyIndex, stem_string

# Words in job titles that say nothing about the occupation itself.
_TITLE_NOISE = re.compile(
    r"\b(?:m\s*/\s*v(?:\s*/\s*x)?|v\s*/\s*m|h\s*/\s*f|m\s*/\s*w\s*/\s*d|m/f(?:/x)?|"
    r"junior|medior|senior|ervaren|startend|starter|allround|allrounder|parttime|"
    r"part-time|fulltime|full-time|tijdelijk|vast|zzp|freelance|uur|uren|"
    r"experienced|trainee|stagiair|vacature|gezocht|wanted)\b",
    re.IGNORECASE,
)
MAX_TITLE_CHARS = 500

# Weights tuned on the training split of the Dutch and English title sets (bench/data).
W_TRIGRAM = 0.55
W_SEMANTIC = 0.45
SEMANTIC_FLOOR = 0.78
SEMANTIC_RANGE = 0.16
EXACT_SCORE = 1.0
# Common job titles written for this project (data/README.md): a whole-title hit outranks
# every ESCO label match; a hit on part of the title ('verpleegkundige' in 'Verpleegkundige
# ziekenhuis') counts like a close label match.
TITLES_FILE = Path(__file__).resolve().parent / "data" / "occupation_titles.txt"
LEXICON_SCORE = 1.0
LEXICON_PART_SCORE = 0.9
LEXICON_OTHERS = 0.9  # other occupations of a known title, below the skills' tie margin


@dataclass(frozen=True, slots=True)
class OccupationSuggestion:
    uri: str
    label: str
    score: float
    index: int


def clean_title(text: str) -> str:
    cleaned = _TITLE_NOISE.sub(" ", text[:MAX_TITLE_CHARS])
    cleaned = re.sub(r"\d+", " ", cleaned)
    return cleaned if cleaned.strip(" -/()|,.") else text[:MAX_TITLE_CHARS]


# A title line's tail after a dash or bar, or in brackets, names hours, place or employer
# ('Orderpicker – 38 uur – Tilburg', 'Kok (Amsterdam)'); a slash or '&' joins two titles.
_TAIL = re.compile(r"\s+[–—|-]\s+.*$|\s*\|.*$|\s*\([^)]*\)|\s*\[[^\]]*\]")
_ALTERNATIVES = re.compile(r"\s*(?:/|&|\+)\s*|(?<![-\s])\s+(?:en|of|and|or)\s+", re.IGNORECASE)


def title_parts(title: str) -> list[str]:
    """A title without its tail, and the alternatives it joins if more than one."""
    head = _TAIL.sub("", title[:MAX_TITLE_CHARS]).strip() or title[:MAX_TITLE_CHARS]
    parts = [p for p in _ALTERNATIVES.split(head) if clean_title(p).strip(" -/()|,.")]
    return [head, *parts] if len(parts) > 1 else [head]


def title_query(title: str | None) -> str | None:
    """What e5 embeds for a title, if anything: its head, without the tail."""
    cleaned = clean_title(title_parts(title)[0]).strip() if title is not None else ""
    return cleaned or None


@cache
def title_lexicon() -> dict[str, str]:
    """Stemmed common job title -> ESCO occupation URI."""
    entries = {}
    for line in TITLES_FILE.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            title, uri = line.split("\t")[:2]
            entries[stem_string(title)] = uri
    return entries


def lexicon_hits(title: str) -> list[tuple[str, float]]:
    """The lexicon's occupations for a title: the whole title, else its longest word run."""
    lexicon = title_lexicon()
    words = stem_string(title).split()
    for size in range(len(words), 0, -1):
        score = LEXICON_SCORE if size == len(words) else LEXICON_PART_SCORE
        hits = {
            lexicon[run]
            for i in range(len(words) - size + 1)
            if (run := " ".join(words[i : i + size])) in lexicon
        }
        if hits:
            return [(uri, score) for uri in sorted(hits)]
    return []


def calibrate(cosines: np.ndarray) -> np.ndarray:
    """e5 cosines crowd into 0.75-0.95; stretch that band to 0-1."""
    return np.clip((cosines - SEMANTIC_FLOOR) / SEMANTIC_RANGE, 0.0, 1.0)


def occupation_scores(
    index: TaxonomyIndex,
    text: str,
    semantic: SemanticIndex | None,
    encoder: QueryEncoder | None,
    lang: str = "nl",
) -> np.ndarray:
    """Score in [0, 1] for every occupation (array aligned with `index.occupations.uris`).

    A title joining alternatives ('Orderpicker / heftruckchauffeur') has each of them scored
    lexically beside the whole, an occupation keeping its best; e5 reads the whole title once
    (the query a batch asked for beforehand, see `title_query`)."""
    sem = None
    query_text = title_query(text)
    if semantic is not None and encoder is not None and query_text is not None:
        sem = np.zeros(len(index.occupations.uris), dtype=np.float32)
        cos = semantic.occ_matrix @ encoder.queries([query_text])[0]
        np.maximum.at(sem, semantic.occ_concepts, calibrate(cos).astype(np.float32))
    parts = title_parts(text)
    scores = _part_scores(index, parts[0], sem)
    for part in parts[1:]:
        np.maximum(scores, _part_scores(index, part, sem), out=scores)
    return scores


def _part_scores(index: TaxonomyIndex, text: str, sem: np.ndarray | None) -> np.ndarray:
    n = len(index.occupations.uris)
    title = clean_title(text)
    lexical = np.zeros(n, dtype=np.float32)
    label_sims = index.occ_ngrams.similarities(title)
    if label_sims is not None:
        label_sims *= index.occ_ngrams.label_weight
        np.maximum.at(lexical, index.occ_ngrams.label_concept, label_sims)
    scores = lexical.copy() if sem is None else W_TRIGRAM * lexical + W_SEMANTIC * sem
    for concept, weight in index.occ_exact.get(stem_string(title), ()):
        scores[concept] = max(scores[concept], EXACT_SCORE * weight)
    hits = [
        (index.occupations.position[uri], score)
        for uri, score in lexicon_hits(title)
        if uri in index.occupations.position  # a taxonomy without it (tests check the file)
    ]
    if any(score == LEXICON_SCORE for _, score in hits):
        scores *= LEXICON_OTHERS  # the title is known: no skill vote may overturn it
    for concept, score in hits:
        scores[concept] = max(scores[concept], score)
    return scores


def suggest_occupations(
    index: TaxonomyIndex,
    text: str,
    *,
    lang: str = "nl",
    top: int = 10,
    semantic: SemanticIndex | None = None,
    encoder: QueryEncoder | None = None,
    min_score: float = 0.05,
) -> list[OccupationSuggestion]:
    """Best `top` occupations for a title, best first; empty when nothing resembles it."""
    if not text.strip():
        return []
    scores = occupation_scores(index, text, semantic, encoder, lang)
    top = max(1, min(top, len(scores)))
    best = np.argpartition(-scores, top - 1)[:top]
    best = best[np.argsort(-scores[best], kind="stable")]
    return [
        OccupationSuggestion(
            index.occupations.uris[i],
            index.occupations.display(int(i), lang),
            round(float(scores[i]), 4),
            int(i),
        )
        for i in best
        if scores[i] >= min_score
    ]


MAX_TITLE_LINE = 80
MAX_TITLE_WORDS = 8
TIE_MARGIN = 0.08  # title scores this close to the best are a tie that the skills may break
W_SKILL_VOTES = 0.1
NO_TITLE_VOTES = 0.3  # without a title line, the skills alone give a weak guess
# A CV's job line: '2021 – heden: kassamedewerker bij Jumbo', '2018-2021 Vakkenvuller, Aldi'.
_YEARS = re.compile(
    r"^\s*(?:(?:19|20)\d\d|\d{1,2}[-/]\d{4})\s*(?:[-–—]|t/m|tot)\s*"
    r"(?P<end>(?:19|20)\d\d|\d{1,2}[-/]\d{4}|heden|nu|present|now|current|today)\s*[:|,.]?\s*"
    r"(?P<title>.+)$",
    re.IGNORECASE,
)
_EMPLOYER = re.compile(r"\s+(?:bij|at|@|voor|for)\s+.*$|\s*[,|(–—-]\s+.*$", re.IGNORECASE)
_PRESENT = ("heden", "nu", "present", "now", "current", "today")


def title_line(text: str) -> tuple[int, int] | None:
    """Span of a short first line followed by more text: a vacancy's title."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end == -1 or not text[end:].strip() or not 0 < end - start <= MAX_TITLE_LINE:
        return None
    line = text[start:end].rstrip()
    # words counted without the tail ('– 38 uur – Tilburg'), which says nothing of a sentence
    words = clean_title(title_parts(line)[0]).split()
    if line.endswith((".", "!", "?", ";", ":")) or len(words) > MAX_TITLE_WORDS:
        return None  # a sentence or a heading ('Werkervaring:'), not a title
    return start, start + len(line)


def recent_job_title(text: str) -> str | None:
    """The most recent job title of a CV's work history (a line with years), if any."""
    best: tuple[int, int, str] | None = None
    for order, line in enumerate(text.splitlines()):
        match = _YEARS.match(line)
        if match is None:
            continue
        end = match["end"].lower()
        year = 9999 if end in _PRESENT else int(end[-4:])
        title = _EMPLOYER.sub("", match["title"]).strip(" :-–")
        if title and (best is None or (year, -order) > best[:2]):
            best = (year, -order, title)
    return best[2] if best else None


def text_title(text: str) -> str | None:
    """A CV's most recent job title, else a vacancy's title line, else None."""
    # a CV's job lines beat its first line, which is often a heading ('Werkervaring')
    title = recent_job_title(text)
    if title is not None:
        return title
    span = title_line(text)
    return text[span[0] : span[1]] if span else None


def text_occupation(
    index: TaxonomyIndex,
    text: str,
    skill_votes: np.ndarray,
    semantic: SemanticIndex | None,
    encoder: QueryEncoder | None,
    lang: str,
) -> tuple[int, float] | None:
    """The occupation of a vacancy or CV: its title decides, the skills found break ties.

    `skill_votes` is in [0, 1] per occupation (how much of its skill profile was found).
    The title is the most recent job of a CV or the first line of a vacancy; without one,
    only the votes speak, at a lower score.
    """
    title = text_title(text)
    if title is None:
        votes = NO_TITLE_VOTES * skill_votes
        best = int(np.argmax(votes)) if len(votes) else 0
        return (best, float(votes[best])) if len(votes) and votes[best] > 0 else None
    scores = occupation_scores(index, title, semantic, encoder, lang)
    top = float(scores.max()) if len(scores) else 0.0
    if top <= 0:
        return None
    tied = scores >= top - TIE_MARGIN
    combined = np.where(tied, scores + W_SKILL_VOTES * skill_votes, scores)
    best = int(np.argmax(combined))
    return best, min(1.0, float(scores[best]))
