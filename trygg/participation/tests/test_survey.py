"""Safety surveys: the change test, the import's rules, the trend page and the effect page."""

import math
import shutil
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from trygg.followup.tests.geography import demo_area
from trygg.geo.models import Area, Municipality
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


WHOLE = "(hela kommunen)"


def stored() -> list[tuple]:
    """Every stored result, WHOLE in place of the area for the whole municipality's."""
    rows = SurveyResult.objects.values_list(
        "indicator__name", "indicator__kind", "area__name", "year", "value", "respondents", "sd"
    )
    return sorted((*row[:2], row[2] or WHOLE, *row[3:]) for row in rows)


def write(tmp_path: Path, rows: str, name: str = "matning.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + rows, encoding="utf-8")
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
    assert (outcome.created, outcome.unchanged, outcome.corrected) == (24, 0, 0)
    kinds = dict(SurveyIndicator.objects.values_list("name", "kind"))
    assert kinds == {
        "Otrygghetsindex": "mean",
        "Förtroendeindex": "mean",
        "Andel som känner sig otrygga utomhus kvällstid": "share",
    }

    client.force_login(areas.viewer)
    response = client.get(reverse("survey", args=[areas.vastervik.scb_code]))
    assert response.status_code == 200
    trends = {(t.indicator.name, t.place_name): t for t in response.context["trends"]}
    assert len(trends) == 8
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
    # "Västerviks kommun" is the whole municipality, not an area.
    whole = trends[("Andel som känner sig otrygga utomhus kvällstid", "Hela kommunen")]
    assert (whole.area, [p.respondents for p in whole.points]) == (None, [1832, 1805, 1869])
    assert [p.change.verdict for p in whole.points[1:]] == ["chance", "chance"]
    page = response.content.decode()
    assert 'class="flagged"' in page and "205" in page


def test_the_same_file_twice_changes_nothing(areas):
    import_survey(SURVEY_FILE, areas.vastervik)
    before = stored()
    outcome = import_survey(SURVEY_FILE, areas.vastervik)
    assert (outcome.created, outcome.unchanged, outcome.corrected) == (0, 24, 0)
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
    ],
)
def test_a_bad_row_names_line_and_field_and_changes_nothing(tmp_path, areas, rows, where):
    path = write(tmp_path, "Otrygghetsindex;Västervik;2023;3,4;620;2,1;medel\n" + rows)
    with pytest.raises(ImportAborted) as refused:
        import_survey(path, areas.vastervik)
    assert str(refused.value).startswith(f"matning.csv, {where}:"), str(refused.value)
    assert not SurveyResult.objects.exists() and not SurveyIndicator.objects.exists()


def test_an_indicator_missing_with_no_row_above_to_take_it_from(tmp_path, areas):
    # Below a row, an empty indicator is that row's (grouped rows); on the first, it is missing.
    path = write(tmp_path, ";Karstorp;2024;3;100;;\nOtrygghetsindex;Västervik;2023;3,4;620;;\n")
    with pytest.raises(
        ImportAborted, match="matning.csv, rad 2, fält indicator: indikatorn saknas"
    ):
        import_survey(path, areas.vastervik)
    assert not SurveyResult.objects.exists() and not SurveyIndicator.objects.exists()


def test_a_file_without_a_required_column_is_refused(tmp_path, areas):
    path = tmp_path / "matning.csv"
    path.write_text("indikator;område;år;värde\nOtrygghetsindex;Karstorp;2024;3\n")
    with pytest.raises(ImportAborted, match=r"kolumnen respondents \(svarande\) saknas"):
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
    assert "24 nya resultat, 0 fanns redan, 0 rättade" in capsys.readouterr().out
    call_command("import_survey", str(copy), "--municipality", "0883")
    assert "0 nya resultat, 24 fanns redan" in capsys.readouterr().out
    with pytest.raises(CommandError, match="Kommunen 'Atlantis' finns inte"):
        call_command("import_survey", str(copy), "--municipality", "Atlantis")
    bad = write(tmp_path, "Otrygghetsindex;Gamlebyn;2024;3;100;;\n", "bad.csv")
    with pytest.raises(CommandError, match=r"bad.csv, rad 2, fält area: .*Inget importerades"):
        call_command("import_survey", str(bad), "--municipality", "Västervik")


POLICE_TABLE_2024 = (
    "Trygghetsmätning 2024, Västerviks kommun\n"
    "Område;Antal svar;Problemindex;Otrygghetsindex\n"
    "Karstorp;205;2,2;4,4\n"
    "Västervik;640;1,6;3,2\n"
)


def test_a_table_without_a_year_column_takes_the_year_it_is_given(tmp_path, areas, capsys):
    path = write(tmp_path, POLICE_TABLE_2024, "polisen-2024.csv", header="")
    with pytest.raises(CommandError, match=r"kolumnen year \(år\) saknas"):
        call_command("import_survey", str(path), "--municipality", "Västervik")
    assert not SurveyResult.objects.exists()

    call_command("import_survey", str(path), "--municipality", "Västervik", "--year", "2024")
    assert "4 nya resultat" in capsys.readouterr().out
    stored = SurveyResult.objects.get(indicator__name="Otrygghetsindex", area__name="Karstorp")
    assert (stored.year, stored.value, stored.respondents) == (2024, 4.4, 205)
    assert set(SurveyResult.objects.values_list("year", flat=True)) == {2024}


def test_a_year_is_refused_for_a_file_that_names_its_own(tmp_path, areas):
    path = write(tmp_path, "Otrygghetsindex;Karstorp;2023;4,1;210;;\n", "lang.csv")
    with pytest.raises(ImportAborted, match="lang.csv: filen anger själv året"):
        import_survey(path, areas.vastervik, year=2024)
    with pytest.raises(ImportAborted, match="1850 är inget årtal"):
        import_survey(path, areas.vastervik, year=1850)
    assert not SurveyResult.objects.exists()


# --- the upload page ------------------------------------------------------------------


def upload(name: str = "matning.csv", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content if content is not None else SURVEY_FILE.read_bytes())


def test_a_coordinator_uploads_a_survey_file(client, areas):
    url = reverse("survey-upload", args=[areas.vastervik.scb_code])
    client.force_login(areas.coordinator)
    response = client.post(url, {"file": upload()})
    assert response.status_code == 302 and SurveyResult.objects.count() == 24

    bad = (HEADER + "Otrygghetsindex;Gamlebyn;2024;3;100;;\n").encode()
    response = client.post(url, {"file": upload("ny.csv", bad)})
    assert response.status_code == 200
    error = " ".join(response.context["form"].errors["file"])
    assert "ny.csv, rad 2, fält area" in error and "Gamlebyn" in error
    assert SurveyResult.objects.count() == 24

    table = POLICE_TABLE_2024.replace("4,4", "4,5").encode()
    response = client.post(url, {"file": upload("polisen.csv", table), "year": "2026"})
    assert response.status_code == 302
    assert SurveyResult.objects.filter(year=2026).count() == 4


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


# --- files as municipalities and the police have them ---------------------------------


def police_table(tmp_path: Path, rows: str, name: str = "lpo-tabell.csv") -> Path:
    """The police's local table: a title line, indicators as columns, Windows-1252."""
    path = tmp_path / name
    text = (
        "Trygghetsmätning 2024, LPO Västervik;;;;;\n"
        ";;;;;\n"
        "Område;År;Antal svar;Problemindex;Otrygghetsindex;Andel otrygga (%)\n" + rows
    )
    path.write_bytes(text.encode("cp1252"))
    return path


def test_a_police_table_with_indicators_as_columns(tmp_path, areas):
    path = police_table(
        tmp_path,
        "Karstorp;2024;412;2,9;3,1;18,5\n"
        "Västervik;2024;1 204;1,7;..;9,0\n"
        "Totalt;2024;1 616;2,0;2,7;11,2\n"
        "Källa: Polisen, region Öst;;;;;\n",
    )
    outcome = import_survey(path, areas.vastervik)
    assert stored() == [
        ("Andel otrygga", "share", WHOLE, 2024, 11.2, 1616, None),
        ("Andel otrygga", "share", "Karstorp", 2024, 18.5, 412, None),
        ("Andel otrygga", "share", "Västervik", 2024, 9.0, 1204, None),
        ("Otrygghetsindex", "mean", WHOLE, 2024, 2.7, 1616, None),
        ("Otrygghetsindex", "mean", "Karstorp", 2024, 3.1, 412, None),
        ("Problemindex", "mean", WHOLE, 2024, 2.0, 1616, None),
        ("Problemindex", "mean", "Karstorp", 2024, 2.9, 412, None),
        ("Problemindex", "mean", "Västervik", 2024, 1.7, 1204, None),
    ]
    assert (outcome.created, outcome.empty_cells, outcome.notes) == (8, 1, 1)
    assert outcome.summary() == (
        "8 nya resultat, 0 fanns redan, 0 rättade; 1 tom cell (ej mätt eller skyddad), "
        "1 anteckningsrad hoppades över"
    )
    again = import_survey(path, areas.vastervik)
    assert (again.created, again.unchanged) == (0, 8)


def test_a_bad_cell_in_a_wide_file_names_its_line_and_column(tmp_path, areas):
    path = police_table(tmp_path, "Karstorp;2024;412;2,9;3,1;18,5\nVästervik;2024;1204;1,7;hög;9\n")
    with pytest.raises(ImportAborted) as refused:
        import_survey(path, areas.vastervik)
    assert str(refused.value).startswith("lpo-tabell.csv, rad 5, fält Otrygghetsindex:")
    assert "hög" in str(refused.value)
    assert not SurveyResult.objects.exists() and not SurveyIndicator.objects.exists()

    share = police_table(tmp_path, "Karstorp;2024;412;2,9;3,1;118,5\n", "andel.csv")
    with pytest.raises(ImportAborted, match=r"andel.csv, rad 4, fält Andel otrygga \(%\):"):
        import_survey(share, areas.vastervik)
    no_answers = police_table(tmp_path, "Karstorp;2024;..;2,9;3,1;18,5\n", "svar.csv")
    with pytest.raises(ImportAborted, match="svar.csv, rad 4, fält respondents:"):
        import_survey(no_answers, areas.vastervik)
    assert not SurveyResult.objects.exists()


def survey_workbook(path: Path, bad: object = None) -> Path:
    """A years-as-columns export: title, blank row, int year headers, placeholders, footnote."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Trygghetsmätning 2023–2024 – Västerviks kommun"])
    sheet.append([])
    sheet.append(["Indikator", "Område", 2023, 2024, "Antal svar 2023", "Antal svar 2024"])
    sheet.append(["Otrygghetsindex", "Karstorp", 4.1, 4.6 if bad is None else bad, 210, 198])
    sheet.append(["Otrygghetsindex", "Västervik", "..", 3.3, None, 610])
    sheet.append(["Andel otrygga", "karstorp ", 0.225, None, 607, None])
    sheet["C6"].number_format = "0.0%"
    sheet.append(["Andel otrygga", "Hela kommunen", 0.2, 0.19, 900, 880])
    sheet["C7"].number_format = sheet["D7"].number_format = "0%"
    sheet.append([])
    sheet.append(["Källa: Polisen, region Syd. .. = för få svar"])
    workbook.save(path)
    return path


def test_a_workbook_with_years_as_columns(tmp_path, areas):
    path = survey_workbook(tmp_path / "matning.xlsx")
    outcome = import_survey(path, areas.vastervik)
    assert stored() == [
        ("Andel otrygga", "share", WHOLE, 2023, 20.0, 900, None),
        ("Andel otrygga", "share", WHOLE, 2024, 19.0, 880, None),
        ("Andel otrygga", "share", "Karstorp", 2023, 22.5, 607, None),
        ("Otrygghetsindex", "mean", "Karstorp", 2023, 4.1, 210, None),
        ("Otrygghetsindex", "mean", "Karstorp", 2024, 4.6, 198, None),
        ("Otrygghetsindex", "mean", "Västervik", 2024, 3.3, 610, None),
    ]
    assert (outcome.empty_cells, outcome.notes) == (2, 1)
    assert "2 tomma celler" in outcome.summary()
    assert import_survey(path, areas.vastervik).unchanged == 6


def test_a_bad_cell_in_a_workbook_names_the_line_excel_shows(tmp_path, areas):
    path = survey_workbook(tmp_path / "matning.xlsx", bad="4,6 poäng")
    with pytest.raises(ImportAborted) as refused:
        import_survey(path, areas.vastervik)
    assert str(refused.value).startswith('matning.xlsx, rad 4, fält 2024: "4,6 poäng"')
    assert not SurveyResult.objects.exists() and not SurveyIndicator.objects.exists()


def test_year_headers_and_one_respondents_column(tmp_path, areas):
    path = tmp_path / "ar.csv"
    path.write_text(
        "Mått;Stadsdel;År 2022;2023.0;Antal svarande;sd 2023\n"
        "Otrygghetsindex;Karstorp;4,0;4,1;200;2,3\n"
    )
    import_survey(path, areas.vastervik)
    assert stored() == [
        ("Otrygghetsindex", "mean", "Karstorp", 2022, 4.0, 200, None),
        ("Otrygghetsindex", "mean", "Karstorp", 2023, 4.1, 200, 2.3),
    ]


@pytest.mark.parametrize("value", ["61,5 %", "61.5%", "61,5%"])
def test_a_value_with_a_percent_sign_is_a_share(tmp_path, areas, value):
    path = tmp_path / "andel.csv"
    path.write_text(
        f"Nyckeltal;Bostadsområde;Mätår;Andel;Antal respondenter\nTrygg;Karstorp;2024;{value};300\n"
    )
    import_survey(path, areas.vastervik)
    assert stored() == [("Trygg", "share", "Karstorp", 2024, 61.5, 300, None)]


def test_a_percent_sign_on_a_mean_is_refused(tmp_path, areas):
    path = write(tmp_path, "Otrygghetsindex;Karstorp;2024;3,1 %;300;;medel\n")
    with pytest.raises(ImportAborted, match="rad 2, fält value: .*andel"):
        import_survey(path, areas.vastervik)


def test_index_is_the_value_when_another_column_names_the_indicator(tmp_path, areas):
    path = tmp_path / "index.csv"
    path.write_text("Indikator;Område;Årtal;Index;Svar\nProblemindex;Karstorp;2024;2,5;150\n")
    import_survey(path, areas.vastervik)
    path.write_text("Index;Område;År;Värde;Bas\nOtrygghetsindex;Karstorp;2024;3,5;150\n")
    import_survey(path, areas.vastervik)
    path.write_text("Område;År;Antal;Index\nKarstorp;2024;150;1,5\n")
    import_survey(path, areas.vastervik)
    assert [(name, value) for name, _, _, _, value, _, _ in stored()] == [
        ("Index", 1.5),
        ("Otrygghetsindex", 3.5),
        ("Problemindex", 2.5),
    ]


def test_rows_for_the_whole_municipality(tmp_path, areas):
    path = write(
        tmp_path,
        "Otrygghetsindex;Totalt;2024;3,0;900;;\n"
        "Otrygghetsindex;Västerviks kommun;2024;3,0;900;;\n"
        "Otrygghetsindex;Karstorp;2024;3,1;300;;\n",
    )
    outcome = import_survey(path, areas.vastervik)
    # "Totalt" and "Västerviks kommun" are the same result, given twice alike.
    assert (outcome.created, outcome.unchanged) == (2, 1)
    assert stored() == [
        ("Otrygghetsindex", "mean", WHOLE, 2024, 3.0, 900, None),
        ("Otrygghetsindex", "mean", "Karstorp", 2024, 3.1, 300, None),
    ]
    whole = SurveyResult.objects.get(area=None)
    assert (whole.municipality, whole.place_name) == (areas.vastervik, "Hela kommunen")

    # An area of that name is an area like any other.
    Area.objects.create(municipality=areas.vastervik, name="Totalt", slug="totalt")
    outcome = import_survey(path, areas.vastervik)
    assert (outcome.created, outcome.unchanged) == (1, 2)
    assert SurveyResult.objects.filter(area__name="Totalt").count() == 1


def test_two_different_figures_for_the_whole_municipality_are_refused(tmp_path, areas):
    path = write(
        tmp_path,
        "Otrygghetsindex;Totalt;2024;3,0;900;;\nOtrygghetsindex;Hela kommunen;2024;3,2;900;;\n",
    )
    with pytest.raises(ImportAborted) as refused:
        import_survey(path, areas.vastervik)
    assert str(refused.value) == (
        "matning.csv, rad 3, fält value: Otrygghetsindex, hela kommunen, 2024 finns redan på "
        "rad 2 med andra värden"
    )
    assert not SurveyResult.objects.exists()


def test_a_corrected_figure_for_the_whole_municipality(tmp_path, areas):
    import_survey(write(tmp_path, "Otrygghetsindex;Totalt;2024;3,0;900;;\n"), areas.vastervik)
    path = write(tmp_path, "Otrygghetsindex;Totalt;2024;3,1;950;;\n", "rattelse.csv")
    with pytest.raises(ImportAborted, match="hela kommunen, 2024 är sparat med 3, filen säger 3,1"):
        import_survey(path, areas.vastervik)
    assert import_survey(path, areas.vastervik, correct=True).corrected == 1
    assert stored() == [("Otrygghetsindex", "mean", WHOLE, 2024, 3.1, 950, None)]


def test_area_names_are_matched_loosely_but_unknown_ones_refused(tmp_path, areas):
    path = write(
        tmp_path,
        "Otrygghetsindex;  KARSTORP   (inkl. Piperskärr);2024;3,1;300;;\n"
        "Otrygghetsindex;karstorp;2024;3,1;300;;\n",
    )
    import_survey(path, areas.vastervik)
    assert [row[2] for row in stored()] == ["Karstorp"]
    unknown = write(tmp_path, "Otrygghetsindex;Gamlebyn (norra);2024;3,1;300;;\n", "okand.csv")
    with pytest.raises(ImportAborted, match=r"okand.csv, rad 2, fält area: .*kända: Karstorp"):
        import_survey(unknown, areas.vastervik)


def test_a_note_between_rows_of_data_is_a_bad_row(tmp_path, areas):
    path = police_table(
        tmp_path, "Karstorp;2024;412;2,9;3,1;18,5\nObs: nytt urval\nVästervik;2024;1204;1,7;2;9\n"
    )
    with pytest.raises(ImportAborted, match="lpo-tabell.csv, rad 5, fält area:"):
        import_survey(path, areas.vastervik)
    assert not SurveyResult.objects.exists()


def test_a_file_with_no_layout_names_what_is_missing(tmp_path, areas):
    path = tmp_path / "titel.csv"
    path.write_text("Trygghetsmätning 2024\nOmråde;År;Problemindex\nKarstorp;2024;2,9\n")
    with pytest.raises(ImportAborted, match=r"titel.csv: kolumnen respondents \(svarande\) saknas"):
        import_survey(path, areas.vastervik)


# --- files for a whole lokalpolisområde or county -------------------------------------

LPO_TABLE = (
    "Kommun;Område;År;Antal svar;Problemindex;Otrygghetsindex\n"
    "Västervik;Karstorp;2024;412;2,9;3,1\n"
    "Västervik;Västervik;2024;600;2,1;2,4\n"
    "Västervik;Totalt;2024;1100;2,0;2,3\n"
    "Högsby;Berga;2024;150;1,5;1,9\n"
    "Högsby;Totalt;2024;300;1,4;1,8\n"
    "Lokalpolisområde Västervik;Totalt;2024;1700;1,9;2,2\n"
)


def test_an_lpo_table_imports_the_rows_of_one_municipality(tmp_path, areas):
    path = write(tmp_path, LPO_TABLE, "lpo.csv", header="")
    outcome = import_survey(path, areas.vastervik)
    assert stored() == [
        ("Otrygghetsindex", "mean", WHOLE, 2024, 2.3, 1100, None),
        ("Otrygghetsindex", "mean", "Karstorp", 2024, 3.1, 412, None),
        ("Otrygghetsindex", "mean", "Västervik", 2024, 2.4, 600, None),
        ("Problemindex", "mean", WHOLE, 2024, 2.0, 1100, None),
        ("Problemindex", "mean", "Karstorp", 2024, 2.9, 412, None),
        ("Problemindex", "mean", "Västervik", 2024, 2.1, 600, None),
    ]
    assert (outcome.larger_areas, outcome.other_municipalities) == (1, 2)
    assert outcome.summary() == (
        "6 nya resultat, 0 fanns redan, 0 rättade; "
        "1 rad för ett större område, 2 rader för andra kommuner hoppades över"
    )
    again = import_survey(path, areas.vastervik)
    assert (again.created, again.unchanged, again.other_municipalities) == (0, 6, 2)


def test_an_lpo_table_without_a_municipality_column(tmp_path, areas):
    # Other municipalities' totals among the areas, by name, as "X kommun" or "Hela X";
    # then the LPO's, the county's and the country's.
    path = police_table(
        tmp_path,
        "Karstorp;2024;412;2,9;3,1;18,5\n"
        "Västervik;2024;600;2,1;2,4;10,0\n"
        "Högsby;2024;300;1,4;1,8;8,0\n"
        "Mönsterås kommun;2024;280;1,6;2,0;9,5\n"
        "Hela Oskarshamn;2024;500;1,7;2,1;9,9\n"
        "LPO Västervik;2024;1 700;1,9;2,2;11,0\n"
        "Polisområde Kalmar län;2024;5 000;1,8;2,2;10,5\n"
        "Kalmar län;2024;5 000;1,8;2,2;10,5\n"
        "Riket;2024;90 000;2,0;2,5;12,0\n",
    )
    outcome = import_survey(path, areas.vastervik)
    assert outcome.created == 6
    assert {row[2] for row in stored()} == {"Karstorp", "Västervik"}
    assert (outcome.other_municipalities, outcome.larger_areas) == (3, 4)
    assert "3 rader för andra kommuner" in outcome.summary()
    assert "4 rader för större områden" in outcome.summary()


def test_scb_codes_in_the_municipality_column(tmp_path, areas):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Trygghetsmätning 2024, Kalmar län"])
    sheet.append(["Kommunkod", "Område", "År", "Antal svar", "Otrygghetsindex"])
    sheet.append([883, "Karstorp", 2024, 412, 3.1])  # 0883 as Excel keeps it: a number
    sheet.append(["0883", "Västervik", 2024, 600, 2.4])
    sheet.append([821, "Berga", 2024, 150, 1.9])  # Högsby
    sheet.append(["Kalmar län", "Totalt", 2024, 5000, 2.2])  # the county's total
    workbook.save(tmp_path / "lan.xlsx")
    outcome = import_survey(tmp_path / "lan.xlsx", areas.vastervik)
    assert {(row[2], row[4]) for row in stored()} == {("Karstorp", 3.1), ("Västervik", 2.4)}
    assert (outcome.other_municipalities, outcome.larger_areas) == (1, 1)

    # The same code as a CSV written from Excel may have it.
    path = write(
        tmp_path,
        "kommunkod;område;år;antal svar;Problemindex\n883.0;Karstorp;2024;412;2,9\n"
        "861,0;Centrum;2024;90;1,0\n",
        "koder.csv",
        header="",
    )
    outcome = import_survey(path, areas.vastervik)
    assert (outcome.created, outcome.other_municipalities) == (1, 1)


def test_an_unknown_municipality_is_refused_naming_line_and_column(tmp_path, areas):
    path = write(tmp_path, LPO_TABLE.replace("Högsby;Berga", "Gamleby;Berga"), "lpo.csv", header="")
    with pytest.raises(ImportAborted) as refused:
        import_survey(path, areas.vastervik)
    message = str(refused.value)
    assert message.startswith('lpo.csv, rad 5, fält Kommun: "Gamleby" är varken Västervik'), message
    assert len(message) < 200  # not Sweden's 290 municipalities
    assert not SurveyResult.objects.exists() and not SurveyIndicator.objects.exists()


def test_a_row_for_another_municipality_is_not_read(tmp_path, areas):
    # Its area is unknown to Trygg and its values are no numbers: neither is an error here.
    path = write(
        tmp_path,
        "Västervik;Karstorp;2024;412;2,9;3,1\nHögsbys kommun;Fröreda;2024;;hög;..\n",
        "lpo.csv",
        header="Kommun;Område;År;Antal svar;Problemindex;Otrygghetsindex\n",
    )
    outcome = import_survey(path, areas.vastervik)
    assert (outcome.created, outcome.other_municipalities) == (2, 1)


def test_an_area_of_another_municipality(tmp_path, areas):
    karlshamn = Municipality.objects.get(name="Karlshamn")
    Area.objects.create(municipality=karlshamn, name="Mörrum", slug="morrum")
    Area.objects.create(municipality=karlshamn, name="Centrum", slug="centrum")
    path = police_table(tmp_path, "Karstorp;2024;412;2,9;3,1;18,5\nMörrum;2024;90;1;1;5\n")
    outcome = import_survey(path, areas.vastervik)
    assert (outcome.created, outcome.other_municipalities) == (3, 1)

    # A municipality column that gives the row to Västervik is believed: Centrum may
    # be an area Västervik has too but has not entered yet.
    path = write(
        tmp_path,
        "Västervik;Centrum;2024;90;1,0;1,0\n",
        "lpo.csv",
        header="Kommun;Område;År;Antal svar;Problemindex;Otrygghetsindex\n",
    )
    with pytest.raises(
        ImportAborted, match=r'lpo.csv, rad 2, fält area: "Centrum" är inget område'
    ):
        import_survey(path, areas.vastervik)


def test_merged_cells_in_a_workbook_hold_for_the_rows_they_span(tmp_path, areas):
    """A table made for reading: municipality and indicator merged over their rows."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Kommun", "Indikator", "Område", 2023, 2024, "Svarande 2023", "Svarande 2024"])
    sheet.append(["Västervik", "Otrygghetsindex", "Karstorp", 4.1, 4.6, 210, 198])
    sheet.append([None, None, "Västervik", 3.4, 3.3, 620, 610])
    sheet.append([None, "Problemindex", "Karstorp", 2.8, 2.9, 210, 198])
    sheet.append([None, None, "Totalt", 2.0, 2.1, 1840, 1812])
    sheet.append(["Högsby", "Otrygghetsindex", "Berga", 1.9, 2.0, 150, 140])
    sheet.append([None, None, "Totalt", 1.8, 1.8, 300, 290])
    sheet.merge_cells("A2:A5")
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("B4:B5")
    sheet.merge_cells("A6:A7")
    sheet.merge_cells("B6:B7")
    workbook.save(tmp_path / "sammanslagna.xlsx")

    outcome = import_survey(tmp_path / "sammanslagna.xlsx", areas.vastervik)
    assert stored() == [
        ("Otrygghetsindex", "mean", "Karstorp", 2023, 4.1, 210, None),
        ("Otrygghetsindex", "mean", "Karstorp", 2024, 4.6, 198, None),
        ("Otrygghetsindex", "mean", "Västervik", 2023, 3.4, 620, None),
        ("Otrygghetsindex", "mean", "Västervik", 2024, 3.3, 610, None),
        ("Problemindex", "mean", WHOLE, 2023, 2.0, 1840, None),
        ("Problemindex", "mean", WHOLE, 2024, 2.1, 1812, None),
        ("Problemindex", "mean", "Karstorp", 2023, 2.8, 210, None),
        ("Problemindex", "mean", "Karstorp", 2024, 2.9, 198, None),
    ]
    # Högsby's rows, the merged one included, are another municipality's.
    assert outcome.other_municipalities == 2


def test_grouped_rows_in_a_csv_take_the_value_above(tmp_path, areas):
    # As a CSV saved from such a workbook has it: the group's name on its first row only.
    path = write(
        tmp_path,
        "Område;År;Antal svar;Otrygghetsindex\nKarstorp;2023;210;4,1\n;2024;198;4,6\n"
        "Västervik;2024;610;3,3\n",
        header="",
    )
    import_survey(path, areas.vastervik)
    assert [(row[2], row[3]) for row in stored()] == [
        ("Karstorp", 2023),
        ("Karstorp", 2024),
        ("Västervik", 2024),
    ]
    # Only an empty cell is filled: a year is never taken from the row above.
    gap = write(tmp_path, "Område;År;Antal svar;Otrygghetsindex\nKarstorp;;198;4,6\n", "ar.csv", "")
    with pytest.raises(ImportAborted, match="ar.csv, rad 2, fält year"):
        import_survey(gap, areas.vastervik)
