"""Demo data for participation, loaded by `trygg load_demo` (trygg.demo.loader).

All of it is synthetic and says so: the dialogue's summary and themes start
"Syntetisk demodata:", the survey file is called syntetisk-…, its indicators'
descriptions and the neighbourhood-watch areas' names say it. Like the rest of
the demo, loading it twice changes nothing: rows are found by natural keys and
updated in place.

* The Högsby–Mönsterås promise's dialogue in centrala Högsby (2024-10-15),
  held, with three themes. The synthetic activity log already has that
  dialogue as an activity; the dialogue takes that activity over
  (count_when_held updates it in place), so the promise's progress and the
  log's totals stay as the demo's story has them.
* Three years of a safety survey for two Västervik areas (data/…csv), through
  the same importer as a coordinator's upload.
* Two active neighbourhood-watch areas in Västervik, for the public map.
"""

from datetime import date
from pathlib import Path

from trygg.demo import seeds, synthetic
from trygg.geo.models import Area, Municipality, Place
from trygg.incidents.models import Category
from trygg.organisations.models import Organisation
from trygg.promises.models import Activity, Commitment

from .models import (
    Dialogue,
    DialogueTheme,
    NeighbourhoodWatch,
    SurveyIndicator,
    SurveyResult,
    WatchSigns,
)
from .services import record_dialogue
from .survey_import import import_survey

SURVEY_FILE = Path(__file__).resolve().parent / "data" / "syntetisk-trygghetsmatning-vastervik.csv"
PREFIX = synthetic.PREFIX
HM = synthetic.HM
# The synthetic log's activity for the same dialogue, which the dialogue takes over.
HOGSBY_DIALOGUE_ACTIVITY = f"{synthetic.ID_PREFIX}{HM}:medborgardialog:hogsby"

# (category slug, what was raised, said of Högsby centrum rather than the area as a whole)
THEMES = (
    ("otrygg-plats", "Dålig belysning på gångvägen mellan busstationen och torget.", False),
    ("samlingsplats", "Ungdomar samlas vid torget på kvällarna; oro för narkotika.", True),
    ("klotter", "Klotter på tunneln under järnvägen som inte tas bort.", False),
)

# (name, status, started, signs [(date, count)], ring of (longitude, latitude)); the
# ring is closed when stored. Both lie in the demo's Västervik town area, outside Karstorp.
WATCHES = (
    (
        "Syntetiskt demoområde Norr",
        NeighbourhoodWatch.Status.ACTIVE,
        date(2023, 4, 1),
        ((date(2023, 5, 10), 4), (date(2024, 9, 2), 2)),
        ((16.632, 57.768), (16.645, 57.768), (16.647, 57.775), (16.634, 57.776)),
    ),
    (
        "Syntetiskt demoområde Väst",
        NeighbourhoodWatch.Status.ACTIVE,
        date(2024, 9, 15),
        ((date(2024, 10, 20), 3),),
        ((16.590, 57.752), (16.602, 57.751), (16.604, 57.759), (16.592, 57.760)),
    ),
)


def load_participation(
    municipalities: dict[str, Municipality],
    organisations: dict[str, Organisation],
    areas: dict[str, Area],
    places: dict[str, Place],
    commitments: dict[tuple[str, str], Commitment],
) -> dict[str, int]:
    """Load the participation demo; return what was loaded, for the command's summary."""
    dialogue = _load_dialogue(municipalities, organisations, areas, places, commitments)
    vastervik = municipalities[seeds.VASTERVIK]
    import_survey(SURVEY_FILE, vastervik, correct=True)  # the demo keeps its own figures
    SurveyIndicator.objects.filter(results__area__municipality=vastervik, description="").update(
        description=f"{PREFIX}indikator i demons trygghetsmätning."
    )
    watches = _load_watches(vastervik, organisations[seeds.VASTERVIKS_KOMMUN])
    return {
        "medborgardialoger": 1,
        "teman från dialoger": dialogue.themes.count(),
        "resultat från trygghetsmätning": SurveyResult.objects.filter(
            area__municipality=vastervik
        ).count(),
        "grannsamverkansområden": watches,
    }


def _load_dialogue(
    municipalities: dict[str, Municipality],
    organisations: dict[str, Organisation],
    areas: dict[str, Area],
    places: dict[str, Place],
    commitments: dict[tuple[str, str], Commitment],
) -> Dialogue:
    hogsby = municipalities[seeds.HOGSBY]
    dialogue, _ = Dialogue.objects.update_or_create(
        municipality=hogsby,
        date=date(2024, 10, 15),
        title="Medborgardialog om tryggheten i centrala Högsby",
        defaults={
            "format": Dialogue.Format.MEETING,
            "status": Dialogue.Status.HELD,
            "area": areas[f"{seeds.HOGSBY}/centrala-hogsby"],
            "place": places["hogsby-centrum"],
            "organisation": organisations[seeds.HOGSBY_KOMMUN],
            "participants": 34,
            "participants_by_age": {"18-29": 6, "30-49": 11, "50-64": 9, "65-": 8},
            "summary": f"{PREFIX}kvällsmöte i centrum om otrygghet, särskilt bland kvinnor.",
            "informs_promise": commitments[(HM, "dialog-hogsby")].promise,
            "informs_focus_area": commitments[(HM, "dialog-hogsby")].focus_area,
        },
    )
    dialogue.commitments.set([commitments[(HM, "dialog-hogsby")]])
    categories = dict(Category.objects.values_list("slug", "pk"))
    kept = []
    for slug, text, at_place in THEMES:
        theme, _ = DialogueTheme.objects.update_or_create(
            dialogue=dialogue,
            text=f"{PREFIX}{text}",
            defaults={
                "category_id": categories[slug],
                "place": places["hogsby-centrum"] if at_place else None,
                "area": None,
            },
        )
        kept.append(theme.pk)
    DialogueTheme.objects.filter(dialogue=dialogue).exclude(pk__in=kept).delete()

    # Take over the log's activity for this dialogue, and give it back the log's note.
    logged = Activity.objects.filter(external_id=HOGSBY_DIALOGUE_ACTIVITY).first()
    if logged is not None and dialogue.activity_id is None:
        dialogue.activity = logged
        dialogue.save(update_fields=["activity"])
    note = dialogue.activity.note if dialogue.activity else None
    record_dialogue(dialogue)
    if note is not None:
        Activity.objects.filter(pk=dialogue.activity_id).update(note=note)
    return dialogue


def _load_watches(municipality: Municipality, contact: Organisation) -> int:
    for name, status, started, signs, ring in WATCHES:
        coordinates = [[list(point) for point in (*ring, ring[0])]]
        watch, _ = NeighbourhoodWatch.objects.update_or_create(
            municipality=municipality,
            name=name,
            defaults={
                "status": status,
                "started_on": started,
                "contact_organisation": contact,
                "geometry": {"type": "Polygon", "coordinates": coordinates},
            },
        )
        watch.clean()  # a broken polygon here stops the load with the reason
        for day, count in signs:
            WatchSigns.objects.update_or_create(watch=watch, date=day, defaults={"count": count})
        watch.signs.exclude(date__in=[day for day, _ in signs]).delete()
    return len(WATCHES)
