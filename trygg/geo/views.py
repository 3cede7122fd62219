"""A coordinator's page for loading the municipality's areas from a GIS file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from trygg.audit.history import history_response
from trygg.incidents.importers import ImportAborted
from trygg.organisations.access import can_edit, visible
from trygg.uploads import on_disk

from .area_import import import_areas
from .forms import AreaImportForm
from .models import Area, Municipality


def _importing(request: HttpRequest, scb_code: str) -> Municipality:
    """The municipality, if the user's organisations cover it (else 404) and the user
    is a coordinator or administrator of one of them (else 403)."""
    municipality = get_object_or_404(
        visible(Municipality.objects.all(), request.user, "organisations"), scb_code=scb_code
    )
    owners = set(municipality.organisations.values_list("id", flat=True))
    if not can_edit(request.user, owners):
        raise PermissionDenied(_("Only coordinators may import areas."))
    return municipality


@login_required
def area_import(request: HttpRequest, scb_code: str) -> HttpResponse:
    """Import an area file at once: a municipality's areas are a few megabytes at most."""
    municipality = _importing(request, scb_code)
    form = AreaImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with on_disk(upload) as copy:
            try:
                result = import_areas(
                    copy,
                    municipality,
                    name_field=form.cleaned_data["name_field"] or None,
                    kind=form.cleaned_data["kind"],
                    update=form.cleaned_data["update"],
                    name=upload.name,
                    layer=form.cleaned_data["layer"] or None,
                    crs=form.cleaned_data["crs"] or None,
                )
            except ImportAborted as error:
                form.add_error("file", _("Nothing was imported: %(reason)s") % {"reason": error})
            else:
                messages.success(request, result.summary())
                return redirect("area-import", municipality.scb_code)
    # The list says whether an area has a boundary; it does not read the boundaries.
    areas = (
        Area.objects.filter(municipality=municipality)
        .annotate(has_boundary=Q(geometry__isnull=False))
        .defer("geometry", "outline")
    )
    return render(
        request,
        "geo/area_import.html",
        {"municipality": municipality, "form": form, "areas": areas},
    )


@login_required
def area_history(request: HttpRequest, scb_code: str, pk: int) -> HttpResponse:
    """Who changed an area (its name, kind, boundary) and when: for those who import them."""
    municipality = _importing(request, scb_code)
    area = get_object_or_404(Area, municipality=municipality, pk=pk)
    return history_response(request, area, reverse("area-import", args=[municipality.scb_code]))
