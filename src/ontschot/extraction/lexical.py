"""Lexical evidence: the content words of a skill label, standing together in one sentence.

A sentence becomes `Units`: matching keys (stems and Dutch compound parts) with the token
position and character span of each occurrence. A label is evidenced when the IDF-weighted
share of its content words present is high enough *and* one occurrence of each matched word
lies within a small window of tokens: words gathered from across a long sentence
("controleert ... werkplek") are no evidence. The window is not ordered, because Dutch puts
the verb second in a main clause ("Je bedient de heftruck") and last in a label
("heftrucks bedienen"). A term of the project's Dutch lexicon (ADR 0026) is a phrase as
people write it, so it is matched whole, its words in its order within one spare token.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ontschot.extraction.index import GENERIC_IDF, LEXICON_KIND, TaxonomyIndex
from ontschot.extraction.text import STOPWORDS, Token, word_stem

Span = tuple[int, int]
Units = dict[str, list[tuple[int, Span]]]  # key -> [(token position, character span)]

MIN_COVERAGE = 0.74
PARTIAL_VERB_SCORE = 0.45  # all meaningful words of a Dutch label, but not its verb
CROSS_LANGUAGE = 0.85
KNOWN_WORD_PART = 5
WINDOW_SLACK = 3  # tokens (function words included) allowed between the matched words
LEXICON_SLACK = 1  # a lexicon term is a phrase as people write it: its words stand together
# and in its order (measured on dev against the unordered window: Dutch sentences RP@5 0.566
# against 0.558; the semantic layer still meets inverted forms like "Je pickt orders")


@dataclass
class LexicalHit:
    score: float
    spans: set[Span]
    complete: bool  # every content word of the label is there
    same_language: bool  # the label is in the text's language (else often a loanword)


def sentence_units(index: TaxonomyIndex, toks: list[Token], *, compounds: bool = True) -> Units:
    """Matching keys of a sentence with where they occur."""
    units: Units = defaultdict(list)
    for pos, tok in enumerate(toks):
        if tok.norm in STOPWORDS or len(tok.stem) < 2:
            continue
        span = (tok.start, tok.end)
        units[tok.stem].append((pos, span))
        if compounds and len(tok.norm) >= 8:
            parts = index.splitter.split(tok.norm)
            if tok.stem in index.posting_arrays and any(len(p) < KNOWN_WORD_PART for p in parts):
                # a known word splits only into long parts: 'vrachtwagen' gives 'vracht'
                # (for 'vracht laden'), but 'javascript' is no 'java' + 'script'
                parts = ()
            for part in parts:
                units[word_stem(part)].append((pos, span))
    return units


def tightest_window(units: Units, keys: list[str]) -> tuple[int, set[Span]]:
    """Width in tokens of the smallest window holding every key once, and those spans."""
    events = sorted((pos, key, span) for key in keys for pos, span in units[key])
    need = len(keys)
    have: dict[str, int] = defaultdict(int)
    best: tuple[int, int, int] | None = None
    left = 0
    for right, (pos, key, _) in enumerate(events):
        have[key] += 1
        while len(have) == need:
            width = pos - events[left][0] + 1
            if best is None or width < best[0]:
                best = (width, left, right)
            gone = events[left][1]
            have[gone] -= 1
            if not have[gone]:
                del have[gone]
            left += 1
    if best is None:
        return 0, set()
    width, lo, hi = best
    chosen: dict[str, Span] = {}
    for _pos, key, span in events[lo : hi + 1]:
        chosen.setdefault(key, span)
    return width, set(chosen.values())


def _ordered(units: Units, keys: tuple[str, ...], width: int) -> set[Span] | None:
    """Spans of the keys occurring in their order within `width` tokens, or None."""
    for start, span in units[keys[0]]:
        pos, spans = start, {span}
        for key in keys[1:]:
            nxt = [(p, sp) for p, sp in units[key] if pos < p < start + width]
            if not nxt:
                break
            pos, sp = min(nxt)
            spans.add(sp)
        else:
            return spans
    return None


def lexical_hits(index: TaxonomyIndex, units: Units, lang: str) -> dict[int, LexicalHit]:
    """Skills whose labels the sentence's words evidence, best label per skill."""
    present = [u for u in units if u in index.posting_arrays]
    if not present:
        return {}
    postings = [index.posting_arrays[u] for u in present]
    labels = np.concatenate(postings)
    weights = np.concatenate(
        [
            np.full(len(p), index.key_idf[u], dtype=np.float64)
            for u, p in zip(present, postings, strict=True)
        ]
    )
    unique, inverse = np.unique(labels, return_inverse=True)
    sums = np.bincount(inverse, weights=weights)
    passing = sums >= MIN_COVERAGE * index.label_gate_total[unique]
    found: dict[int, LexicalHit] = {}
    for label_, got_ in zip(unique[passing], sums[passing], strict=True):
        label, got = int(label_), float(got_)
        hit = _label_hit(index, units, label, got, lang)
        if hit is None:
            continue
        concept = index.skills.labels[label].concept
        old = found.get(concept)
        if old is None or (hit.score, hit.same_language) > (old.score, old.same_language):
            found[concept] = hit
    return found


def _label_hit(
    index: TaxonomyIndex, units: Units, label: int, got: float, lang: str
) -> LexicalHit | None:
    # Generic verbs ('bedienen', 'use', 'beheren') count only when present, so 'heftruck'
    # evidences 'heftrucks bedienen'; the words that carry meaning must be there. (Dutch
    # labels only: they end in such a verb; English ones use 'types of', 'equipment'.)
    ref = index.skills.labels[label]
    total = float(index.label_gate_total[label])
    keys = index.skill_label_keys[label]
    matched = [k for k in keys if k in units]
    if ref.lang == "nl":
        total += sum(index.key_idf[k] for k in matched if index.key_idf[k] < GENERIC_IDF)
    coverage = got / total
    if coverage < MIN_COVERAGE:
        return None
    lexicon = ref.kind == LEXICON_KIND
    if lexicon and len(matched) < len(keys):
        return None  # a term of the project's own is matched whole, or not at all
    if lexicon:
        found = _ordered(units, keys, len(keys) + LEXICON_SLACK)
        if found is None:
            return None
        spans = found
    else:
        width, spans = tightest_window(units, matched)
        if width > len(matched) + WINDOW_SLACK:
            return None
    complete = len(matched) == len(keys)
    if complete:
        score = 0.5 + 0.45 * coverage
    elif ref.lang == "nl" and all(index.key_idf[k] < GENERIC_IDF for k in keys if k not in units):
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
    return LexicalHit(score, spans, complete, ref.lang == lang)


def overlaps(index: TaxonomyIndex, units: Units) -> np.ndarray:
    """Per skill: the share (IDF-weighted) of its best label's content words that occur in
    the sentence; 0 for a skill none of whose words occur."""
    out = np.zeros(len(index.skills.uris), dtype=np.float64)
    present = [u for u in units if u in index.posting_arrays]
    if not present:
        return out
    labels = np.concatenate([index.posting_arrays[u] for u in present])
    weights = np.concatenate(
        [np.full(len(index.posting_arrays[u]), index.key_idf[u], np.float64) for u in present]
    )
    unique, inverse = np.unique(labels, return_inverse=True)
    shares = np.bincount(inverse, weights=weights) / index.label_idf_total[unique]
    np.maximum.at(out, index.skill_label_concept[unique], shares)
    return out
