"""Code lists of the candidate profile, shaped after the VUM werkzoekendeprofiel.

VUM (Verbeterde UitwisselingsMogelijkheden) is the Dutch exchange standard for job-seeker
and vacancy data between UWV, gemeenten and private partners. Its matching data
(matchingsgegevens) use fixed code lists; ours map one-to-one onto them so that a profile
can be exchanged without loss. Values are stored as the strings below; the Dutch labels
are what the pages show.
"""

from __future__ import annotations

from enum import StrEnum


class DrivingLicence(StrEnum):
    A = "A"
    A1 = "A1"
    A2 = "A2"
    AM = "AM"
    B = "B"
    B_PLUS = "B+"
    BE = "BE"
    C1 = "C1"
    C = "C"
    C1E = "C1E"
    CE = "CE"
    D1 = "D1"
    D = "D"
    D1E = "D1E"
    DE = "DE"
    T = "T"


class LanguageLevel(StrEnum):
    UNKNOWN = "onbekend"
    NONE = "geen"
    FAIR = "redelijk"
    GOOD = "goed"
    EXCELLENT = "uitstekend"


class EducationLevel(StrEnum):
    BASIS = "basis"
    VMBO = "vmbo"
    HAVO_VWO = "havo_vwo"
    MBO = "mbo"
    HBO = "hbo"
    WO = "wo"


class EducationStatus(StrEnum):
    COMPLETED = "afgerond"
    DISCONTINUED = "afgebroken"
    ONGOING = "lopend"


class Transport(StrEnum):
    CAR = "auto"
    MOTORCYCLE = "motor"
    MOPED = "bromfiets"
    BICYCLE = "fiets"
    PUBLIC_TRANSPORT = "openbaar_vervoer"
    WALKING = "lopend"


class ContractForm(StrEnum):
    PERMANENT = "vast"
    TEMPORARY = "tijdelijk"
    TEMP_AGENCY = "uitzend"
    ON_CALL = "oproep"
    WORK_STUDY = "leerwerk"
    FREELANCE = "zzp"


class Benefit(StrEnum):
    WW = "ww"
    BIJSTAND = "bijstand"
    WAJONG = "wajong"
    WIA = "wia"
    NONE = "none"


class CandidateStatus(StrEnum):
    SEEKING = "seeking"
    EMPLOYED_AT_RISK = "employed_at_risk"
    PLACED = "placed"
    INACTIVE = "inactive"


class SkillSource(StrEnum):
    SELF_DECLARED = "self_declared"
    COACH_CONFIRMED = "coach_confirmed"
    FROM_OCCUPATION = "from_occupation"
    EXTRACTED = "extracted"


class SkillLevel(StrEnum):
    BASIC = "basis"
    ADVANCED = "gevorderd"
    EXPERT = "expert"


class LegalBasis(StrEnum):
    """AVG art. 6 basis under which the region processes the profile."""

    PUBLIC_TASK = "wettelijke_taak"  # Participatiewet, SUWI: gemeente and UWV
    CONSENT = "toestemming"  # NUG and employees at risk registered voluntarily
    CONTRACT = "overeenkomst"


class ConsentPurpose(StrEnum):
    SHARE_PROFILE = "share_profile"  # full profile to partners of a category
    EMPLOYER_SUGGESTIONS = "employer_suggestions"  # anonymised profile to employers


class PartnerCategory(StrEnum):
    """Kinds of organisation a candidate can allow to see their profile.

    The values equal `Organisation.kind` of the access context; `ALL` means every partner
    organisation in the region.
    """

    ALL = "all"
    MUNICIPALITY = "gemeente"
    UWV = "uwv"
    TEMP_AGENCY = "uitzendbureau"
    REINTEGRATION = "reintegratiebedrijf"
    EDUCATION = "onderwijs"
    EMPLOYER_ORGANISATION = "werkgeversorganisatie"


LABELS_NL: dict[str, str] = {
    Benefit.WW: "WW",
    Benefit.BIJSTAND: "Bijstand",
    Benefit.WAJONG: "Wajong",
    Benefit.WIA: "WIA",
    Benefit.NONE: "Geen uitkering (NUG)",
    CandidateStatus.SEEKING: "Werkzoekend",
    CandidateStatus.EMPLOYED_AT_RISK: "Werknemer met ontslagrisico",
    CandidateStatus.PLACED: "Geplaatst",
    CandidateStatus.INACTIVE: "Niet actief",
    SkillSource.SELF_DECLARED: "Zelf opgegeven",
    SkillSource.COACH_CONFIRMED: "Bevestigd door coach",
    SkillSource.FROM_OCCUPATION: "Afgeleid van beroep",
    SkillSource.EXTRACTED: "Uit tekst gehaald",
    EducationLevel.BASIS: "Basisonderwijs",
    EducationLevel.VMBO: "VMBO",
    EducationLevel.HAVO_VWO: "HAVO/VWO",
    EducationLevel.MBO: "MBO",
    EducationLevel.HBO: "HBO",
    EducationLevel.WO: "WO",
    Transport.PUBLIC_TRANSPORT: "Openbaar vervoer",
    ConsentPurpose.SHARE_PROFILE: "Profiel delen met partners",
    ConsentPurpose.EMPLOYER_SUGGESTIONS: "Anoniem voorstellen aan werkgevers",
    PartnerCategory.ALL: "alle partners in de regio",
    PartnerCategory.MUNICIPALITY: "gemeenten",
    PartnerCategory.UWV: "UWV",
    PartnerCategory.TEMP_AGENCY: "uitzendbureaus",
    PartnerCategory.REINTEGRATION: "re-integratiebedrijven",
    PartnerCategory.EDUCATION: "onderwijsinstellingen",
    PartnerCategory.EMPLOYER_ORGANISATION: "werkgeversorganisaties",
    LegalBasis.PUBLIC_TASK: "Wettelijke taak",
    LegalBasis.CONSENT: "Toestemming",
    LegalBasis.CONTRACT: "Overeenkomst",
}


def label_nl(value: str | None) -> str:
    """Dutch label of a code (the code itself when it needs no translation)."""
    if value is None:
        return ""
    return LABELS_NL.get(value, value.replace("_", " ").capitalize())
