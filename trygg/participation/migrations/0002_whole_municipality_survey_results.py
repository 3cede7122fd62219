"""Survey results for the whole municipality: a result names its municipality, its area may be empty."""

import django.db.models.deletion
from django.db import migrations, models


def municipality_from_area(apps, schema_editor):
    """Every result so far had an area; its municipality is the area's."""
    SurveyResult = apps.get_model("participation", "SurveyResult")
    Area = apps.get_model("geo", "Area")
    for area_id, municipality_id in Area.objects.filter(
        survey_results__isnull=False
    ).values_list("pk", "municipality_id").distinct():
        SurveyResult.objects.filter(area_id=area_id).update(municipality_id=municipality_id)


class Migration(migrations.Migration):
    dependencies = [
        ("geo", "0001_initial"),
        ("participation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="surveyresult",
            name="municipality",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="survey_results",
                to="geo.municipality",
                verbose_name="municipality",
            ),
        ),
        migrations.RunPython(municipality_from_area, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="surveyresult",
            name="municipality",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="survey_results",
                to="geo.municipality",
                verbose_name="municipality",
            ),
        ),
        migrations.AlterField(
            model_name="surveyresult",
            name="area",
            field=models.ForeignKey(
                blank=True,
                help_text="Left empty, the result is the whole municipality's.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="survey_results",
                to="geo.area",
                verbose_name="area",
            ),
        ),
        migrations.RemoveConstraint(
            model_name="surveyresult",
            name="one_survey_result_per_key",
        ),
        migrations.AddConstraint(
            model_name="surveyresult",
            constraint=models.UniqueConstraint(
                condition=models.Q(("area__isnull", False)),
                fields=("indicator", "area", "year"),
                name="one_survey_result_per_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="surveyresult",
            constraint=models.UniqueConstraint(
                condition=models.Q(("area__isnull", True)),
                fields=("indicator", "municipality", "year"),
                name="one_whole_municipality_survey_result_per_key",
            ),
        ),
        migrations.AlterModelOptions(
            name="surveyresult",
            options={
                "ordering": ["indicator", "municipality", "area", "year"],
                "verbose_name": "survey result",
                "verbose_name_plural": "survey results",
            },
        ),
    ]
