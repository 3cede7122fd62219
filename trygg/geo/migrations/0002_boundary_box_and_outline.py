"""Beside each boundary its bounding box and its outline for maps, kept by Area.save()."""

from django.db import migrations, models

from trygg.geo.geometry import outline, readable_polygon


def from_boundaries(apps, schema_editor):
    """The box and the outline of every boundary stored so far (Area.keep_from_boundary)."""
    Area = apps.get_model("geo", "Area")
    for area in Area.objects.filter(geometry__isnull=False).iterator():
        shape = readable_polygon(area.geometry)
        if shape is None:
            continue
        area.west, area.south, area.east, area.north = shape.bounds
        area.outline = outline(shape)
        area.save(update_fields=["west", "south", "east", "north", "outline"])


class Migration(migrations.Migration):
    dependencies = [
        ("geo", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="area",
            name="west",
            field=models.FloatField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="area",
            name="south",
            field=models.FloatField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="area",
            name="east",
            field=models.FloatField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="area",
            name="north",
            field=models.FloatField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="area",
            name="outline",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(from_boundaries, migrations.RunPython.noop),
    ]
