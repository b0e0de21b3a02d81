"""Dutch words for the values of trajectories that a person reads on a page."""

from __future__ import annotations

STATE_NAMES = {"open": "Loopt", "suspended": "Opgeschort", "closed": "Afgesloten"}
ACTIVITY_NAMES = {
    "conversation": "Gesprek",
    "training_start": "Start opleiding",
    "test": "Toets of test",
    "employer_visit": "Bezoek aan werkgever",
    "trial_day": "Meeloopdag of proefdag",
}
EVENT_NAMES = {
    "started": "Gestart",
    "employer": "Werkgever",
    "suspended": "Opgeschort",
    "resumed": "Hervat",
    "reassigned": "Andere coach",
    "handover": "Warme overdracht",
    "closed": "Afgesloten",
    "placed": "Plaatsing",
    "placement_ended": "Plaatsing beëindigd",
}
HANDOVER_STATUS_NAMES = {
    "proposed": "wacht op antwoord",
    "accepted": "aanvaard",
    "declined": "afgewezen",
}
PLAN_KIND_NAMES = {"goal": "Doel", "action": "Afspraak"}
ATTENTION_CHOICES = [
    ("", "Alle"),
    ("overdue", "Actie over de datum"),
    ("no_next_action", "Zonder volgende actie"),
    ("handover", "Overdracht loopt"),
    ("follow_ups", "Nazorg aan de beurt"),
]
SORT_CHOICES = [
    ("due", "Eerst wat het eerst moet"),
    ("started", "Nieuwste traject eerst"),
    ("updated", "Laatst bijgewerkt eerst"),
]
