"""What taking part means for the rest of Trygg: counted work and the lägesbild.

* A held dialogue is work done toward the promises: one Activity of kind
  citizen_dialogue (`count_when_held`). A neighbourhood-watch training is too:
  one Activity of kind training (`count_training`). Both follow the EST
  pattern (trygg.est.services): the record keeps its one activity, which is
  created, updated and removed with it, so nothing is counted twice.
* The themes a held dialogue raised are incidents of source "dialogue"
  (`themes_as_incidents`), so the lägesbild, its map and its exports count them
  by category and area beside everything else, and the strategic lägesbild
  reads them through `dialogue_themes`.
"""

from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet

from trygg.geo.geometry import parse_polygon
from trygg.geo.models import Municipality
from trygg.geo.services import area_for_point
from trygg.incidents.models import Incident, Source
from trygg.lagesbild.weeks import local_midnight
from trygg.promises.models import Activity, ActivityKind

from .models import Dialogue, DialogueTheme, WatchTraining


@transaction.atomic
def record_dialogue(dialogue: Dialogue, by: AbstractBaseUser | None = None) -> Dialogue:
    """Make the rest of Trygg agree with a dialogue, after it or its themes changed."""
    count_when_held(dialogue, by)
    themes_as_incidents(dialogue)
    return dialogue


def count_when_held(dialogue: Dialogue, by: AbstractBaseUser | None = None) -> None:
    """The one rule for what a dialogue counts: held, it is one citizen dialogue.

    A held dialogue has one Activity, dated the day it was held, by the
    organisation that held it, at its place and area, counting toward the
    commitments chosen for it ("minst en medborgardialog i centrala Högsby").
    Editing the dialogue edits that activity; a dialogue planned or cancelled
    (also one corrected back from held) has none, so only a dialogue that took
    place counts, and it counts once.
    """
    activity = dialogue.activity
    if dialogue.status != Dialogue.Status.HELD:
        if activity is not None:
            dialogue.activity = None
            dialogue.save(update_fields=["activity"])
            activity.delete()
        return
    if activity is None:
        activity = Activity(kind=ActivityKind.CITIZEN_DIALOGUE, created_by=by)
    activity.date = dialogue.date
    activity.organisation = dialogue.organisation
    activity.place = dialogue.place
    activity.area = dialogue.area or (dialogue.place.area if dialogue.place else None)
    activity.note = f"Medborgardialog: {dialogue.title}"
    _keep(dialogue, activity)


def themes_as_incidents(dialogue: Dialogue) -> None:
    """Each theme of a held dialogue is an incident of source "dialogue"; otherwise none.

    Where: the theme's place (a point, precision "place"), else the theme's
    area, else the dialogue's area (precision "area": a theme without a place
    of its own is about where the dialogue was held, not about its venue),
    else only the municipality. When: the whole day of the dialogue, which is
    when residents said it. Shared with the collaboration, never public: a
    theme is what residents worry about, not something that happened, and the
    public incident trends count events only. Text masked like all free text.
    """
    held = dialogue.status == Dialogue.Status.HELD
    for theme in dialogue.themes.select_related("incident", "place__area", "area"):
        if not held:
            if theme.incident is not None:
                theme.incident.delete()  # SET_NULL clears the theme's link
            continue
        incident = theme.incident or Incident(
            source=Source.DIALOGUE, created_by=dialogue.created_by
        )
        _fill_incident(incident, theme, dialogue)
        incident.save()
        if theme.incident_id != incident.pk:
            theme.incident = incident
            theme.save(update_fields=["incident"])


def _fill_incident(incident: Incident, theme: DialogueTheme, dialogue: Dialogue) -> None:
    start = local_midnight(dialogue.date)
    incident.external_id = str(theme.pk)
    incident.category = theme.category
    incident.occurred_from = start
    incident.occurred_to = local_midnight(dialogue.date + timedelta(days=1)) - timedelta(seconds=1)
    incident.municipality = dialogue.municipality
    incident.place = theme.place
    incident.area = theme.area or (theme.place.area if theme.place else None) or dialogue.area
    if theme.place is not None:
        incident.latitude, incident.longitude = theme.place.latitude, theme.place.longitude
        incident.precision = Incident.Precision.PLACE
    else:
        incident.latitude = incident.longitude = None
        incident.precision = (
            Incident.Precision.AREA if incident.area else Incident.Precision.MUNICIPALITY
        )
    incident.title = theme.text[:250]
    incident.text = theme.text
    incident.organisation = dialogue.organisation
    incident.visibility = Incident.Visibility.SHARED


def dialogue_themes(municipality: Municipality, start: date, end: date) -> QuerySet[DialogueTheme]:
    """The themes raised at the municipality's held dialogues from start to end (both included).

    For the strategic lägesbild: one call, whatever it groups them by
    (category, area, dialogue). The caller decides who may read them, as for
    the lägesbild (organisations.access.readable_municipalities): themes are shared
    with the collaboration that covers the municipality.
    """
    return (
        DialogueTheme.objects.filter(
            dialogue__municipality=municipality,
            dialogue__status=Dialogue.Status.HELD,
            dialogue__date__range=(start, end),
        )
        .select_related("dialogue", "category", "area", "place")
        .order_by("dialogue__date", "dialogue_id", "pk")
    )


@transaction.atomic
def count_training(training: WatchTraining, by: AbstractBaseUser | None = None) -> WatchTraining:
    """The one rule for a neighbourhood-watch training: it is one Activity of kind training.

    Dated the day it was held, by the organisation that held it, in the area
    (geo.Area) that holds the watch area's inner point, counting toward the
    commitments chosen for it ("utbildning för uppstart av grannsamverkan").
    Recorded again after an edit, the same activity follows; deleted, it goes.
    """
    watch = training.watch
    activity = training.activity or Activity(kind=ActivityKind.TRAINING, created_by=by)
    inside = parse_polygon(watch.geometry).representative_point()
    activity.date = training.date
    activity.organisation = training.organisation
    activity.area = area_for_point(inside.y, inside.x, watch.municipality)
    activity.note = f"Grannsamverkan: utbildning i {watch.name}"
    _keep(training, activity)
    return training


def _keep(record: Dialogue | WatchTraining, activity: Activity) -> None:
    """Save the record's activity, counting toward the record's commitments, and link the two."""
    activity.save()
    activity.commitments.set(record.commitments.all())
    if record.activity_id != activity.pk:
        record.activity = activity
        record.save(update_fields=["activity"])
