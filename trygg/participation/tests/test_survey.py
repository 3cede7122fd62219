"""Safety surveys: the change test, the import's rules, the trend page and the effect page."""

import math
import shutil
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from trygg.followup.tests.geography import demo_area
from trygg.incidents.importers import ImportAborted
from trygg.participation.demo import SURVEY_FILE
from trygg.participation.models import SurveyIndicator, SurveyResult
from trygg.participation.survey import Change, mean_change, share_change, survey_trends
from trygg.participation.survey_import import import_survey

pytestmark = pytest.mark.django_db

HEADER = "indicator;area;year;value;respondents;sd;kind\n"


@pytest.fixture
def areas(world):
    """Västervik and Karstorp, the sample file's two areas, with their demo boundaries."""
    world.town = demo_area(world, "vastervik")
    world.karstorp = demo_area(world, "karstorp")
    return world


def result(year: int, value: float, respondents: int, sd: float | None = None) -> SurveyResult:
    return SurveyResult(year=year, value=value, respondents=respondents, sd=sd)


def stored() -> list[tuple]:
    return sorted(
        SurveyResult.objects.values_list(
            "indicator__name", "indicator__kind", "area__name", "year", "value", "respondents", "sd"
        )
    )


def write(tmp_path: Path, rows: str, name: str = "matning.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


# --- the test -------------------------------------------------------------------------


def test_a_share_is_tested_with_the_two_proportion_z_test():
    # 22.5 % of 607, then 17.5 % of 636: pooled share 0.1994, standard error 0.02267.
    change = share_change(2024, result(2024, 22.5, 607), result(2025, 17.5, 636))
    pooled = (0.225 * 607 + 0.175 * 636) / (607 + 636)
    error = math.sqrt(pooled * (1 - pooled) * (1 / 607 + 1 / 636))
    assert change.z == pytest.approx(-0.05 / error)
    assert change.z == pytest.approx(-2.205, abs=1e-3)
    assert change.p == pytest.approx(0.0274, abs=1e-4)
    assert (change.verdict, change.flag, change.difference) == ("down", True, pytest.approx(-5))
    # The same difference among a tenth as many respondents is within chance.
    small = share_change(2024, result(2024, 22.5, 61), result(2025, 17.5, 64))
    assert small.verdict == "chance" and not small.flag


def test_a_mean_needs_its_standard_deviations():
    change = mean_change(2023, result(2023, 4.1, 210, 2.3), result(2024, 4.6, 198, 2.4))
    assert change.z == pytest.approx(0.5 / math.sqrt(2.3**2 / 210 + 2.4**2 / 198))
    assert change.z == pytest.approx(2.146, abs=1e-3) and change.verdict == "up"
    untested = mean_change(2023, result(2023, 4.1, 210), result(2024, 6.1, 198))
    assert untested == Change(2023, pytest.approx(2.0), None, None, "untested")
    assert not untested.flag


def test_nothing_changes_when_everyone_or_no_one_answers_the_same():
    assert share_change(2024, result(2024, 0, 50), result(2025, 0, 60)).verdict == "chance"


# --- the import -----------------------------------------------------------------------


def test_the_sample_file_imports_and_its_trend_appears(client, areas):
    outcome = import_survey(SURVEY_FILE, areas.vastervik)
    assert (outcome.created, outcome.unchanged, outcome.corrected) == (18, 0, 0)
    kinds = dict(SurveyIndicator.objects.values_list("name", "kind"))
    assert kinds == {
        "Otrygghetsindex": "mean",
        "Förtroendeindex": "mean",
        "Andel som känner sig otrygga utomhus kvällstid": "share",
    }

    client.force_login(areas.viewer)
    response = client.get(reverse("survey", args=[areas.vastervik.scb_code]))
    assert response.status_code == 200
    trends = {(t.indicator.name, t.area.name): t for t in response.context["trends"]}
    assert len(trends) == 6
    karstorp = trends[("Otrygghetsindex", "Karstorp")]
    assert [(p.year, p.value, p.respondents) for p in karstorp.points] == [
        (2023, 4.1, 210),
        (2024, 4.6, 198),
        (2025, 4.4, 205),
    ]
    assert [p.change and p.change.verdict for p in karstorp.points] == [None, "up", "chance"]
    town_share = trends[("Andel som känner sig otrygga utomhus kvällstid", "Västervik")]
    assert [p.change.verdict for p in town_share.points[1:]] == ["chance", "down"]
    trust = trends[("Förtroendeindex", "Västervik")]
    assert {p.change.verdict for p in trust.points[1:]} == {"untested"}
    page = response.content.decode()
    assert 'class="flagged"' in page and "205" in page


def test_the_same_file_twice_changes_nothing(areas):
    import_survey(SURVEY_FILE, areas.vastervik)
    before = stored()
    outcome = import_survey(SURVEY_FILE, areas.vastervik)
    assert (outcome.created, outcome.unchanged, outcome.corrected) == (0, 18, 0)
    assert stored() == before


def test_a_corrected_value_is_refused_unless_the_file_is_a_correction(tmp_path, areas):
    import_survey(SURVEY_FILE, areas.vastervik)
    before = stored()
    path = write(tmp_path, "Otrygghetsindex;Karstorp;2024;4,7;198;2,4;\n")
    with pytest.raises(ImportAborted) as refused:
        import_survey(path, areas.vastervik)
    message = str(refused.value)
    assert message.startswith("matning.csv, rad 2, fält value:")
    assert "4,6" in message and "4,7" in message
    assert stored() == before

    outcome = import_survey(path, areas.vastervik, correct=True)
    assert (outcome.created, outcome.unchanged, outcome.corrected) == (0, 0, 1)
    assert (
        SurveyResult.objects.get(
            area=areas.karstorp, year=2024, indicator__name="Otrygghetsindex"
        ).value
        == 4.7
    )


@pytest.mark.parametrize(
    ("rows", "where"),
    [
        ("Otrygghetsindex;Gamlebyn;2024;3;100;;\n", "rad 3, fält area"),
        ("Otrygghetsindex;Karstorp;tjugo;3;100;;\n", "rad 3, fält year"),
        ("Otrygghetsindex;Karstorp;2024;;100;;\n", "rad 3, fält value"),
        ("Otrygghetsindex;Karstorp;2024;3;0;;\n", "rad 3, fält respondents"),
        ("Otrygghetsindex;Karstorp;2024;3;100;-1;\n", "rad 3, fält sd"),
        ("Otrygghetsindex;Karstorp;2024;3;100;;kanske\n", "rad 3, fält kind"),
        ("Otrygghetsindex;Karstorp;2024;3;100;;andel\n", "rad 3, fält kind"),  # it is a mean
        ("Ny andel;Karstorp;2024;130;100;;andel\n", "rad 3, fält value"),  # not a percentage
        ("Otrygghetsindex;Västervik;2023;3,5;620;;\n", "rad 3, fält value"),  # line 2 said 3,4
        (";Karstorp;2024;3;100;;\n", "rad 3, fält indicator"),
    ],
)
def test_a_bad_row_names_line_and_field_and_changes_nothing(tmp_path, areas, rows, where):
    path = write(tmp_path, "Otrygghetsindex;Västervik;2023;3,4;620;2,1;medel\n" + rows)
    with pytest.raises(ImportAborted) as refused:
        import_survey(path, areas.vastervik)
    assert str(refused.value).startswith(f"matning.csv, {where}:"), str(refused.value)
    assert not SurveyResult.objects.exists() and not SurveyIndicator.objects.exists()


def test_a_file_without_a_required_column_is_refused(tmp_path, areas):
    path = tmp_path / "matning.csv"
    path.write_text("indikator;område;år;värde\nOtrygghetsindex;Karstorp;2024;3\n")
    with pytest.raises(ImportAborted, match="kolumnen respondents saknas"):
        import_survey(path, areas.vastervik)


def test_xlsx_and_windows_1252_are_read_like_incident_files(tmp_path, areas):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Indikator", "Område", "År", "Värde", "Svarande"])
    sheet.append(["Problemindex", "Karstorp", 2025, 2.75, 180])
    workbook.save(tmp_path / "matning.xlsx")
    assert import_survey(tmp_path / "matning.xlsx", areas.vastervik).created == 1

    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes(
        "indikator;område;år;värde;svarande\nÖvrigt;Västervik;2025;1,5;90\n".encode("cp1252")
    )
    assert import_survey(legacy, areas.vastervik).created == 1
    assert set(SurveyResult.objects.values_list("value", flat=True)) == {2.75, 1.5}


def test_the_command(tmp_path, areas, capsys):
    copy = tmp_path / "matning.csv"
    shutil.copy(SURVEY_FILE, copy)
    call_command("import_survey", str(copy), "--municipality", "Västervik")
    assert "18 nya resultat, 0 fanns redan, 0 rättade" in capsys.readouterr().out
    call_command("import_survey", str(copy), "--municipality", "0883")
    assert "0 nya resultat, 18 fanns redan" in capsys.readouterr().out
    with pytest.raises(CommandError, match="Kommunen 'Atlantis' finns inte"):
        call_command("import_survey", str(copy), "--municipality", "Atlantis")
    bad = write(tmp_path, "Otrygghetsindex;Gamlebyn;2024;3;100;;\n", "bad.csv")
    with pytest.raises(CommandError, match=r"bad.csv, rad 2, fält area: .*Inget importerades"):
        call_command("import_survey", str(bad), "--municipality", "Västervik")


# --- the upload page ------------------------------------------------------------------


def upload(name: str = "matning.csv", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content if content is not None else SURVEY_FILE.read_bytes())


def test_a_coordinator_uploads_a_survey_file(client, areas):
    url = reverse("survey-upload", args=[areas.vastervik.scb_code])
    client.force_login(areas.coordinator)
    response = client.post(url, {"file": upload()})
    assert response.status_code == 302 and SurveyResult.objects.count() == 18

    bad = (HEADER + "Otrygghetsindex;Gamlebyn;2024;3;100;;\n").encode()
    response = client.post(url, {"file": upload("ny.csv", bad)})
    assert response.status_code == 200
    error = " ".join(response.context["form"].errors["file"])
    assert "ny.csv, rad 2, fält area" in error and "Gamlebyn" in error
    assert SurveyResult.objects.count() == 18


def test_who_may_see_and_import_surveys(client, areas):
    code = areas.vastervik.scb_code
    page, url = reverse("survey", args=[code]), reverse("survey-upload", args=[code])
    client.force_login(areas.viewer)
    assert client.get(page).status_code == 200
    assert client.get(url).status_code == 403
    assert client.post(url, {"file": upload()}).status_code == 403
    client.force_login(areas.outsider)
    assert client.get(page).status_code == 404
    assert client.post(url, {"file": upload()}).status_code == 404
    client.logout()
    assert client.get(page).status_code == 302
    assert not SurveyResult.objects.exists()


# --- beside the incidents on the effect page ------------------------------------------


def test_the_effect_page_shows_the_survey_trend_of_the_work_area(client, areas):
    import_survey(SURVEY_FILE, areas.vastervik)
    ankarsrum = demo_area(areas, "ankarsrum")
    areas.site_visits.areas.add(areas.karstorp)
    client.force_login(areas.coordinator)
    response = client.get(
        reverse("commitment-effect", args=[areas.site_visits.pk]),
        {
            "before_start": "2024-03-01",
            "before_end": "2024-03-31",
            "after_start": "2025-03-01",
            "after_end": "2025-03-31",
            "buffer": "200",
            "comparison": ankarsrum.pk,
        },
    )
    assert response.status_code == 200
    survey = response.context["survey"]
    assert {trend.area.name for trend in survey} == {"Karstorp"}
    assert {tuple(p.year for p in trend.points) for trend in survey} == {(2024, 2025)}
    assert "Otrygghetsindex" in response.content.decode()


def test_survey_trends_for_chosen_years(areas):
    import_survey(SURVEY_FILE, areas.vastervik)
    trends = survey_trends([areas.town], 2025, 2025)
    assert len(trends) == 3
    for trend in trends:
        (only,) = trend.points
        assert only.year == 2025 and only.change.since == 2024  # compared with the year before
