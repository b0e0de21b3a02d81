"""Labels and definitions of every indicator: shown beside each value and in every export."""

from __future__ import annotations

from ontschot.cases.placements.rules import PlacementRules

NO_LEDGER = "nog geen boekingen in het budget"


def definitions(rules: PlacementRules) -> dict[str, tuple[str, str]]:
    """key -> (label, definition)."""
    durable = (
        f"de werkzoekende werkt {rules.durable_months} maanden na de start nog, minstens "
        f"{rules.durable_min_hours} uur per week (eerste nazorgcontact op of na die datum)"
    )
    out = {
        "peopleServed": (
            "Bediende personen",
            "Personen met minstens één traject dat in de periode begon, elk één keer geteld.",
        ),
        "peopleWithoutBenefit": (
            "Bediend zonder uitkering",
            "Bediende personen die geen uitkering hebben (niet-uitkeringsgerechtigden).",
        ),
        "peopleEmployedAtRisk": (
            "Bediend met baan in gevaar",
            "Bediende personen die werk hebben maar het dreigen te verliezen (van werk naar werk).",
        ),
        "trajectoriesStarted": ("Gestarte trajecten", "Trajecten die in de periode begonnen."),
        "trajectoriesClosed": (
            "Afgesloten trajecten",
            "Trajecten uit de selectie die zijn afgesloten, met welk resultaat dan ook.",
        ),
        "trajectoriesClosedToWork": (
            "Afgesloten met werk",
            "Afgesloten trajecten met een resultaat dat als werk telt (ketentype).",
        ),
        "introductions": (
            "Voorstellen aan werkgevers",
            "Voorstellen van een werkzoekende aan een werkgever die in de periode zijn gedaan.",
        ),
        "placements": (
            "Plaatsingen",
            "Plaatsingen (betaald werk of proefplaatsing) die in de periode begonnen.",
        ),
        "durablePlacements": ("Duurzame plaatsingen", f"Plaatsingen waarbij {durable}."),
        "notYetDurablePlacements": (
            "Nog niet duurzaam",
            f"Plaatsingen die nog lopen en waarvan nog niet bekend is of {durable}.",
        ),
        "endedPlacements": (
            "Beëindigd of niet duurzaam",
            f"Plaatsingen die vóór {rules.durable_months} maanden eindigden, of waarbij het "
            f"nazorgcontact op {rules.durable_months} maanden minder of geen werk vond. "
            "Plaatsingen = duurzaam + nog niet duurzaam + beëindigd.",
        ),
        "durableShare": (
            "Aandeel duurzaam",
            "Duurzame plaatsingen als percentage van de plaatsingen waarvan het antwoord bekend "
            "is (duurzaam + beëindigd).",
        ),
        "medianDaysToPlacement": (
            "Doorlooptijd intake tot plaatsing (mediaan)",
            "Dagen van de start van het traject tot de start van de eerste plaatsing; de "
            "middelste waarde.",
        ),
        "firstQuartileDaysToPlacement": (
            "Doorlooptijd, eerste kwartiel",
            "Een kwart van de plaatsingen kwam binnen dit aantal dagen na de start van het "
            "traject.",
        ),
        "thirdQuartileDaysToPlacement": (
            "Doorlooptijd, derde kwartiel",
            "Driekwart van de plaatsingen kwam binnen dit aantal dagen na de start van het "
            "traject.",
        ),
        "dropOut": (
            "Uitval na plaatsing",
            "Plaatsingen die zijn beëindigd (alle redenen behalve een proefplaatsing die werd "
            "omgezet in een contract).",
        ),
        "workToWork": (
            "Van werk naar werk",
            "Plaatsingen van personen die bij de start van hun traject werk hadden maar het "
            "dreigden te verliezen.",
        ),
        "costPerPlacementCents": (
            "Kosten per plaatsing",
            "Gerealiseerde uitgaven uit het budget voor de selectie, gedeeld door het aantal "
            "plaatsingen, in centen.",
        ),
        "costPerDurablePlacementCents": (
            "Kosten per duurzame plaatsing",
            "Gerealiseerde uitgaven uit het budget voor de selectie, gedeeld door het aantal "
            "duurzame plaatsingen, in centen.",
        ),
        "moneyCommittedCents": (
            "Toegezegd uit het budget",
            "Som van de toezeggingen (verplichtingen) in het grootboek voor de selectie, in "
            "centen.",
        ),
        "moneyRealisedCents": (
            "Gerealiseerd uit het budget",
            "Som van de gerealiseerde uitgaven in het grootboek voor de selectie, in centen.",
        ),
    }
    for months in (1, 3, 6, 12, 18):
        out[f"retention{months}Months"] = (
            f"Behoud na {months} {'maand' if months == 1 else 'maanden'}",
            f"Kans (Kaplan–Meier, in %) dat een plaatsing {months} "
            f"{'maand' if months == 1 else 'maanden'} na de start nog "
            "loopt; lopende plaatsingen tellen mee tot de peildatum (gecensureerd).",
        )
    for months in (6, 12, 18):
        out[f"cbsWork{months}Months"] = (
            f"Werk na {months} maanden (CBS-cohort)",
            "Van de plaatsingen met werk één maand na de start: het percentage dat "
            f"{months} maanden na de start nog werkt, alleen plaatsingen die al "
            f"{months} maanden oud zijn.",
        )
    return out


UNITS = {
    "durableShare": "percent",
    "medianDaysToPlacement": "days",
    "firstQuartileDaysToPlacement": "days",
    "thirdQuartileDaysToPlacement": "days",
    "costPerPlacementCents": "cents",
    "costPerDurablePlacementCents": "cents",
    "moneyCommittedCents": "cents",
    "moneyRealisedCents": "cents",
    **{f"retention{m}Months": "percent" for m in (1, 3, 6, 12, 18)},
    **{f"cbsWork{m}Months": "percent" for m in (6, 12, 18)},
}

BENEFIT_NAMES = {
    "ww": "WW",
    "bijstand": "Bijstand",
    "wajong": "Wajong",
    "wia": "WIA",
    "none": "Geen uitkering",
}
STATUS_NAMES = {
    "seeking": "Zoekt werk",
    "employed_at_risk": "Werk in gevaar",
    "placed": "Geplaatst",
    "inactive": "Niet actief",
}
