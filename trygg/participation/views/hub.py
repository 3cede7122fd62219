"""The way in: the municipalities whose participation the user reads, and each one's overview."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from trygg.organisations.access import get_municipality_for_user, readable_municipalities

from ..models import Dialogue, NeighbourhoodWatch, SurveyResult


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Straight to the user's municipality, or a choice when they cover several."""
    municipalities = list(readable_municipalities(request))
    if len(municipalities) == 1:
        return redirect("participation", municipalities[0].scb_code)
    return render(request, "participation/index.html", {"municipalities": municipalities})


@login_required
def overview(request: HttpRequest, scb_code: str) -> HttpResponse:
    municipality, may_record = get_municipality_for_user(request, scb_code)
    dialogues = Dialogue.objects.filter(municipality=municipality)
    results = SurveyResult.objects.filter(municipality=municipality)
    watches = NeighbourhoodWatch.objects.filter(municipality=municipality)
    return render(
        request,
        "participation/overview.html",
        {
            "municipality": municipality,
            "may_record": may_record,
            "recent_dialogues": dialogues.select_related("area", "place")[:5],
            "dialogues_held": dialogues.filter(status=Dialogue.Status.HELD).count(),
            "survey_indicators": results.values("indicator").distinct().count(),
            "survey_years": sorted(set(results.values_list("year", flat=True))),
            "watches": watches.count(),
            "active_watches": watches.filter(status=NeighbourhoodWatch.Status.ACTIVE).count(),
        },
    )
