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
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db.models import Model

from trygg.agreements.models import Agreement, CollaborationArea, Forum
from trygg.est.models import Action, Meeting
from trygg.est.services import follow_up
from trygg.geo.models import Area, Municipality, Place
from trygg.geo.services import AreaLocator, area_for_point
from trygg.incidents.bulk import insert_rows
from trygg.incidents.models import Category, Incident
from trygg.organisations.models import Membership, Organisation
from trygg.participation.demo import load_participation
from trygg.promises.models import Activity, Commitment, FocusArea, Promise
from trygg.promises.seasons import season_due
from trygg.walks.models import Walk
from trygg.walks.report import issue_report
from trygg.walks.services import add_finding, change_status, hold_walk, route_finding

from . import incidents, seeds, synthetic
from . import walks as demo_walks
from .citizens import load_citizen_reports
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
    est_weeks = _est_activity_plan()
    activity_count = _load_activities(
        organisations, forums, areas, places, commitments, replaced=_replaced_seeds(est_weeks)
    )
    incident_count = _load_incidents(municipalities, organisations)
    meeting_count, action_count = _load_est(
        organisations, municipalities, forums, places, commitments, est_weeks
    )
    participation = load_participation(municipalities, organisations, areas, places, commitments)
    logins = _load_users(organisations)
    walk_count = _load_walks(organisations, municipalities, areas, places)
    citizen_report_count = load_citizen_reports(municipalities)

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
        "aktiviteter från EST-åtgärder": len(est_weeks),
        "händelser (syntetiska)": incident_count,
        "EST-möten": meeting_count,
        "EST-åtgärder": action_count,
        "trygghetsvandringar": walk_count,
        "fynd från trygghetsvandringar": demo_walks.FINDINGS,
        "medborgarrapporter": citizen_report_count,
        **participation,
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
                    "due": season_due(item.due_text, seed.period_start.year),
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
    replaced: frozenset[str] = frozenset(),
) -> int:
    """Write the synthetic log, touching only the activities that differ from it.

    There are several hundred, so they are read in one query and compared,
    rather than asked for one by one. The entries in `replaced` are left out:
    done EST actions log that work instead (see _replaced_seeds). The
    activities those actions made are not the log's, so they are left alone.
    """
    log = [seed for seed in synthetic.activities() if seed.external_id not in replaced]
    demo_activities = (
        Activity.objects.filter(external_id__startswith=synthetic.ID_PREFIX)
        .exclude(external_id__startswith=EST_ID_PREFIX)
        .exclude(external_id__startswith=demo_walks.WALK_ID_PREFIX)
    )
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
# Synthetic incidents
# ---------------------------------------------------------------------------

# The reporting organisation by source and municipality: staff report for their
# municipality, police events come from the local police area. Other sources
# (housing companies, shops, guards, citizens) are not organisations in the demo.
_REPORTING = {
    ("staff", seeds.VASTERVIK): seeds.VASTERVIKS_KOMMUN,
    ("staff", seeds.HOGSBY): seeds.HOGSBY_KOMMUN,
    ("staff", seeds.MONSTERAS): seeds.MONSTERAS_KOMMUN,
    ("staff", seeds.KARLSHAMN): seeds.KARLSHAMNS_KOMMUN,
    ("police_event", seeds.VASTERVIK): seeds.LPO_VASTERVIK,
    ("police_event", seeds.HOGSBY): seeds.LPO_VASTERVIK,
    ("police_event", seeds.MONSTERAS): seeds.LPO_VASTERVIK,
    ("police_event", seeds.KARLSHAMN): seeds.LPO_KARLSHAMN,
}


def _load_incidents(
    municipalities: dict[str, Municipality], organisations: dict[str, Organisation]
) -> int:
    """Add the synthetic incidents that are missing, in bulk; remove those no longer generated.

    Rows are keyed on (source, external_id). Existing rows are not compared
    field by field: the generator is deterministic, so a row with its id is the
    row it would write. Six thousand rows are generated in milliseconds, and
    placing the new ones in areas uses one AreaLocator (one read of the areas).
    They are written with insert_rows, not bulk_create: see there why.
    Their texts pass through Incident's masked fields like every other write.
    """
    demo = Incident.objects.filter(external_id__startswith=incidents.DEFAULT_ID_PREFIX)
    existing = {
        (source, external_id): pk
        for pk, source, external_id in demo.values_list("pk", "source", "external_id")
    }
    categories = dict(Category.objects.values_list("slug", "pk"))
    municipality_ids = {code: m.pk for code, m in municipalities.items()}
    organisation_ids = {key: organisations[slug].pk for key, slug in _REPORTING.items()}
    locator: AreaLocator | None = None

    generated = set()
    new = []
    for row in incidents.demo_incidents():
        key = (row["source"], row["external_id"])
        generated.add(key)
        if key in existing:
            continue
        if locator is None:
            locator = AreaLocator(Area.objects.filter(municipality__in=municipalities.values()))
        municipality_id = municipality_ids[row["municipality"]]
        area = None
        if row["latitude"] is not None:
            area = locator.locate(row["latitude"], row["longitude"], municipality_id)
        new.append(
            {
                "source": row["source"],
                "external_id": row["external_id"],
                "source_type": row["source_type"],
                "category_id": categories.get(row["category"]),
                "occurred_from": row["occurred_from"],
                "occurred_to": row["occurred_to"],
                "municipality_id": municipality_id,
                "area_id": area.pk if area else None,
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                "precision": row["precision"],
                "title": row["title"],
                "text": row["text"],
                "organisation_id": organisation_ids.get((row["source"], row["municipality"])),
                "visibility": row["visibility"],
            }
        )
    insert_rows(Incident, new)
    stale = [pk for key, pk in existing.items() if key not in generated]
    if stale:
        Incident.objects.filter(pk__in=stale).delete()
    return len(generated)


# ---------------------------------------------------------------------------
# The EST cycle: weekly meetings, their actions and the follow-up
# ---------------------------------------------------------------------------

EST_ID_PREFIX = f"{synthetic.ID_PREFIX}est:"


@dataclass(frozen=True)
class _EstWork:
    """A done EST action of a counted kind, and the Activity its follow-up makes."""

    external_id: str
    kind: str
    date: date
    commitments: tuple[tuple[str, str], ...]
    note: str


def _held_on(seed: incidents.MeetingSeed) -> date:
    return date.fromisocalendar(seed.year, seed.week, seed.weekday + 1)


def _follow_ups(index: int, action: incidents.ActionSeed) -> list[tuple[int, str, str]]:
    """(meeting index, status, note) of each follow-up of an action decided at meeting `index`."""
    steps = []
    if action.outcome and index + 1 < len(incidents.EST_MEETINGS):
        steps.append((index + 1, action.outcome, action.note))
        if action.final and index + 2 < len(incidents.EST_MEETINGS):
            steps.append((index + 2, action.final, action.final_note))
    return steps


def _est_activity_plan() -> list[_EstWork]:
    """The activities the EST follow-ups will make, known before anything is written."""
    plan = []
    for index, meeting in enumerate(incidents.EST_MEETINGS):
        for order, action in enumerate(meeting.actions, start=1):
            steps = _follow_ups(index, action)
            if not action.kind or not steps or steps[-1][1] != Action.Status.DONE:
                continue
            due = _held_on(meeting) + timedelta(days=action.due_days)
            at = _held_on(incidents.EST_MEETINGS[steps[-1][0]])
            kind_text = "platsbesök" if action.kind == "site_visit" else "fotpatrullering"
            plan.append(
                _EstWork(
                    f"{EST_ID_PREFIX}{meeting.year}-v{meeting.week:02d}:{order}",
                    action.kind,
                    min(due, at),
                    action.counts,
                    f"{synthetic.PREFIX}{kind_text} beslutad på EST vecka {meeting.week}.",
                )
            )
    return plan


def _replaced_seeds(plan: list[_EstWork]) -> frozenset[str]:
    """Entries of the synthetic log that the EST activities take the place of.

    A done EST site visit is a site visit toward the promise's 100, so the log
    gives up one single site visit of the same kind and commitment for each,
    the nearest in date. The totals the demo's story and tests rely on (106
    site visits in Västervik 2025, the number of activities) stay as they were.
    """
    log = synthetic.activities()
    replaced: set[str] = set()
    for work in plan:
        candidates = [
            seed
            for seed in log
            if seed.kind == work.kind
            and seed.count == 1
            and seed.commitments == work.commitments
            and seed.external_id not in replaced
        ]
        nearest = min(
            candidates, key=lambda seed: (abs((seed.date - work.date).days), seed.external_id)
        )
        replaced.add(nearest.external_id)
    return frozenset(replaced)


def _load_est(
    organisations: dict[str, Organisation],
    municipalities: dict[str, Municipality],
    forums: dict[str, Forum],
    places: dict[str, Place],
    commitments: dict[tuple[str, str], Commitment],
    plan: list[_EstWork],
) -> tuple[int, int]:
    """The EST weeks: meetings, their actions, and each week's follow-up of the week before.

    Meetings are keyed on (forum, year, week), actions on (meeting, what).
    Follow-ups go through trygg.est.services.follow_up, as a coordinator's
    would, and only for actions not yet at their final status, so a second run
    follows up nothing. The activities done actions make are then labelled as
    synthetic ("demo:est:…", "Syntetisk demodata: …").
    """
    forum = forums[seeds.EST_VASTERVIK]
    municipality = municipalities[seeds.VASTERVIK]
    meetings = []
    for seed in incidents.EST_MEETINGS:
        meeting, _ = Meeting.objects.update_or_create(
            forum=forum,
            year=seed.year,
            week=seed.week,
            defaults={"municipality": municipality, "held_on": _held_on(seed), "notes": seed.notes},
        )
        meetings.append(meeting)

    labels = {work.external_id: work for work in plan}
    action_count = 0
    for index, (meeting, seed) in enumerate(zip(meetings, incidents.EST_MEETINGS, strict=True)):
        for order, item in enumerate(seed.actions, start=1):
            place = places[item.place] if item.place else None
            values = {
                "place": place,
                "area_id": place.area_id if place else None,
                "responsible": organisations[item.responsible],
                "due": meeting.held_on + timedelta(days=item.due_days),
                "kind": item.kind,
            }
            action, created = Action.objects.get_or_create(
                meeting=meeting, what=item.what, defaults=values
            )
            if created:
                action.commitments.set([commitments[key] for key in item.counts])
            action_count += 1

            steps = _follow_ups(index, item)
            if not steps:
                continue
            last_meeting, last_status, _ = steps[-1]
            if (
                action.status == last_status
                and action.followed_up_at_id == meetings[last_meeting].pk
            ):
                continue
            for step_meeting, status, note in steps:
                follow_up(action, status, note, at=meetings[step_meeting])
            work = labels.get(f"{EST_ID_PREFIX}{seed.year}-v{seed.week:02d}:{order}")
            if action.activity is not None and work is not None:
                action.activity.external_id = work.external_id
                action.activity.note = work.note
                action.activity.save(update_fields=["external_id", "note"])
    return len(meetings), action_count


# ---------------------------------------------------------------------------
# Safety walks
# ---------------------------------------------------------------------------

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _load_walks(
    organisations: dict[str, Organisation],
    municipalities: dict[str, Municipality],
    areas: dict[str, Area],
    places: dict[str, Place],
) -> int:
    """The demo's safety walks, written once through the walks' own services.

    Walks are keyed on (municipality, title). A walk that exists is left as it
    is, like a followed-up EST action: its findings, their history and the
    report's editions were written when it was created, at the seeds' days and
    times, so loading again changes nothing. The held walk's activity is
    labelled synthetic ("demo:walk:…") like the EST actions' activities.
    """
    users = {
        slug: get_user_model().objects.get(username=username)
        for slug, username in demo_walks.RECORDED_BY.items()
    }
    for seed in demo_walks.WALKS:
        by = users[seed.organiser]
        walk, created = Walk.objects.get_or_create(
            municipality=municipalities[seed.municipality],
            title=seed.title,
            defaults={
                "area": areas[seed.area],
                "date": seed.date,
                "organiser": organisations[seed.organiser],
                "residents": seed.residents,
                "note": seed.note,
                "route": {"type": "LineString", "coordinates": [list(p) for p in seed.route]}
                if seed.route
                else None,
                "created_by": by,
            },
        )
        if not created:
            continue
        walk.organisations.set([organisations[slug] for slug in seed.organisations])
        walk.places.set([places[key] for key in seed.places])
        start = datetime.combine(seed.date, time(18, 0), tzinfo=STOCKHOLM)
        for item in seed.findings:
            finding = add_finding(
                walk,
                category=item.category,
                latitude=item.latitude,
                longitude=item.longitude,
                note=item.note,
                by=by,
                at=start + timedelta(minutes=item.minute),
            )
            if item.owner:
                owner = organisations[item.owner]
                route_finding(finding, owner, item.due, by, at=start + timedelta(days=1))
            for day, status, note in item.steps:
                at = datetime.combine(day, time(10, 0), tzinfo=STOCKHOLM)
                change_status(finding, status, note, users[item.owner], at=at)
        if seed.held:
            hold_walk(walk, seed.date, seed.residents, by)
            walk.activity.external_id = f"{demo_walks.WALK_ID_PREFIX}{seed.key}"
            walk.activity.note = (
                synthetic.PREFIX + "trygghetsvandring " + (seed.note.removeprefix(synthetic.PREFIX))
            )
            walk.activity.save(update_fields=["external_id", "note"])
        for day in seed.reports:
            issue_report(walk, by, at=datetime.combine(day, time(12, 0), tzinfo=STOCKHOLM))
    return len(demo_walks.WALKS)


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
