"""The strategic situation picture and action plan: trends, decision, PDF with charts, next year."""

from datetime import date

import pytest
from django.test import RequestFactory
from django.urls import reverse

from trygg.followup.models import PlanAction, StrategicPlan
from trygg.followup.plan_views import plan_pdf_html
from trygg.followup.strategic import draft_content, publish_plan
from trygg.followup.templatetags.followup_charts import svg_data_uri
from trygg.incidents.access import visible_incidents
from trygg.incidents.models import Category
from trygg.participation.models import Dialogue, SurveyIndicator, SurveyResult

from .geography import INSIDE_KARSTORP, at, demo_area, incident

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    """Västervik's 2026 plan, with thefts in 2023 and 2025, and one action."""
    theft = Category.objects.get_or_create(slug="stold", defaults={"name": "Stöld"})[0]
    for day in (date(2023, 5, 1), date(2025, 5, 1), date(2025, 6, 1)):
        incident(world, INSIDE_KARSTORP, at(day, 21), category=theft)
    plan = StrategicPlan.objects.create(
        municipality=world.vastervik, year=2026, focus_text="Stölder i centrum."
    )
    action = PlanAction.objects.create(
        plan=plan, what="Trygghetsvandringar", who=world.municipality, when="Våren 2026"
    )
    action.commitments.add(world.site_visits)
    return plan


def test_the_draft_counts_incidents_by_year_and_category(world, plan):
    content = draft_content(plan, visible_incidents(world.coordinator))
    trends = content["trends"]
    assert trends["years"] == [2022, 2023, 2024, 2025]
    assert trends["totals"] == [0, 1, 0, 2]
    assert {"name": "stold", "counts": [0, 1, 0, 2]} in trends["by_category"]
    assert content["chart_svg"].startswith("<svg")
    assert content["safety_survey"] == [] and content["dialogue"] == []


def test_the_draft_shows_survey_trends_and_last_years_dialogue_themes(world, plan):
    karstorp = demo_area(world, "karstorp")
    share = SurveyIndicator.objects.create(name="Otrygg ute sent", kind=SurveyIndicator.Kind.SHARE)
    for year, value in ((2023, 30.0), (2024, 20.0)):
        SurveyResult.objects.create(
            indicator=share, area=karstorp, year=year, value=value, respondents=1000
        )
    # The whole municipality's figure, from the same survey.
    SurveyResult.objects.create(
        indicator=share, municipality=world.vastervik, year=2024, value=22.0, respondents=3000
    )
    theft = Category.objects.get(slug="stold")
    dialogue = Dialogue.objects.create(
        title="Dialog i Karstorp",
        format=Dialogue.Format.MEETING,
        status=Dialogue.Status.HELD,
        date=date(2025, 9, 1),
        municipality=world.vastervik,
        organisation=world.municipality,
        participants=30,
    )
    dialogue.themes.create(text="Cykelstölder vid stationen", category=theft)
    content = draft_content(plan, visible_incidents(world.coordinator))
    whole, trend = content["safety_survey"]
    assert (whole["area"], [p["value"] for p in whole["points"]]) == ("Hela kommunen", [22.0])
    assert (trend["indicator"], trend["area"]) == ("Otrygg ute sent", karstorp.name)
    assert [p["year"] for p in trend["points"]] == [2023, 2024]
    assert trend["points"][1]["change"] == "Minskningen är större än slumpen förklarar"
    assert content["dialogue"] == [{"category": theft.name, "themes": 1}]


def test_a_decided_plan_is_published_and_its_pdf_has_the_chart(client, world, plan):
    client.force_login(world.coordinator)
    refused = client.post(reverse("strategic-plan-publish", args=[plan.pk]))
    assert refused.status_code == 403 and not plan.versions.exists()
    client.post(
        reverse("strategic-plan-edit", args=[plan.pk]),
        {"focus_text": "Stölder.", "decided_on": "2026-02-10", "decided_by": "Kommunstyrelsen"},
    )
    client.post(reverse("strategic-plan-publish", args=[plan.pk]))
    version = plan.versions.get()
    assert version.content["decided_by"] == "Kommunstyrelsen"

    html = plan_pdf_html(version, RequestFactory().get("/"))
    assert f'<img src="{svg_data_uri(version.content["chart_svg"])}"' in html
    pdf = client.get(reverse("strategic-plan-pdf", args=[plan.pk, 1]))
    assert pdf.content.startswith(b"%PDF")
    edit = client.post(reverse("strategic-plan-edit", args=[plan.pk]), {"focus_text": "Nytt"})
    assert edit.status_code == 403


def test_next_year_shows_last_years_actions_with_their_outcome(world, plan):
    plan.actions.update(status=PlanAction.Status.DONE)
    next_year = StrategicPlan.objects.create(municipality=world.vastervik, year=2027)
    content = draft_content(next_year, visible_incidents(world.coordinator))
    (previous,) = content["previous_actions"]
    assert (previous["what"], previous["status"]) == ("Trygghetsvandringar", "done")
    assert previous["commitments"][0]["id"] == world.site_visits.pk


def test_who_may_see_and_decide(client, world, plan):
    plan.decided_on, plan.decided_by = date(2026, 2, 10), "Kommunstyrelsen"
    plan.save()
    client.force_login(world.viewer)
    assert client.get(plan.get_absolute_url()).status_code == 200
    assert client.post(reverse("strategic-plan-publish", args=[plan.pk])).status_code == 403
    new = reverse("strategic-plan-new", args=[world.vastervik.scb_code])
    assert client.post(new, {"year": "2027"}).status_code == 403
    client.force_login(world.outsider)
    assert client.get(plan.get_absolute_url()).status_code == 404
    assert client.post(new, {"year": "2027"}).status_code == 404
    client.logout()
    assert client.get(plan.get_absolute_url()).status_code == 302
    assert not plan.versions.exists()
    publish_plan(plan, visible_incidents(world.coordinator), world.coordinator)
    with pytest.raises(ValueError):
        publish_plan(plan, visible_incidents(world.coordinator), world.coordinator)


def test_a_coordinator_starts_a_plan_and_records_an_outcome_after_publishing(client, world, plan):
    client.force_login(world.coordinator)
    listing = client.get(reverse("strategic-plans", args=[world.vastervik.scb_code]))
    assert plan.get_absolute_url() in listing.content.decode()
    response = client.post(
        reverse("strategic-plan-new", args=[world.vastervik.scb_code]), {"year": "2027"}
    )
    assert response.url == StrategicPlan.objects.get(year=2027).get_absolute_url()

    plan.decided_on, plan.decided_by = date(2026, 2, 10), "Kommunstyrelsen"
    plan.save()
    version = publish_plan(plan, visible_incidents(world.coordinator), world.coordinator)
    action = plan.actions.get()
    url = reverse("strategic-plan-outcome", args=[plan.pk, action.pk])
    assert client.post(url, {"status": "nonsense"}).status_code == 403
    client.post(url, {"status": "partly"})
    action.refresh_from_db()
    version.refresh_from_db()
    assert action.status == "partly"
    assert version.content["actions"][0]["status"] == "planned"
    client.force_login(world.viewer)
    assert client.post(url, {"status": "done"}).status_code == 403
