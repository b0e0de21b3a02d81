"""The in-memory extraction index, built from the taxonomy tables and keyed by checksum.

The database stays the source of truth; this index is rebuilt when the newest
`TaxonomyVersion.checksum` changes (a new ESCO import), and otherwise lives for the process.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import math
import pickle
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy import sparse
from sqlalchemy import select
from sqlalchemy.orm import Session

from ontschot.extraction.text import STOPWORDS, CompoundSplitter, fold_text, label_keys, stem
from ontschot.taxonomy.models import (
    ConceptLabel,
    Occupation,
    OccupationSkill,
    Skill,
    SkillBroader,
    TaxonomyVersion,
)

log = logging.getLogger(__name__)
INDEX_FORMAT = 8  # bump when the index layout changes, so old disk caches are ignored
GENERIC_IDF = 6.0  # label words at least this common ('bedienen', 'use') are generic
KIND_WEIGHT = {"preferred": 1.0, "alt": 0.97, "hidden": 0.9}
# The project's own Dutch (and a few English) terms for skills (issue 13; README in data/):
# extra labels of kind "lexicon", because ESCO gives only ~5,450 of its 13,939 skills a Dutch
# label at all, and its English labels miss common wording ("order picking").
LEXICON = Path(__file__).resolve().parent / "data" / "skills_nl_lexicon.tsv"
LEXICON_KIND = "lexicon"


def read_lexicon(path: Path = LEXICON) -> list[tuple[str, str, str]]:
    """(skill URI, language, term) of the lexicon file: its 3rd column holds Dutch terms, an
    optional 4th English ones (wording ESCO's English labels miss); '#' lines are comments."""
    if not path.exists():
        return []
    found: list[tuple[str, str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        uri, _english_label, *columns = line.split("\t")
        for lang, terms in zip(("nl", "en"), columns, strict=False):
            found.extend((uri, lang, t.strip()) for t in terms.split(";") if t.strip())
    return found


def lexicon_digest(path: Path = LEXICON) -> str:
    """Part of the disk caches' names, so an edited lexicon is never served stale."""
    return hashlib.sha256(path.read_bytes() if path.exists() else b"").hexdigest()[:8]


class TaxonomyMissingError(RuntimeError):
    """The database holds no taxonomy; run `ontschot db upgrade` first."""


class LabelRef(NamedTuple):
    concept: int
    lang: str
    kind: str
    text: str


@dataclass
class ConceptSet:
    """Occupations or skills: URIs, display labels and every label for matching."""

    uris: list[str]
    label_nl: list[str | None]
    label_en: list[str]
    labels: list[LabelRef] = field(default_factory=list)
    position: dict[str, int] = field(default_factory=dict)

    def display(self, idx: int, lang: str) -> str:
        if lang == "en":
            return self.label_en[idx]
        return self.label_nl[idx] or self.label_en[idx]


@dataclass
class NgramMatrix:
    """Character-trigram TF-IDF of labels, for spelling variation and compounds."""

    vocab: dict[str, int]
    idf: np.ndarray
    matrix: sparse.csr_matrix  # labels x ngrams, rows L2-normalised
    label_concept: np.ndarray
    label_weight: np.ndarray  # preferred labels win ties over alternative ones
    by_column: sparse.csc_matrix | None = None

    def similarities(self, text: str) -> np.ndarray | None:
        """Cosine of `text` with every label; touches only the columns of its trigrams."""
        found = self._query(text)
        if found is None:
            return None
        cols, vals = found
        if self.by_column is None:
            self.by_column = self.matrix.tocsc()
        return np.asarray(self.by_column[:, cols] @ vals).ravel()

    def _query(self, text: str) -> tuple[np.ndarray, np.ndarray] | None:
        counts: dict[int, float] = defaultdict(float)
        for gram in trigrams(text):
            col = self.vocab.get(gram)
            if col is not None:
                counts[col] += 1.0
        if not counts:
            return None
        cols = np.fromiter(counts.keys(), dtype=np.int64)
        vals = np.fromiter(counts.values(), dtype=np.float32) * self.idf[cols]
        vals /= float(np.linalg.norm(vals)) or 1.0
        return cols, vals


def stem_string(text: str) -> str:
    return " ".join(stem(t) for t in fold_words(text))


def fold_words(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in fold_text(text)).split() if w]


def trigrams(text: str) -> list[str]:
    padded = f" {stem_string(text)} "
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


@dataclass
class TaxonomyIndex:
    checksum: str
    esco_version: str
    occupations: ConceptSet
    skills: ConceptSet
    skill_is_group: np.ndarray
    occ_ngrams: NgramMatrix
    occ_exact: dict[str, list[tuple[int, float]]]
    skill_label_keys: list[tuple[str, ...]]
    skill_postings: dict[str, list[int]]
    key_idf: dict[str, float]
    vocabulary: set[str]
    broader: dict[int, set[int]]
    occ_skills: dict[int, dict[int, bool]]  # occupation -> skill -> is essential
    skill_generality: np.ndarray  # share of occupations that ask for the skill
    skill_is_knowledge: np.ndarray  # ESCO type 'knowledge' (not 'skill/competence')
    label_idf_total: np.ndarray = field(init=False)
    label_specific_total: np.ndarray = field(init=False)
    label_gate_total: np.ndarray = field(init=False)  # what coverage is measured against
    posting_arrays: dict[str, np.ndarray] = field(init=False)
    occ_skill_norm: np.ndarray = field(init=False)
    skill_popularity: np.ndarray = field(init=False)  # 0..1, log of occupations using it
    narrower: dict[int, set[int]] = field(init=False)
    skill_occupations: dict[int, list[int]] = field(init=False)
    skill_concept_labels: dict[int, list[int]] = field(init=False)
    skill_label_concept: np.ndarray = field(init=False)  # per skill label: its skill
    skill_has_nl: np.ndarray = field(init=False)  # a Dutch label of ESCO's or the lexicon
    splitter: CompoundSplitter = field(init=False)

    def __post_init__(self) -> None:
        self.splitter = CompoundSplitter(self.vocabulary.__contains__)
        self.label_idf_total = np.array(
            [sum(self.key_idf[k] for k in keys) or 1.0 for keys in self.skill_label_keys],
            dtype=np.float64,
        )
        specific = [
            sum(self.key_idf[k] for k in keys if self.key_idf[k] >= GENERIC_IDF)
            for keys in self.skill_label_keys
        ]
        self.label_specific_total = np.where(
            np.array(specific) > 0, np.array(specific), self.label_idf_total
        )
        is_dutch = np.array([ref.lang == "nl" for ref in self.skills.labels], dtype=bool)
        self.label_gate_total = np.where(is_dutch, self.label_specific_total, self.label_idf_total)
        self.posting_arrays = {
            k: np.asarray(v, dtype=np.int64) for k, v in self.skill_postings.items()
        }
        self.occ_skill_norm = np.sqrt(
            np.array(
                [
                    max(1, len(self.occ_skills.get(i, ())))
                    for i in range(len(self.occupations.uris))
                ],
                dtype=np.float32,
            )
        )
        usage = np.log1p(self.skill_generality * max(1, len(self.occupations.uris)))
        self.skill_popularity = (usage / max(1.0, float(usage.max()))).astype(np.float32)
        self.narrower = defaultdict(set)
        for child, parents in self.broader.items():
            for parent in parents:
                self.narrower[parent].add(child)
        self.skill_concept_labels = defaultdict(list)
        for label, ref in enumerate(self.skills.labels):
            self.skill_concept_labels[ref.concept].append(label)
        self.skill_label_concept = np.array(
            [ref.concept for ref in self.skills.labels], dtype=np.int64
        )
        self.skill_has_nl = np.array([bool(label) for label in self.skills.label_nl], dtype=bool)
        for ref in self.skills.labels:
            if ref.kind == LEXICON_KIND and ref.lang == "nl":
                self.skill_has_nl[ref.concept] = True
        self.skill_occupations = defaultdict(list)
        for occ, skills in self.occ_skills.items():
            for skill in skills:
                self.skill_occupations[skill].append(occ)


_lock = threading.Lock()
_cache: dict[str, TaxonomyIndex] = {}


def current_checksum(db: Session) -> tuple[str, str]:
    row = db.execute(
        select(TaxonomyVersion.checksum, TaxonomyVersion.esco_version)
        .order_by(TaxonomyVersion.id.desc())
        .limit(1)
    ).first()
    if row is None:
        raise TaxonomyMissingError("no taxonomy loaded; run `ontschot db upgrade`")
    return str(row[0]), str(row[1])


def get_index(db: Session, data_dir: Path | None = None) -> TaxonomyIndex:
    """The index for the taxonomy in force, built once per checksum and process.

    With `data_dir`, a built index is also kept on disk, so the next process starts in
    about a second instead of rebuilding (a few seconds).
    """
    checksum, version = current_checksum(db)
    index = _cache.get(checksum)
    if index is not None:
        return index
    with _lock:
        index = _cache.get(checksum)
        if index is None:
            cache_file = (
                data_dir
                / "extraction"
                / f"index-{checksum[:16]}-{lexicon_digest()}-v{INDEX_FORMAT}.pickle"
                if data_dir is not None
                else None
            )
            index = _read_cached(cache_file, checksum)
            if index is None:
                index = build_index(db, checksum, version)
                _write_cached(cache_file, index)
            _cache.clear()
            _cache[checksum] = index
    return index


def _constructor_fields(index: TaxonomyIndex) -> dict[str, object]:
    return {f.name: getattr(index, f.name) for f in dataclasses.fields(index) if f.init}


def _read_cached(path: Path | None, checksum: str) -> TaxonomyIndex | None:
    if path is None or not path.exists():
        return None
    try:
        # Our own cache file in the data folder, written by _write_cached below; the data
        # folder is as trusted as the SQLite database next to it.
        fields = pickle.loads(path.read_bytes())  # noqa: S301
        index = TaxonomyIndex(**fields)
    except (OSError, pickle.UnpicklingError, TypeError, ValueError, EOFError, AttributeError):
        log.warning("ignoring unreadable extraction index cache %s", path)
        return None
    return index if index.checksum == checksum else None


def _write_cached(path: Path | None, index: TaxonomyIndex) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(_constructor_fields(index), protocol=5))
        tmp.replace(path)
    except OSError:
        log.warning("could not write extraction index cache %s", path)


def _concepts(db: Session, model: type[Occupation] | type[Skill]) -> ConceptSet:
    rows = db.execute(select(model.uri, model.label_nl, model.label_en).order_by(model.uri)).all()
    concepts = ConceptSet([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    concepts.position = {uri: i for i, uri in enumerate(concepts.uris)}
    return concepts


def build_index(db: Session, checksum: str, esco_version: str) -> TaxonomyIndex:
    occupations = _concepts(db, Occupation)
    skills = _concepts(db, Skill)
    groups = set(db.scalars(select(Skill.uri).where(Skill.is_group.is_(True))))
    skill_is_group = np.array([u in groups for u in skills.uris], dtype=bool)
    knowledge = set(db.scalars(select(Skill.uri).where(Skill.skill_type == "knowledge")))
    skill_is_knowledge = np.array([u in knowledge for u in skills.uris], dtype=bool)
    label_rows = db.execute(
        select(
            ConceptLabel.concept_uri,
            ConceptLabel.concept_type,
            ConceptLabel.lang,
            ConceptLabel.kind,
            ConceptLabel.text,
        ).order_by(ConceptLabel.id)
    ).all()
    for uri, ctype, lang, kind, text in label_rows:
        target = occupations if ctype == "occupation" else skills
        pos = target.position.get(uri)
        if pos is not None and text:
            target.labels.append(LabelRef(pos, lang, kind, text))
    known = {(ref.concept, ref.text.lower()) for ref in skills.labels}
    for uri, lang, term in read_lexicon():
        pos = skills.position.get(uri)
        if pos is not None and (pos, term.lower()) not in known:
            known.add((pos, term.lower()))
            skills.labels.append(LabelRef(pos, lang, LEXICON_KIND, term))

    occ_exact: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for ref in occupations.labels:
        occ_exact[stem_string(ref.text)].append((ref.concept, KIND_WEIGHT.get(ref.kind, 0.9)))

    skill_label_keys: list[tuple[str, ...]] = []
    skill_postings: dict[str, list[int]] = defaultdict(list)
    for i, ref in enumerate(skills.labels):
        keys = tuple(dict.fromkeys(label_keys(ref.text))) if not skill_is_group[ref.concept] else ()
        skill_label_keys.append(keys)
        for key in keys:
            skill_postings[key].append(i)
    n_labels = max(1, len(skills.labels))
    key_idf = {k: math.log(1 + n_labels / len(v)) for k, v in skill_postings.items()}
    vocabulary = set(skill_postings)
    for ref in occupations.labels:
        vocabulary.update(t for t in stem_string(ref.text).split() if len(t) >= 4)
    vocabulary -= {stem(w) for w in STOPWORDS}

    broader: dict[int, set[int]] = defaultdict(set)
    for child, parent in db.execute(select(SkillBroader.skill_uri, SkillBroader.broader_uri)):
        c, p = skills.position.get(child), skills.position.get(parent)
        if c is not None and p is not None:
            broader[c].add(p)
    occ_skills: dict[int, dict[int, bool]] = defaultdict(dict)
    usage = np.zeros(len(skills.uris), dtype=np.float32)
    for occ, skill, relation in db.execute(
        select(OccupationSkill.occupation_uri, OccupationSkill.skill_uri, OccupationSkill.relation)
    ):
        o, s = occupations.position.get(occ), skills.position.get(skill)
        if o is not None and s is not None:
            occ_skills[o][s] = relation == "essential"
            usage[s] += 1
    generality = usage / max(1, len(occupations.uris))
    return TaxonomyIndex(
        checksum=checksum,
        esco_version=esco_version,
        occupations=occupations,
        skills=skills,
        skill_is_group=skill_is_group,
        occ_ngrams=_ngram_matrix(occupations),
        occ_exact=dict(occ_exact),
        skill_label_keys=skill_label_keys,
        skill_postings=dict(skill_postings),
        key_idf=key_idf,
        vocabulary=vocabulary,
        broader=dict(broader),
        occ_skills=dict(occ_skills),
        skill_generality=generality,
        skill_is_knowledge=skill_is_knowledge,
    )


def _ngram_matrix(concepts: ConceptSet) -> NgramMatrix:
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, ref in enumerate(concepts.labels):
        for gram in set(trigrams(ref.text)):
            rows.append(row)
            cols.append(vocab.setdefault(gram, len(vocab)))
    n_rows = len(concepts.labels)
    data = np.ones(len(rows), dtype=np.float32)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(n_rows, len(vocab)))
    df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocab)).astype(np.float32)
    idf = np.log1p(n_rows / np.maximum(df, 1.0)).astype(np.float32)
    matrix = matrix.multiply(idf[np.newaxis, :]).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = sparse.diags(1.0 / np.maximum(norms, 1e-9)).dot(matrix).tocsr().astype(np.float32)
    label_concept = np.array([ref.concept for ref in concepts.labels], dtype=np.int64)
    weight = np.array([KIND_WEIGHT.get(ref.kind, 0.9) for ref in concepts.labels], np.float32)
    return NgramMatrix(vocab, idf, matrix, label_concept, weight * 0.95)
