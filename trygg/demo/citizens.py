"""Synthetic citizen reports for the demo: a moderation queue with something in it.

Västervik's coordinator (`samordnare`) finds three reports waiting, sent from
the public form and through Open311; two more were decided earlier, one
accepted into the lägesbild and one rejected with a reason. Every text is
labelled synthetic and names no one; no demo report has an email address.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from trygg.citizens import services
from trygg.citizens.models import CitizenReport
from trygg.geo.models import Municipality
from trygg.incidents.models import Category

from .seeds import VASTERVIK
from .synthetic import PREFIX

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MODERATOR = "samordnare"


@dataclass(frozen=True)
class CitizenReportSeed:
    channel: str  # CitizenReport.Channel
    category: str  # Category slug
    happened_at: datetime
    received_at: datetime
    text: str
    latitude: float | None = None
    longitude: float | None = None
    address: str = ""
    decision: str = ""  # "" (waiting), "accept" or "reject"
    decided_at: datetime | None = None
    reason: str = ""  # for a rejection


def _at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=STOCKHOLM)


REPORTS = (
    CitizenReportSeed(
        CitizenReport.Channel.FORM,
        "otrygg-plats",
        _at(10, 14, 21, 30),
        _at(10, 15, 7, 12),
        PREFIX + "mörkt och folktomt vid gångtunneln på kvällarna, flera lampor är trasiga.",
        latitude=57.7478,
        longitude=16.6152,
    ),
    CitizenReportSeed(
        CitizenReport.Channel.OPEN311,
        "samlingsplats",
        _at(10, 17, 23, 0),
        _at(10, 18, 9, 40),
        PREFIX + "ett större gäng samlas vid resecentrum sent på fredagar, det blir stökigt.",
        latitude=57.7561,
        longitude=16.6312,
    ),
    CitizenReportSeed(
        CitizenReport.Channel.FORM,
        "klotter",
        _at(10, 19, 12, 0),
        _at(10, 19, 13, 5),
        PREFIX + "nytt klotter på väggen mot parkeringen.",
        address="Parkeringen vid idrottshallen",
    ),
    CitizenReportSeed(
        CitizenReport.Channel.FORM,
        "nedskrapning",
        _at(9, 2, 19, 0),
        _at(9, 3, 8, 30),
        PREFIX + "mycket skräp och glas kring lekplatsen vid Dichmansgatan.",
        latitude=57.7491,
        longitude=16.6178,
        decision="accept",
        decided_at=_at(9, 3, 10, 15),
    ),
    CitizenReportSeed(
        CitizenReport.Channel.FORM,
        "ovrigt",
        _at(9, 10, 16, 0),
        _at(9, 10, 16, 20),
        PREFIX + "grannens hund skäller hela dagarna.",
        address="Västervik",
        decision="reject",
        decided_at=_at(9, 11, 9, 0),
        reason="Gäller inte trygghet i det offentliga rummet; kontakta miljöförvaltningen.",
    ),
)


def load_citizen_reports(municipalities: dict[str, Municipality]) -> int:
    """The demo's citizen reports, written once through the citizens' own services.

    A report is keyed on its text: one that exists is left as it is, so loading
    again changes nothing. The times are the seeds' (received_at is set after
    submit, which stamps the moment of loading).
    """
    moderator = get_user_model().objects.get(username=MODERATOR)
    categories = {category.slug: category for category in Category.objects.all()}
    for seed in REPORTS:
        if CitizenReport.objects.filter(text=seed.text).exists():
            continue
        report = services.submit(
            channel=seed.channel,
            municipality=municipalities[VASTERVIK],
            category=categories[seed.category],
            happened_at=seed.happened_at,
            latitude=seed.latitude,
            longitude=seed.longitude,
            address=seed.address,
            text=seed.text,
        )
        if seed.decision == "accept":
            services.accept(report, moderator, categories[seed.category], seed.text)
        elif seed.decision == "reject":
            services.reject(report, moderator, seed.reason)
        CitizenReport.objects.filter(pk=report.pk).update(
            received_at=seed.received_at, decided_at=seed.decided_at
        )
    return len(REPORTS)
