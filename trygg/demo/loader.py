"""Writing the demo data to the database, the same way every time.

Every row is found by a natural key (an SCB code, a slug, a name, a promise and
an order, an external_id) and updated in place, and every many-to-many relation
is set as a whole, so loading twice leaves the database as loading once did.
Demo rows that the seeds no longer describe (a commitment removed from a
promise, a synthetic activity no longer generated) are removed; nothing else is.

The caller wraps `load_demo()` in a transaction, so a failure leaves nothing
half-written.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db.models import Model

from trygg.agreements.models import Agreement, CollaborationArea, Forum
from trygg.geo.models import Area, Municipality, Place
from trygg.geo.services import area_for_point
from trygg.organisations.models import Membership, Organisation
from trygg.promises.models import Activity, Commitment, FocusArea, Promise

from . import seeds, synthetic
from .users import DEMO_PASSWORD, DEMO_USERS

AREAS_FILE = Path(__file__).resolve().parent / "areas.geojson"


@dataclass
class DemoSummary:
    """What was loaded, for the command's report."""

    counts: dict[str, int] = field(default_factory=dict)
    commitments_per_promise: dict[str, int] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # user, role, organisation


def load_demo() -> DemoSummary:
    """Load (or refresh) all demo data. Call it inside a transaction."""
    municipalities = _load_municipalities()
    organisations = _load_organisations(municipalities)
    areas = _load_areas(municipalities)
    places = _load_places(municipalities)
    agreements = _load_agreements(organisations, municipalities)
    forums = _load_forums(organisations, agreements)
    commitments = _load_promises(organisations, municipalities, agreements, forums, areas, places)
    activity_count = _load_activities(organisations, forums, areas, places, commitments)
    logins = _load_users(organisations)

    summary = DemoSummary(logins=logins)
    summary.counts = {
        "kommuner": len(municipalities),
        "organisationer": len(organisations),
        "områden": len(areas),
        "platser": len(places),
        "överenskommelser": len(agreements),
        "forum": len(forums),
        "medborgarlöften": len(seeds.PROMISES),
        "åtaganden": len(commitments),
        "aktiviteter (syntetiska)": activity_count,
    }
    summary.commitments_per_promise = {
        promise.slug: len(promise.commitments) for promise in seeds.PROMISES
    }
    return summary


def _set_m2m(instance: Model, **relations: list) -> None:
    for name, objects in relations.items():
        getattr(instance, name).set(objects)


# ---------------------------------------------------------------------------
# Places and parties
# ---------------------------------------------------------------------------


def _load_municipalities() -> dict[str, Municipality]:
    municipalities = {}
    for code, (name, county) in seeds.MUNICIPALITIES.items():
        municipalities[code], _ = Municipality.objects.update_or_create(
            scb_code=code, defaults={"name": name, "county": county}
        )
    return municipalities


def _load_organisations(municipalities: dict[str, Municipality]) -> dict[str, Organisation]:
    organisations = {}
    for seed in seeds.ORGANISATIONS:
        # Keyed on the name, which is what people see and keep; the slug follows it.
        organisation, _ = Organisation.objects.update_or_create(
            name=seed.name, defaults={"slug": seed.slug, "kind": seed.kind}
        )
        organisation.municipalities.set([municipalities[code] for code in seed.municipalities])
        organisations[seed.slug] = organisation
    return organisations


def _load_areas(municipalities: dict[str, Municipality]) -> dict[str, Area]:
    """The areas of areas.geojson, keyed "<scb code>/<slug>"."""
    collection = json.loads(AREAS_FILE.read_text(encoding="utf-8"))
    areas = {}
    for feature in collection["features"]:
        properties = feature["properties"]
        municipality = municipalities[properties["municipality"]]
        area = Area(
            municipality=municipality,
            slug=properties["slug"],
            name=properties["name"],
            kind=properties["kind"],
            geometry=feature["geometry"],
            boundary_note=properties["boundary_note"],
        )
        area.clean()  # a broken polygon in the file stops the load with the reason
        area, _ = Area.objects.update_or_create(
            municipality=municipality,
            slug=area.slug,
            defaults={
                "name": area.name,
                "kind": area.kind,
                "geometry": area.geometry,
                "boundary_note": area.boundary_note,
            },
        )
        areas[f"{municipality.scb_code}/{area.slug}"] = area
    return areas


def _load_places(municipalities: dict[str, Municipality]) -> dict[str, Place]:
    places = {}
    for seed in seeds.PLACES:
        municipality = municipalities[seed.municipality]
        places[seed.key], _ = Place.objects.update_or_create(
            municipality=municipality,
            name=seed.name,
            defaults={
                "latitude": seed.latitude,
                "longitude": seed.longitude,
                "area": area_for_point(seed.latitude, seed.longitude, municipality),
            },
        )
    return places


# ---------------------------------------------------------------------------
# Agreements and forums
# ---------------------------------------------------------------------------


def _signatories(signatories: tuple[seeds.Signatory, ...]) -> list[dict[str, str]]:
    return [{"name": person.name, "title": person.title} for person in signatories]


def _load_agreements(
    organisations: dict[str, Organisation], municipalities: dict[str, Municipality]
) -> dict[str, Agreement]:
    agreements = {}
    for seed in seeds.AGREEMENTS:
        agreement, _ = Agreement.objects.update_or_create(
            slug=seed.slug,
            defaults={
                "title": seed.title,
                "period_start": seed.period_start,
                "period_end": seed.period_end,
                "signed_on": seed.signed_on,
                "signed_at": seed.signed_at,
                "signatories": _signatories(seed.signatories),
                "introduction": seed.introduction,
                "follow_up_text": seed.follow_up_text,
            },
        )
        _set_m2m(
            agreement,
            parties=[organisations[slug] for slug in seed.parties],
            municipalities=[municipalities[code] for code in seed.municipalities],
        )
        for order, area in enumerate(seed.areas, start=1):
            CollaborationArea.objects.update_or_create(
                agreement=agreement,
                order=order,
                defaults={"number": area.number, "title": area.title, "text": area.text},
            )
        CollaborationArea.objects.filter(agreement=agreement, order__gt=len(seed.areas)).delete()
        agreements[seed.slug] = agreement
    return agreements


def _load_forums(
    organisations: dict[str, Organisation], agreements: dict[str, Agreement]
) -> dict[str, Forum]:
    forums = {}
    for seed in seeds.FORUMS:
        forum, _ = Forum.objects.update_or_create(
            slug=seed.slug,
            defaults={
                "name": seed.name,
                "kind": seed.kind,
                "description": seed.description,
                "agreement": agreements[seed.agreement] if seed.agreement else None,
            },
        )
        forum.members.set([organisations[slug] for slug in seed.members])
        forums[seed.slug] = forum
    return forums


# ---------------------------------------------------------------------------
# Promises
# ---------------------------------------------------------------------------


def _load_promises(
    organisations: dict[str, Organisation],
    municipalities: dict[str, Municipality],
    agreements: dict[str, Agreement],
    forums: dict[str, Forum],
    areas: dict[str, Area],
    places: dict[str, Place],
) -> dict[tuple[str, str], Commitment]:
    """Load the promises; return their commitments keyed (promise slug, key or order)."""
    commitments: dict[tuple[str, str], Commitment] = {}
    for seed in seeds.PROMISES:
        promise, _ = Promise.objects.update_or_create(
            slug=seed.slug,
            defaults={
                "title": seed.title,
                "agreement": agreements[seed.agreement] if seed.agreement else None,
                "period_start": seed.period_start,
                "period_end": seed.period_end,
                "signed_on": seed.signed_on,
                "signatories": _signatories(seed.signatories),
                "introduction": seed.introduction,
                "reports_required": seed.reports_required,
                "reporting_text": seed.reporting_text,
                "is_public": seed.is_public,
                "source_note": seed.source_note,
            },
        )
        _set_m2m(
            promise,
            parties=[organisations[slug] for slug in seed.parties],
            municipalities=[municipalities[code] for code in seed.municipalities],
        )

        focus_areas = {}
        for order, title in enumerate(seed.focus_areas, start=1):
            focus_areas[order], _ = FocusArea.objects.update_or_create(
                promise=promise, order=order, defaults={"title": title}
            )
        FocusArea.objects.filter(promise=promise, order__gt=len(seed.focus_areas)).delete()

        for order, item in enumerate(seed.commitments, start=1):
            commitment, _ = Commitment.objects.update_or_create(
                promise=promise,
                order=order,
                defaults={
                    "focus_area": focus_areas[item.focus] if item.focus else None,
                    "text": item.text,
                    "target_kind": item.target_kind,
                    "quantity": item.quantity,
                    "unit": item.unit,
                    "per": item.per,
                    "minimum": item.minimum,
                    "activity_kind": item.activity_kind,
                    "forum": forums[item.forum] if item.forum else None,
                    "due": item.due,
                    "due_text": item.due_text,
                    "completed_on": synthetic.MILESTONE_COMPLETIONS.get((seed.slug, item.key)),
                },
            )
            _set_m2m(
                commitment,
                responsible=[organisations[slug] for slug in item.responsible],
                areas=[areas[key] for key in item.areas],
                places=[places[key] for key in item.places],
            )
            commitments[(seed.slug, item.key or str(order))] = commitment
        Commitment.objects.filter(promise=promise, order__gt=len(seed.commitments)).delete()
    return commitments


# ---------------------------------------------------------------------------
# The synthetic activity log
# ---------------------------------------------------------------------------


def _load_activities(
    organisations: dict[str, Organisation],
    forums: dict[str, Forum],
    areas: dict[str, Area],
    places: dict[str, Place],
    commitments: dict[tuple[str, str], Commitment],
) -> int:
    """Write the synthetic log, touching only the activities that differ from it.

    There are several hundred, so they are read in one query and compared,
    rather than asked for one by one.
    """
    log = synthetic.activities()
    demo_activities = Activity.objects.filter(external_id__startswith=synthetic.ID_PREFIX)
    existing = {activity.external_id: activity for activity in demo_activities}
    through = Activity.commitments.through
    linked: dict[int, set[int]] = defaultdict(set)
    links = through.objects.filter(activity__in=demo_activities)
    for activity_id, commitment_id in links.values_list("activity_id", "commitment_id"):
        linked[activity_id].add(commitment_id)

    new_links = []
    for seed in log:
        place = places[seed.place] if seed.place else None
        values = {
            "kind": seed.kind,
            "date": seed.date,
            "count": seed.count,
            "organisation_id": organisations[seed.organisation].pk,
            "forum_id": forums[seed.forum].pk if seed.forum else None,
            "place_id": place.pk if place else None,
            "area_id": place.area_id if place else (areas[seed.area].pk if seed.area else None),
            "note": seed.note,
        }
        wanted = {commitments[key].pk for key in seed.commitments}
        activity = existing.get(seed.external_id)
        if activity is None:
            activity = Activity(external_id=seed.external_id, **values)
            activity.save()
            new_links += [through(activity=activity, commitment_id=pk) for pk in wanted]
            continue
        if any(getattr(activity, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(activity, name, value)
            activity.save()
        if wanted != linked.get(activity.pk, set()):
            activity.commitments.set(wanted)
    through.objects.bulk_create(new_links)

    generated = {seed.external_id for seed in log}
    demo_activities.exclude(external_id__in=generated).delete()
    return len(log)


# ---------------------------------------------------------------------------
# Users
# ---------------------------------------------------------------------------


def _load_users(organisations: dict[str, Organisation]) -> list[tuple[str, str, str]]:
    User = get_user_model()

    logins = []
    for seed in DEMO_USERS:
        user, created = User.objects.get_or_create(username=seed.username)
        if created:
            # Only on creation: a re-run must not change a password someone has changed.
            user.set_password(DEMO_PASSWORD)
        # The admin opens to coordinators by their role (trygg.admin_site);
        # only the superuser needs Django's own flags.
        user.is_staff = user.is_superuser = seed.is_superuser
        user.is_active = True
        user.save()
        organisation = organisations[seed.organisation]
        Membership.objects.update_or_create(
            user=user, organisation=organisation, defaults={"role": seed.role}
        )
        logins.append((seed.username, seed.role, organisation.name))
    return logins
