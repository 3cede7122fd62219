"""Neighbourhood watch: areas drawn on the map, their trainings and signs, and the public map."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from trygg.audit.history import history_response
from trygg.geo.models import Area, Municipality
from trygg.geo.services import base_map
from trygg.organisations.access import get_municipality_for_user
from trygg.public.views import _json as open_data

from ..access import recording_organisations, require_recorder
from ..forms import SignsForm, TrainingForm, WatchForm
from ..models import NeighbourhoodWatch
from ..public import watch_map_data
from ..services import count_training


def _map(municipality: Municipality, watches) -> dict:
    """The municipality's areas for orientation, and the watch areas on top."""
    return {
        **base_map(Area.objects.filter(municipality=municipality)),
        "watches": {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": watch.name, "status": watch.status},
                    "geometry": watch.geometry,
                }
                for watch in watches
            ],
        },
    }


@login_required
def watch_list(request: HttpRequest, scb_code: str) -> HttpResponse:
    municipality, may_record = get_municipality_for_user(request, scb_code)
    watches = NeighbourhoodWatch.objects.filter(municipality=municipality).select_related(
        "contact_organisation"
    )
    return render(
        request,
        "participation/watch_list.html",
        {
            "municipality": municipality,
            "may_record": may_record,
            "watches": watches,
            "map": _map(municipality, watches),
        },
    )


def _watch(municipality: Municipality, pk: int) -> NeighbourhoodWatch:
    return get_object_or_404(NeighbourhoodWatch.objects.filter(municipality=municipality), pk=pk)


@login_required
def watch_edit(request: HttpRequest, scb_code: str, pk: int | None = None) -> HttpResponse:
    """A new area drawn on the map (pk None), or a change of boundary, contact or status."""
    municipality, may_record = get_municipality_for_user(request, scb_code)
    watch = _watch(municipality, pk) if pk else NeighbourhoodWatch(municipality=municipality)
    require_recorder(may_record)
    form = WatchForm(request.POST or None, instance=watch, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        watch = form.save()
        messages.success(request, _("The area was saved."))
        return redirect("watch", municipality.scb_code, watch.pk)
    return render(
        request,
        "participation/watch_form.html",
        {
            "municipality": municipality,
            "form": form,
            "watch": watch if pk else None,
            # The other areas, so a new boundary is drawn beside them, not over them.
            "map": _map(
                municipality,
                NeighbourhoodWatch.objects.filter(municipality=municipality).exclude(pk=watch.pk),
            ),
        },
    )


@login_required
def watch_page(request: HttpRequest, scb_code: str, pk: int) -> HttpResponse:
    """One area: its boundary, trainings and signs; coordinators record the next ones here."""
    municipality, may_record = get_municipality_for_user(request, scb_code)
    watch = _watch(municipality, pk)
    organisations = recording_organisations(request, municipality)
    post = request.POST if request.method == "POST" else None
    training = TrainingForm(
        post if post and "training" in post else None,
        municipality=municipality,
        organisations=organisations,
    )
    signs = SignsForm(post if post and "signs" in post else None)
    if post is not None:
        require_recorder(may_record)
        if training.is_bound and training.is_valid():
            record = training.save(commit=False)
            record.watch = watch
            record.save()
            training.save_m2m()
            count_training(record, by=request.user)
            messages.success(request, _("The training was recorded."))
            return redirect("watch", municipality.scb_code, watch.pk)
        if signs.is_bound and signs.is_valid():
            record = signs.save(commit=False)
            record.watch = watch
            record.save()
            messages.success(request, _("The signs were recorded."))
            return redirect("watch", municipality.scb_code, watch.pk)
    return render(
        request,
        "participation/watch.html",
        {
            "municipality": municipality,
            "may_record": may_record,
            "watch": watch,
            "trainings": watch.trainings.select_related("organisation", "activity"),
            "signs": watch.signs.all(),
            "training_form": training,
            "signs_form": signs,
            "map": _map(municipality, [watch]),
        },
    )


@require_GET
def public_map(request: HttpRequest, scb_code: str) -> HttpResponse:
    """The active areas of a municipality on a map, for everyone: no login, area level only."""
    municipality = get_object_or_404(Municipality, scb_code=scb_code)
    data = watch_map_data(municipality)
    context_map = {
        **base_map(Area.objects.filter(municipality=municipality)),
        "watches": data["areas"],
    }
    return render(request, "participation/public_watch.html", {"m": data, "map": context_map})


@require_GET
def public_api(request: HttpRequest, scb_code: str) -> JsonResponse:
    """GET /api/v1/municipalities/<scb code>/neighbourhood-watch/: the public map as open data."""
    municipality = get_object_or_404(Municipality, scb_code=scb_code)
    return open_data(watch_map_data(municipality))


@login_required
def watch_history(request: HttpRequest, scb_code: str, pk: int) -> HttpResponse:
    """Who changed the neighbourhood-watch area and when: for those who record participation."""
    municipality, may_record = get_municipality_for_user(request, scb_code)
    obj = _watch(municipality, pk)
    require_recorder(may_record)
    return history_response(request, obj, reverse("watch", args=[municipality.scb_code, obj.pk]))
