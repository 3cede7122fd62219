"""The weekly lägesbild page, its map, and its JSON and CSV twins."""

from datetime import timedelta

import h3
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from trygg import csvcells
from trygg.audit.log import log_access
from trygg.geo.models import Area, Municipality
from trygg.geo.services import base_map
from trygg.incidents.access import visible_incidents
from trygg.incidents.models import Category
from trygg.organisations.access import access, readable_municipalities

from .counts import seasonal, weekly_picture
from .management.commands.lagesbild import write_csv
from .report import lagesbild, patterns
from .svgmap import map_svg
from .weeks import shift_week, week_monday, week_of, weeks_in_year

WEEKDAYS = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]


def _municipality(request: HttpRequest, scb_code: str) -> Municipality:
    return get_object_or_404(readable_municipalities(request), scb_code=scb_code)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Straight to the user's municipality, or a choice when they cover several."""
    municipalities = list(readable_municipalities(request))
    if len(municipalities) == 1:
        return redirect("lagesbild-week", municipalities[0].scb_code)
    return render(request, "lagesbild/index.html", {"municipalities": municipalities})


def _week(request: HttpRequest) -> tuple[int, int]:
    """?ar=2025&vecka=10, or the current week."""
    try:
        year, week = int(request.GET["ar"]), int(request.GET["vecka"])
    except (KeyError, ValueError):
        return week_of(timezone.now())
    if not 1 <= week <= weeks_in_year(year):
        raise Http404("Ingen sådan vecka.")
    return year, week


def map_data(municipality: Municipality, hotspots: list[dict]) -> dict:
    """Areas and hotspot cells as GeoJSON, for a map that works without tiles."""
    cells = [
        {
            "type": "Feature",
            "properties": {"count": spot["count"], "z": round(spot["z"], 2)},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[lng, lat] for lat, lng in h3.cell_to_boundary(spot["cell"])]],
            },
        }
        for spot in hotspots
    ]
    return {
        **base_map(Area.objects.filter(municipality=municipality)),
        "hotspots": {"type": "FeatureCollection", "features": cells},
    }


def _pictures(
    request: HttpRequest, scb_code: str, whole: bool = True
) -> tuple[Municipality, int, int, dict, dict]:
    """The week's counts with their comparisons, and the lägesbild of the week.

    whole=False leaves the lägesbild's own counts out (hotspots and weekday ×
    hour only): the page shows the counts of the weekly picture instead.
    """
    municipality = _municipality(request, scb_code)
    year, week = _week(request)
    monday = week_monday(year, week)
    sunday = monday + timedelta(days=6)
    incidents = visible_incidents(request.user, access(request)).filter(municipality=municipality)
    week_picture = with_seasons(
        weekly_picture(incidents, year, week), seasonal(incidents, year, week)
    )
    if whole:
        period = lagesbild(municipality, monday, sunday, incidents=incidents)
    else:
        period = patterns(municipality, monday, sunday, incidents)
    return municipality, year, week, week_picture, period


def with_seasons(picture: dict, season: dict) -> dict:
    """Add the same week in earlier years (the seasonal comparison) to each row."""
    picture["total"]["earlier_years"] = season["total"]["earlier_years"]
    for dimension in ("by_category", "by_area"):
        for key, row in picture[dimension].items():
            row["earlier_years"] = season[dimension].get(key, {}).get("earlier_years")
    picture["earlier_years"] = season["years"]
    return picture


def with_category_names(picture: dict) -> dict:
    """The weekly picture with categories named for people; the JSON keeps the slugs."""
    names = dict(Category.objects.values_list("slug", "name"))
    rows = picture["by_category"]
    return {**picture, "by_category": {names.get(slug, slug): row for slug, row in rows.items()}}


def _page_context(request: HttpRequest, scb_code: str) -> dict:
    """Everything the week page and its PDF show."""
    municipality, year, week, picture, period = _pictures(request, scb_code, whole=False)
    monday = week_monday(year, week)
    return {
        "municipality": municipality,
        "year": year,
        "week": week,
        "week_start": monday,
        "week_end": monday + timedelta(days=6),
        "picture": with_category_names(picture),
        "period": period,
        "previous": shift_week(year, week, -1),
        "following": shift_week(year, week, 1),
        "weekday_hour": list(zip(WEEKDAYS, period["weekday_hour"], strict=True)),
        "hours": range(24),
        "map": map_data(municipality, period["hotspots"]),
    }


@login_required
def week_page(request: HttpRequest, scb_code: str) -> HttpResponse:
    context = _page_context(request, scb_code)
    _log(request, "lagesbild.week", context["municipality"], context["year"], context["week"])
    return render(request, "lagesbild/week.html", context)


def _log(request: HttpRequest, what: str, municipality: Municipality, year: int, week: int):
    """The lägesbild shows police data: who read which municipality's week (trygg.audit)."""
    log_access(request, what, municipality=municipality, year=year, week=week)


@login_required
def week_pdf(request: HttpRequest, scb_code: str) -> HttpResponse:
    """The week's picture on paper, for the EST meeting: WeasyPrint, map drawn as SVG."""
    from weasyprint import HTML

    context = _page_context(request, scb_code)
    _log(request, "lagesbild.pdf", context["municipality"], context["year"], context["week"])
    areas = [(f["properties"]["name"], f["geometry"]) for f in context["map"]["areas"]["features"]]
    context["svg"] = map_svg(areas, context["period"]["hotspots"])
    html = render_to_string("lagesbild/week_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"lagesbild-{scb_code}-{context['year']}-v{context['week']:02d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def week_json(request: HttpRequest, scb_code: str) -> JsonResponse:
    municipality, year, week, picture, period = _pictures(request, scb_code)
    _log(request, "lagesbild.json", municipality, year, week)
    return JsonResponse(
        {"week": picture, "lagesbild": period}, json_dumps_params={"ensure_ascii": False}
    )


@login_required
def week_csv(request: HttpRequest, scb_code: str) -> HttpResponse:
    municipality, year, week, picture, period = _pictures(request, scb_code)
    _log(request, "lagesbild.csv", municipality, year, week)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"lagesbild-{municipality.scb_code}-{year}-v{week:02d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    write_csv(csvcells.Writer(response), period)
    return response
