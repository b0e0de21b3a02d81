"""Small ESCO folders in the official CSV layout, for importer tests."""

from __future__ import annotations

from pathlib import Path

OCC = "http://data.europa.eu/esco/occupation/"
SKILL = "http://data.europa.eu/esco/skill/"

OCCUPATIONS_EN = f"""conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,description
Occupation,{OCC}t-1,8344,forklift operator,"forklift driver
lift truck operator",Operates forklifts.
Occupation,{OCC}t-2,9112,cleaner,,Cleans buildings.
"""
SKILLS_EN = f"""conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description
KnowledgeSkillCompetence,{SKILL}s-1,skill/competence,sector-specific,operate forklift,drive forklift,Drive a forklift.
KnowledgeSkillCompetence,{SKILL}s-2,skill/competence,cross-sector,pick orders,order picking,Pick orders.
KnowledgeSkillCompetence,{SKILL}s-3,skill/competence,cross-sector,clean surfaces,,Clean.
"""
RELATIONS = f"""occupationUri,relationType,skillType,skillUri
{OCC}t-1,essential,skill/competence,{SKILL}s-1
{OCC}t-1,optional,skill/competence,{SKILL}s-2
{OCC}t-2,essential,skill/competence,{SKILL}s-3
"""
OCCUPATIONS_NL = f"""conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,description
Occupation,{OCC}t-1,8344,heftruckchauffeur,vorkheftruckbestuurder,Bestuurt heftrucks.
Occupation,{OCC}t-2,9112,schoonmaker,,Maakt schoon.
"""
SKILLS_NL = f"""conceptUri,preferredLabel
{SKILL}s-1,heftruck besturen
"""


def write_folder(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def valid_english(folder: Path) -> Path:
    return write_folder(
        folder,
        {
            "occupations_en.csv": OCCUPATIONS_EN,
            "skills_en.csv": SKILLS_EN,
            "occupationSkillRelations_en.csv": RELATIONS,
        },
    )
