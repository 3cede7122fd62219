"""Everything that changes a walk or a finding: one function each, so each rule lives once.

* `add_finding`: a finding is also an incident of the lägesbild, source
  "safety_walk", made in the same transaction and linked both ways.
* `route_finding`, `change_status`: every change of owner, status or due date
  writes a FindingChange (who, when, from → to, note).
* `hold_walk`, `sync_activity`: a held walk is one Activity of kind
  safety_walk, counted toward the commitments chosen for it.

Pages and the demo call these; nothing else writes those fields.
"""

from collections.abc import Iterable
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trygg.geo.services import area_for_point
from trygg.incidents.models import CategoryMapping, Incident, Source
from trygg.organisations.models import Organisation
from trygg.photos import CleanPhoto
from trygg.promises.models import Activity, ActivityKind

from .models import Finding, FindingChange, FindingPhoto, Walk

User = AbstractBaseUser | None


@transaction.atomic
def add_finding(
    walk: Walk,
    *,
    category: str,
    latitude: float,
    longitude: float,
    note: str = "",
    photos: Iterable[CleanPhoto] = (),
    by: User = None,
    at: datetime | None = None,
) -> Finding:
    """Note a finding on the walk, with its photos, and put it in the lägesbild.

    The finding gets the next number on the walk (the walk row is locked, so two
    phones adding at once get different numbers), its area from the point, and a
    first history row ("" → new). Its incident is shared with the collaboration,
    with the same masked note, in the category the CategoryMapping table gives
    the finding's category for source "safety_walk" (migration 0002 gives the
    defaults; coordinators may change them in the admin). A photo written before
    a failure is removed again, so nothing is left behind.
    """
    walk = Walk.objects.select_for_update().select_related("municipality").get(pk=walk.pk)
    at = at or timezone.now()
    number = (walk.findings.aggregate(last=Max("number"))["last"] or 0) + 1
    finding = Finding.objects.create(
        walk=walk,
        number=number,
        category=category,
        latitude=latitude,
        longitude=longitude,
        area=area_for_point(latitude, longitude, walk.municipality),
        note=note,
        observed_at=at,
        created_by=by,
    )
    FindingChange.objects.create(
        finding=finding, changed_at=at, changed_by=by, to_status=Finding.Status.NEW
    )
    stored: list[str] = []
    try:
        for photo in photos:
            row = FindingPhoto(finding=finding, width=photo.width, height=photo.height)
            row.image.save("photo.jpg", ContentFile(photo.content), save=True)
            stored.append(row.image.name)
        mapping = CategoryMapping.objects.filter(
            source=Source.SAFETY_WALK, code=finding.category
        ).first()
        with translation.override(settings.LANGUAGE_CODE):
            title = f"{_('Safety walk')}: {finding.get_category_display()}"
        finding.incident = Incident.objects.create(
            source=Source.SAFETY_WALK,
            category=mapping.category if mapping else None,
            source_type=finding.category,
            occurred_from=at,
            occurred_to=at,
            municipality=walk.municipality,
            area=finding.area,
            latitude=latitude,
            longitude=longitude,
            precision=Incident.Precision.POINT,
            title=title,
            text=finding.note,
            organisation=walk.organiser,
            visibility=Incident.Visibility.SHARED,
            created_by=by,
        )
        finding.save(update_fields=["incident"])
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise
    return finding


@transaction.atomic
def route_finding(
    finding: Finding,
    owner: Organisation,
    due: date | None,
    by: User,
    note: str = "",
    at: datetime | None = None,
) -> FindingChange:
    """Give a finding its owner and due date.

    Moving it to another owner starts it over as new: the new owner has not
    accepted it yet (a rejected finding is routed on this way).
    """
    _lock(finding)
    before = finding.status
    if finding.owner_id is not None and finding.owner_id != owner.pk:
        finding.status = Finding.Status.NEW
    finding.owner, finding.due = owner, due
    finding.save(update_fields=["owner", "status", "due"])
    return _record(finding, before, by, note, at)


@transaction.atomic
def change_status(
    finding: Finding,
    status: str,
    note: str,
    by: User,
    due: date | None = None,
    at: datetime | None = None,
) -> FindingChange:
    """The owner accepts, plans, does or rejects a finding; a rejection must say why.

    A due date given with the change (e.g. when planning the work) replaces the
    one the finding had.
    """
    if status == Finding.Status.REJECTED and not note.strip():
        raise ValueError("A rejected finding needs a reason.")
    _lock(finding)
    before = finding.status
    finding.status = status
    if due is not None:
        finding.due = due
    finding.save(update_fields=["status", "due"])
    return _record(finding, before, by, note, at)


def _lock(finding: Finding) -> None:
    """Lock the finding's row and read its current state into the caller's instance.

    Two people changing the same finding at once are then applied one after the
    other, and each history row's "from" is the status the other left.
    """
    list(Finding.objects.select_for_update().filter(pk=finding.pk).values_list("pk"))
    finding.refresh_from_db(fields=["owner", "status", "due"])


def _record(
    finding: Finding, before: str, by: User, note: str, at: datetime | None
) -> FindingChange:
    return FindingChange.objects.create(
        finding=finding,
        changed_at=at or timezone.now(),
        changed_by=by,
        from_status=before,
        to_status=finding.status,
        owner=finding.owner,
        due=finding.due,
        note=note,
    )


@transaction.atomic
def hold_walk(walk: Walk, held_on: date, residents: int, by: User) -> Walk:
    """Record that the walk took place, on which day and with how many residents."""
    walk.date, walk.residents, walk.status = held_on, residents, Walk.Status.HELD
    walk.save(update_fields=["date", "residents", "status"])
    sync_activity(walk, by)
    return walk


def sync_activity(walk: Walk, by: User) -> None:
    """The one rule for what a walk means for the promises: a held walk is one Activity.

    Of kind safety_walk, dated the walk's day, done by the organiser, in its
    area, linked to the commitments chosen for the walk (as EST actions count
    through est.services). A walk not held has none. Called again after a held
    walk is edited, so a changed day or other commitments are counted as they
    are now, never twice.
    """
    if walk.status != Walk.Status.HELD:
        if walk.activity is not None:
            walk.activity.delete()
            walk.activity = None
            walk.save(update_fields=["activity"])
        return
    activity = walk.activity or Activity(kind=ActivityKind.SAFETY_WALK, created_by=by)
    activity.date = walk.date
    activity.organisation = walk.organiser
    activity.area = walk.area
    activity.note = f"Trygghetsvandring: {walk.title} ({walk.residents} boende deltog)"
    activity.save()
    activity.commitments.set(walk.commitments.all())
    if walk.activity_id != activity.pk:
        walk.activity = activity
        walk.save(update_fields=["activity"])
