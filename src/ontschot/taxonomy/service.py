"""Read-side of the taxonomy: search, occupation and skill details. ESCO is public data,
so these reads carry no processing-log entry."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ontschot import errors
from ontschot.taxonomy import schemas
from ontschot.taxonomy.models import (
    ConceptLabel,
    IscoGroup,
    Occupation,
    OccupationSkill,
    Skill,
    SkillBroader,
    SkillRelation,
    TaxonomyVersion,
)
from ontschot.taxonomy.search import search_concepts

OCCUPATION_PREFIX = "http://data.europa.eu/esco/occupation/"
SKILL_PREFIXES = ("http://data.europa.eu/esco/skill/", "http://data.europa.eu/esco/isced-f/")
MAX_DEPTH = 8


def concept_id(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def _ref(uri: str, nl: str | None, en: str) -> dict[str, str]:
    return {
        "uri": uri,
        "id": concept_id(uri),
        "label": nl or en,
        "label_lang": "nl" if nl else "en",
    }


def skill_ref(skill: Skill) -> schemas.SkillRef:
    return schemas.SkillRef(
        **_ref(skill.uri, skill.label_nl, skill.label_en), skill_type=skill.skill_type
    )


def search(
    db: Session, concept_type: str, q: str, *, lang: str | None, page: int, page_size: int
) -> schemas.SearchPage:
    hits, total = search_concepts(
        db, concept_type, q, lang=lang, limit=page_size, offset=(page - 1) * page_size
    )
    uris = [h.uri for h in hits]
    labels: dict[str, tuple[str | None, str]] = {}
    if concept_type == "occupation":
        query = select(Occupation.uri, Occupation.label_nl, Occupation.label_en).where(
            Occupation.uri.in_(uris)
        )
    else:
        query = select(Skill.uri, Skill.label_nl, Skill.label_en).where(Skill.uri.in_(uris))
    for uri, nl, en in db.execute(query):
        labels[uri] = (nl, en)
    items = []
    for hit in hits:
        found = labels.get(hit.uri)
        if found is None:
            continue
        items.append(
            schemas.SearchHit(
                **_ref(hit.uri, *found),
                matched_label=hit.matched_label,
                matched_lang=hit.matched_lang,
                score=hit.score,
            )
        )
    return schemas.SearchPage(items=items, total=total, page=page, page_size=page_size)


def _alt_labels(db: Session, uri: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for lang, text in db.execute(
        select(ConceptLabel.lang, ConceptLabel.text)
        .where(ConceptLabel.concept_uri == uri, ConceptLabel.kind == "alt")
        .order_by(ConceptLabel.text)
    ):
        out[lang].append(text)
    return out


def occupation_detail(db: Session, key: str) -> schemas.OccupationDetail:
    occupation = db.get(Occupation, OCCUPATION_PREFIX + key)
    if occupation is None:
        raise errors.NotFound("Dit beroep")
    isco = db.get(IscoGroup, occupation.isco_code) if occupation.isco_code else None
    rows = db.execute(
        select(OccupationSkill.relation, Skill)
        .join(Skill, Skill.uri == OccupationSkill.skill_uri)
        .where(OccupationSkill.occupation_uri == occupation.uri)
    ).all()
    essential = sorted(
        (skill_ref(s) for r, s in rows if r == "essential"), key=lambda s: s.label.lower()
    )
    optional = sorted(
        (skill_ref(s) for r, s in rows if r == "optional"), key=lambda s: s.label.lower()
    )
    alts = _alt_labels(db, occupation.uri)
    return schemas.OccupationDetail(
        **_ref(occupation.uri, occupation.label_nl, occupation.label_en),
        label_en=occupation.label_en,
        code=occupation.code,
        isco_group=schemas.IscoRef(code=isco.code, label=isco.label_nl or isco.label_en)
        if isco
        else None,
        description=occupation.description_nl or occupation.description_en,
        alt_labels_nl=alts.get("nl", []),
        alt_labels_en=alts.get("en", []),
        essential_skills=essential,
        optional_skills=optional,
    )


def _find_skill(db: Session, key: str) -> Skill:
    for prefix in SKILL_PREFIXES:
        skill = db.get(Skill, prefix + key)
        if skill is not None:
            return skill
    raise errors.NotFound("Deze vaardigheid")


def _broader_paths(db: Session, uri: str) -> list[list[Skill]]:
    """Every path from a top concept down to (not including) `uri`."""
    parents: dict[str, list[str]] = defaultdict(list)
    frontier, seen = [uri], {uri}
    for _ in range(MAX_DEPTH):
        if not frontier:
            break
        rows = db.execute(
            select(SkillBroader.skill_uri, SkillBroader.broader_uri).where(
                SkillBroader.skill_uri.in_(frontier)
            )
        ).all()
        frontier = []
        for child, parent in rows:
            parents[child].append(parent)
            if parent not in seen:
                seen.add(parent)
                frontier.append(parent)
    concepts = {s.uri: s for s in db.scalars(select(Skill).where(Skill.uri.in_(seen)))}

    def walk(node: str, depth: int) -> list[list[str]]:
        """Paths ordered top concept first, ending with node's parent."""
        ups = parents.get(node, [])
        if not ups or depth > MAX_DEPTH:
            return [[]]
        return [[*path, up] for up in ups for path in walk(up, depth + 1)]

    paths = [[concepts[u] for u in path if u in concepts] for path in walk(uri, 0) if path]
    return paths[:5]


def skill_detail(db: Session, key: str, *, occupation_limit: int = 200) -> schemas.SkillDetail:
    skill = _find_skill(db, key)
    narrower = db.scalars(
        select(Skill)
        .join(SkillBroader, SkillBroader.skill_uri == Skill.uri)
        .where(SkillBroader.broader_uri == skill.uri)
        .order_by(Skill.label_en)
        .limit(200)
    ).all()
    related = db.scalars(
        select(Skill)
        .join(SkillRelation, SkillRelation.related_uri == Skill.uri)
        .where(SkillRelation.skill_uri == skill.uri)
        .limit(100)
    ).all()
    total = (
        db.scalar(
            select(func.count())
            .select_from(OccupationSkill)
            .where(OccupationSkill.skill_uri == skill.uri)
        )
        or 0
    )
    uses = db.execute(
        select(OccupationSkill.relation, Occupation)
        .join(Occupation, Occupation.uri == OccupationSkill.occupation_uri)
        .where(OccupationSkill.skill_uri == skill.uri)
        .order_by(OccupationSkill.relation, Occupation.label_nl)
        .limit(occupation_limit)
    ).all()
    alts = _alt_labels(db, skill.uri)
    return schemas.SkillDetail(
        **_ref(skill.uri, skill.label_nl, skill.label_en),
        skill_type=skill.skill_type,
        label_en=skill.label_en,
        reuse_level=skill.reuse_level,
        description=skill.description_nl or skill.description_en,
        is_group=skill.is_group,
        alt_labels_en=alts.get("en", []),
        broader=[
            [schemas.ConceptRef(**_ref(s.uri, s.label_nl, s.label_en)) for s in path]
            for path in _broader_paths(db, skill.uri)
        ],
        narrower=[schemas.ConceptRef(**_ref(s.uri, s.label_nl, s.label_en)) for s in narrower],
        related=[schemas.ConceptRef(**_ref(s.uri, s.label_nl, s.label_en)) for s in related],
        occupations=[
            schemas.OccupationUse(**_ref(o.uri, o.label_nl, o.label_en), relation=r)
            for r, o in uses
        ],
        occupations_total=total,
    )


def version(db: Session) -> schemas.TaxonomyVersionRead:
    row = db.scalars(select(TaxonomyVersion).order_by(TaxonomyVersion.id.desc()).limit(1)).first()
    if row is None:
        raise errors.NotFound("Een geladen taxonomie")
    return schemas.TaxonomyVersionRead(
        esco_version=row.esco_version,
        source=row.source,
        checksum=row.checksum,
        languages=row.languages.split(","),
        imported_at=row.imported_at,
        occupations=row.occupations,
        skills=row.skills,
        relations=row.relations,
    )
