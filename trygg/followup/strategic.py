"""The strategic situation picture and action plan: what it says, drawn from the data.

Incidents are counted by the lägesbild's rule (`lagesbild.counts.period_summary`,
one query per year) over the TREND_YEARS whole calendar years before the plan's
year; a linked commitment's state comes from `promises.progress`. Publishing
freezes it all (`versions.publish_version`), like a follow-up report.
"""

import io
from collections import Counter
from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from trygg.geo.models import Area, Municipality
from trygg.incidents.models import Incident
from trygg.lagesbild.counts import period_summary
from trygg.participation.services import dialogue_themes
from trygg.participation.survey import survey_trends
from trygg.promises.progress import progress

from .models import PlanAction, StrategicPlan, StrategicPlanVersion
from .versions import publish_version

TREND_YEARS = 4


def safety_survey_results(municipality: Municipality, years: list[int]) -> list[dict[str, Any]]:
    """Each safety-survey indicator in the municipality and each area over the plan's years.

    Read through participation.survey.survey_trends (the one reader), and kept
    as plain values with the verdict in words, so a published snapshot says
    what it said then.
    """
    trends = survey_trends(
        Area.objects.filter(municipality=municipality),
        years[0],
        years[-1],
        municipality=municipality,
    )
    return [
        {
            "indicator": trend.indicator.name,
            "area": trend.place_name,
            "points": [
                {
                    "year": point.year,
                    "value": point.value,
                    "respondents": point.respondents,
                    "change": str(point.change.label) if point.change else "",
                }
                for point in trend.points
            ],
        }
        for trend in trends
    ]


def dialogue_findings(municipality: Municipality, year: int) -> list[dict[str, Any]]:
    """What the year's held dialogues raised, counted by category (participation.services)."""
    themes = dialogue_themes(municipality, date(year, 1, 1), date(year, 12, 31))
    counts = Counter(theme.category.name for theme in themes)
    return [{"category": name, "themes": n} for name, n in counts.most_common()]


def incident_trends(incidents: QuerySet[Incident], years: list[int]) -> dict[str, Any]:
    """Counts by category and by area for each year: one `period_summary` per year."""
    summaries = [period_summary(incidents, date(y, 1, 1), date(y, 12, 31)) for y in years]

    def table(key: str) -> list[dict[str, Any]]:
        names = sorted({name for s in summaries for name in s[key]})
        return [{"name": n, "counts": [s[key].get(n, 0) for s in summaries]} for n in names]

    return {
        "years": years,
        "totals": [s["total"] for s in summaries],
        "by_category": table("by_category"),
        "by_area": table("by_area"),
    }


def trend_chart_svg(trends: dict[str, Any]) -> str:
    """Incidents per year by category, as inline SVG (matplotlib Agg, no GUI)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.5, 3.2))
    axes = figure.add_subplot()
    years = [str(y) for y in trends["years"]]
    axes.plot(years, trends["totals"], marker="o", linewidth=2.5, label=_("All"))
    for row in trends["by_category"]:
        axes.plot(years, row["counts"], marker=".", linewidth=1, label=row["name"])
    axes.set_ylabel(_("Incidents per year"))
    axes.set_ylim(bottom=0)
    axes.legend(fontsize="x-small", frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    svg = out.getvalue()
    return svg[svg.index("<svg") :]


def action_data(action: PlanAction, on: date) -> dict[str, Any]:
    """An action with its outcome, and the state of each linked commitment on the day `on`."""
    commitments = []
    for commitment in action.commitments.select_related("promise"):
        state = progress(commitment, on)
        commitments.append({"id": commitment.pk, "text": commitment.text, "status": state.label})
    return {
        "what": action.what,
        "who": action.who.name,
        "when": action.when,
        "status": action.status,
        "status_label": str(action.get_status_display()),
        "commitments": commitments,
    }


def draft_content(plan: StrategicPlan, incidents: QuerySet[Incident]) -> dict[str, Any]:
    """Everything the plan shows: trends, survey and dialogue, focus, actions, last year's."""
    years = list(range(plan.year - TREND_YEARS, plan.year))
    trends = incident_trends(incidents.filter(municipality=plan.municipality), years)
    year_end = date(plan.year, 12, 31)
    previous = StrategicPlan.objects.filter(
        municipality=plan.municipality, year=plan.year - 1
    ).first()
    return {
        "municipality": plan.municipality.name,
        "year": plan.year,
        "trends": trends,
        "chart_svg": trend_chart_svg(trends),
        "safety_survey": safety_survey_results(plan.municipality, years),
        "dialogue": dialogue_findings(plan.municipality, plan.year - 1),
        "focus_text": plan.focus_text,
        "actions": [action_data(a, year_end) for a in plan.actions.select_related("who")],
        "previous_actions": [
            action_data(a, date(previous.year, 12, 31))
            for a in previous.actions.select_related("who")
        ]
        if previous
        else [],
        "decided_on": plan.decided_on.isoformat() if plan.decided_on else None,
        "decided_by": plan.decided_by,
    }


def publish_plan(
    plan: StrategicPlan, incidents: QuerySet[Incident], user: AbstractBaseUser, note: str = ""
) -> StrategicPlanVersion:
    """Freeze a decided plan as its next version; an undecided plan is not published."""
    if not (plan.decided_on and plan.decided_by):
        raise ValueError("a plan is published once decided: date and decision body")
    return publish_version(plan.versions, draft_content(plan, incidents), user, note)
