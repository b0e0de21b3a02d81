"""Build the bundled ESCO snapshot from the shared ESCO v1.2.0 files.

The snapshot is written in the *official ESCO CSV layout* (gzipped), so the product has one
importer for both the bundled data and an official ESCO download. Usage:

    python scripts/build_taxonomy_snapshot.py ../shared/data/esco

What is derived and how is recorded in the snapshot's PROVENANCE.md.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "ontschot" / "taxonomy" / "snapshot"
COLLECTIONS = [
    "transversalSkillsCollection_en.csv",
    "digitalSkillsCollection_en.csv",
    "greenSkillsCollection_en.csv",
    "languageSkillsCollection_en.csv",
    "researchSkillsCollection_en.csv",
    "digCompSkillsCollection_en.csv",
]
csv.field_size_limit(10_000_000)


def read(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        yield from csv.DictReader(fh)


def write(name: str, header: list[str], rows: Iterable[list[str]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    # mtime=0 keeps the gzip bytes reproducible.
    with (
        open(OUT / f"{name}.csv.gz", "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz,
    ):
        gz.write(buf.getvalue().encode("utf-8"))


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def build(src: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "nl"):
        occ_cols = [
            "conceptUri",
            "iscoGroup",
            "preferredLabel",
            "altLabels",
            "hiddenLabels",
            "description",
            "code",
        ]
        write(
            f"occupations_{lang}",
            occ_cols,
            (
                [r.get(c, "") or "" for c in occ_cols]
                for r in read(src / lang / f"occupations_{lang}.csv")
            ),
        )
        write(
            f"ISCOGroups_{lang}",
            ["conceptUri", "code", "preferredLabel"],
            (
                [r["conceptUri"], r["code"], r["preferredLabel"]]
                for r in read(src / lang / f"ISCOGroups_{lang}.csv")
            ),
        )
        write(
            f"skillGroups_{lang}",
            ["conceptUri", "preferredLabel", "code"],
            (
                [r["conceptUri"], r["preferredLabel"], r.get("code", "")]
                for r in read(src / lang / f"skillGroups_{lang}.csv")
            ),
        )

    # Skills (English): labels from the reconstruction, altLabels/type/reuse from collections.
    collection: dict[str, dict[str, str]] = {}
    for name in COLLECTIONS:
        for r in read(src / "en" / name):
            collection.setdefault(r["conceptUri"], r)
    skill_rows = []
    for r in read(src / "en" / "skills_en_reconstructed.csv.gz"):
        uri, pref = r["conceptUri"], clean(r["preferredLabel"])
        if not pref:
            continue  # 8 skills without any label: nothing to show or match
        extra = collection.get(uri, {})
        alts = [clean(a) for a in (extra.get("altLabels") or "").split("|") if clean(a)]
        skill_type = extra.get("skillType") or r.get("skillType_collection") or ""
        if not skill_type:
            roots = r.get("pillarRoots", "")
            skill_type = "knowledge" if roots.startswith("knowledge") else "skill/competence"
        reuse = extra.get("reuseLevel") or r.get("reuseLevel_collection") or ""
        description = clean(extra.get("description") or "")
        if not description:
            description = _description_from_text(pref, clean(r["labelsAndDescriptionText"]))
        skill_rows.append(
            ["KnowledgeSkillCompetence", uri, skill_type, reuse, pref, "\n".join(alts), description]
        )
    write(
        "skills_en",
        [
            "conceptType",
            "conceptUri",
            "skillType",
            "reuseLevel",
            "preferredLabel",
            "altLabels",
            "description",
        ],
        skill_rows,
    )
    write(
        "skills_nl",
        ["conceptUri", "preferredLabel"],
        (
            [r["conceptUri"], clean(r["preferredLabel"])]
            for r in read(src / "nl" / "skills_nl_partial.csv")
        ),
    )

    write(
        "occupationSkillRelations_en",
        ["occupationUri", "relationType", "skillUri"],
        (
            [r["occupationUri"], r["relationType"], r["skillUri"]]
            for r in read(src / "en" / "occupationSkillRelations_en_reconstructed.csv.gz")
        ),
    )
    write(
        "broaderRelationsSkillPillar_en",
        ["conceptType", "conceptUri", "broaderType", "broaderUri"],
        (
            [r["conceptType"], r["conceptUri"], r["broaderType"], r["broaderUri"]]
            for r in read(src / "en" / "broaderRelationsSkillPillar_en.csv")
        ),
    )
    write(
        "skillSkillRelations_en",
        ["originalSkillUri", "relationType", "relatedSkillUri"],
        (
            [r["originalSkillUri"], r["relationType"], r["relatedSkillUri"]]
            for r in read(src / "en" / "skillSkillRelations_en.csv")
        ),
    )

    files = sorted(p.name for p in OUT.glob("*.csv.gz"))
    manifest = {
        "escoVersion": "1.2.0",
        "source": "ESCO v1.2.0 CSV (official files plus documented reconstructions)",
        "files": {n: hashlib.sha256((OUT / n).read_bytes()).hexdigest() for n in files},
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(files)} files to {OUT}")


def _description_from_text(pref: str, text: str) -> str:
    """The reconstruction joins labels and description; the description is the part that
    starts with the first capitalised word after the (lower-case) labels."""
    rest = text[len(pref) :] if text.lower().startswith(pref.lower()) else text
    match = re.search(r"(?:^|\s)([A-Z][a-z]+\b.*)$", rest)
    return match.group(1).strip() if match else ""


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/esco"))
