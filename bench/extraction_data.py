"""Build the extraction evaluation sets in bench/data/extraction/ from the hand-written sources.

The sources (`clauses.txt`, `occupations.txt`, `phrases.txt`, plus the issue-5 sentence sets in
bench/data/) name gold concepts by their English ESCO preferred label; this script resolves
every label to its URI in the bundled taxonomy snapshot and refuses to write anything when a
label is unknown, so every gold URI exists. Output is deterministic (fixed seed, splits by
a hash of the source text): run it again after editing a source and commit both.

Usage: python bench/extraction_data.py [--check]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "data" / "extraction"
SNAPSHOT = ROOT.parent / "src" / "ontschot" / "taxonomy" / "snapshot"
SEED = 13

INTRO_NL = (
    "Voor een klant in de regio Twente zoeken wij een {title}.",
    "Wij zoeken per direct een enthousiaste {title} voor 32 tot 40 uur per week.",
    "Ben jij de {title} die ons team komt versterken?",
    "Voor onze vestiging in Hengelo zijn we op zoek naar een {title}.",
)
INTRO_EN = (
    "We are looking for a {title} to join our team in Enschede.",
    "Our client in the Twente region is hiring a {title}.",
    "Are you the {title} we are looking for?",
)
OFFER_NL = (
    "Wij bieden een goed salaris volgens de cao en reiskostenvergoeding.",
    "Je krijgt een contract voor een jaar met uitzicht op een vast dienstverband.",
    "Solliciteer direct via de knop hieronder.",
    "Heb je vragen? Bel dan met onze recruiter.",
)
OFFER_EN = (
    "We offer a competitive salary and travel allowance.",
    "You get a one-year contract with the prospect of a permanent position.",
    "Apply now using the button below.",
)
EMPLOYERS = (
    "Jumbo Enschede",
    "Albert Heijn Hengelo",
    "Zorggroep Manna",
    "Bolk Transport",
    "Twence",
    "Stadsbader",
    "gemeente Almelo",
    "Saxion",
    "Hotel De Broeierd",
    "Action",
    "Dura Vermeer",
)


@dataclass(frozen=True)
class Clause:
    sector: str
    occupations: tuple[str, ...]
    nl: str
    en: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Occupation:
    key: str
    labels: tuple[str, ...]  # the occupation first, then others a coach would accept
    titles_nl: tuple[str, ...]
    titles_en: tuple[str, ...]


def _rows(name: str) -> list[list[str]]:
    lines = (SOURCE / name).read_text(encoding="utf-8").splitlines()
    return [
        [part.strip() for part in line.split("|")]
        for line in lines
        if line.strip() and not line.startswith("#")
    ]


def _snapshot(name: str) -> dict[str, list[str]]:
    by_label: dict[str, list[str]] = {}
    with gzip.open(SNAPSHOT / name, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_label.setdefault(row["preferredLabel"], []).append(row["conceptUri"])
    return by_label


class Resolver:
    def __init__(self) -> None:
        self.skills = _snapshot("skills_en.csv.gz")
        self.occupations = _snapshot("occupations_en.csv.gz")
        self.unknown: set[str] = set()

    def _one(self, table: dict[str, list[str]], label: str) -> str:
        uris = table.get(label) or table.get(label.lower(), []) or self._folded(table, label)
        if len(uris) != 1:
            self.unknown.add(label)
            return ""
        return uris[0]

    @staticmethod
    def _folded(table: dict[str, list[str]], label: str) -> list[str]:
        return [u for key, uris in table.items() if key.lower() == label.lower() for u in uris]

    def skill(self, label: str) -> str:
        return self._one(self.skills, label)

    def occupation(self, label: str) -> str:
        return self._one(self.occupations, label)


def split_of(text: str) -> str:
    return (
        "test"
        if hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).digest()[0] % 2
        else "dev"
    )


def _join(first: str, second: str, word: str) -> str:
    return f"{first.rstrip('.')} {word} {second[0].lower()}{second[1:]}"


def sentence_sets(clauses: list[Clause], res: Resolver) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"nl": [], "en": []}
    for clause in clauses:
        split = split_of(clause.nl)
        for lang in ("nl", "en"):
            text = clause.nl if lang == "nl" else clause.en
            out[lang].append(_item(text, clause.labels, split, "clause", res))
    # Two requirements in one sentence, as vacancies often write them; same sector and split.
    rng = random.Random(SEED)
    joinable = [c for c in clauses if c.nl.startswith("Je ") and c.en.startswith("You ")]
    for split in ("dev", "test"):
        pool = [c for c in joinable if split_of(c.nl) == split]
        for sector in sorted({c.sector for c in pool}):
            own = [c for c in pool if c.sector == sector]
            rng.shuffle(own)
            for a, b in zip(own[0::2], own[1::2], strict=False):
                labels = tuple(dict.fromkeys(a.labels + b.labels))
                out["nl"].append(_item(_join(a.nl, b.nl, "en"), labels, split, "pair", res))
                out["en"].append(_item(_join(a.en, b.en, "and"), labels, split, "pair", res))
    for lang in ("nl", "en"):
        for line in (ROOT / "data" / f"skills_{lang}.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                old = json.loads(line)
                # issue-5 gold kept where it is a skill of the bundled taxonomy (one line
                # pointed at an ISCED field of education, which is no skill)
                labels = tuple(
                    label
                    for label, uri in zip(old["labels"], old["uris"], strict=True)
                    if "isced" not in uri
                )
                if labels:
                    out[lang].append(_item(old["text"], labels, old["split"], "issue5", res))
    return out


def _item(
    text: str, labels: tuple[str, ...], split: str, origin: str, res: Resolver
) -> dict[str, Any]:
    return {
        "text": text,
        "uris": [res.skill(label) for label in labels],
        "labels": list(labels),
        "split": split,
        "origin": origin,
    }


def phrase_set(res: Resolver) -> list[dict[str, Any]]:
    return [
        {
            "lang": lang,
            **_item(text, tuple(labels.split(";")), split_of(lang + text), "phrase", res),
        }
        for lang, text, labels in _rows("phrases.txt")
    ]


def vacancy_sets(
    clauses: list[Clause], occupations: list[Occupation], res: Resolver
) -> dict[str, list[dict[str, Any]]]:
    rng = random.Random(SEED)
    out: dict[str, list[dict[str, Any]]] = {"nl": [], "en": []}
    general = [c for c in clauses if c.occupations == ("*",)]
    for occ in occupations:
        own = [c for c in clauses if occ.key in c.occupations]
        for lang, titles in (("nl", occ.titles_nl), ("en", occ.titles_en)):
            for title in titles:
                picked = rng.sample(own, min(len(own), rng.randint(3, 6)))
                picked += rng.sample(general, 6 - len(picked) if len(picked) < 4 else 2)
                lines = [title]
                intro = rng.choice(INTRO_NL if lang == "nl" else INTRO_EN)
                lines.append(intro.format(title=title.split("(")[0].split("/")[0].strip().lower()))
                lines += [c.nl if lang == "nl" else c.en for c in picked]
                lines += rng.sample(OFFER_NL if lang == "nl" else OFFER_EN, 2)
                labels = tuple(dict.fromkeys(label for c in picked for label in c.labels))
                out[lang].append(
                    {
                        "text": "\n".join(lines),
                        "occupation": res.occupation(occ.labels[0]),
                        "occupations": [res.occupation(label) for label in occ.labels],
                        "occupation_label": occ.labels[0],
                        "uris": [res.skill(label) for label in labels],
                        "labels": list(labels),
                        "split": split_of(lang + title),
                    }
                )
    return out


def cv_set(
    clauses: list[Clause], occupations: list[Occupation], res: Resolver
) -> list[dict[str, Any]]:
    """Short Dutch CVs: the most recent job first, one or two earlier jobs in other fields.

    The skills line holds coach phrases whose skills belong to the recent or an earlier job.
    """
    rng = random.Random(SEED + 1)
    phrases = [(row[1], set(row[2].split(";"))) for row in _rows("phrases.txt") if row[0] == "nl"]
    out = []
    for number, occ in enumerate(occupations * 2):
        if number >= len(occupations) and len(occ.titles_nl) < 2:
            continue
        title = occ.titles_nl[number // len(occupations) % len(occ.titles_nl)]
        others = rng.sample([o for o in occupations if o.key != occ.key], rng.randint(1, 2))
        start = rng.randint(2016, 2022)
        lines = ["Werkervaring", f"{start} – heden: {title.lower()} bij {rng.choice(EMPLOYERS)}"]
        for other in others:
            end = start
            start = end - rng.randint(2, 5)
            lines.append(
                f"{start} – {end}: {other.titles_nl[0].lower()} bij {rng.choice(EMPLOYERS)}"
            )
        jobs = {occ.key} | {o.key for o in others}
        labels = {label for c in clauses if jobs & set(c.occupations) for label in c.labels}
        fitting = [text for text, gold in phrases if gold & labels]
        skills = rng.sample(fitting, min(4, len(fitting)))
        lines += ["Opleiding", rng.choice(("MBO niveau 2", "MBO niveau 3", "VMBO", "HBO"))]
        lines += ["Vaardigheden", ", ".join(skills)]
        if rng.random() < 0.5:
            lines.insert(
                0, "Profiel\nGemotiveerd en betrouwbaar, op zoek naar een nieuwe uitdaging."
            )
        out.append(
            {
                "text": "\n".join(lines),
                "occupation": res.occupation(occ.labels[0]),
                "occupations": [res.occupation(label) for label in occ.labels],
                "occupation_label": occ.labels[0],
                "split": split_of("cv" + title + str(number)),
            }
        )
    out.append(  # the CV from issue 13
        {
            "text": "Werkervaring\n2021 – heden: kassamedewerker bij een supermarkt\n"
            "2018 – 2021: vakkenvuller bij Jumbo\n2016 – 2018: helpende in de thuiszorg\n"
            "Vaardigheden\nklantvriendelijk, kassa, Engels",
            "occupation": res.occupation("cashier"),
            "occupations": [res.occupation("cashier")],
            "occupation_label": "cashier",
            "split": "test",
        }
    )
    return out


def build() -> dict[str, list[dict[str, Any]]]:
    res = Resolver()
    clauses = [
        Clause(s, tuple(o.split(",")), nl, en, tuple(x.strip() for x in labels.split(";")))
        for s, o, nl, en, labels in _rows("clauses.txt")
    ]
    occupations = [
        Occupation(key, tuple(labels.split(";")), tuple(nl.split(";")), tuple(en.split(";")))
        for key, labels, nl, en in _rows("occupations.txt")
    ]
    keys = {o.key for o in occupations} | {"*"}
    bad_keys = {k for c in clauses for k in c.occupations} - keys
    if bad_keys:
        sys.exit(f"unknown occupation keys in clauses.txt: {sorted(bad_keys)}")
    sets: dict[str, list[dict[str, Any]]] = {}
    for lang, items in sentence_sets(clauses, res).items():
        sets[f"sentences_{lang}"] = items
    sets["phrases"] = phrase_set(res)
    for lang, items in vacancy_sets(clauses, occupations, res).items():
        sets[f"vacancies_{lang}"] = items
    sets["cvs_nl"] = cv_set(clauses, occupations, res)
    if res.unknown:
        sys.exit(
            "labels not (uniquely) in the bundled taxonomy:\n  " + "\n  ".join(sorted(res.unknown))
        )
    return sets


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="only resolve and count")
    args = parser.parse_args()
    sets = build()
    for name, items in sets.items():
        dev = sum(i["split"] == "dev" for i in items)
        print(f"{name}: {len(items)} items ({dev} dev, {len(items) - dev} test)")
        if not args.check:
            body = "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
            (SOURCE / f"{name}.jsonl").write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
