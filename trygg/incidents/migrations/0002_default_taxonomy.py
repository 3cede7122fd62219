"""The default category taxonomy. Coordinators may rename, add and reorder."""

from django.db import migrations

CATEGORIES = [
    ("skadegorelse", "Skadegörelse"),
    ("klotter", "Klotter"),
    ("nedskrapning", "Nedskräpning"),
    ("samlingsplats", "Stökiga ungdomar/samlingsplats"),
    ("narkotika", "Narkotika"),
    ("vald", "Våld"),
    ("hot", "Hot"),
    ("ran", "Rån"),
    ("inbrott", "Inbrott"),
    ("stold", "Stöld"),
    ("brand", "Brand"),
    ("trafik", "Trafik"),
    ("bedrageri", "Bedrägeri"),
    ("ordningsstorning", "Ordningsstörning"),
    ("otrygg-plats", "Otrygg plats"),
    ("ovrigt", "Övrigt"),
]


def add_categories(apps, schema_editor):
    Category = apps.get_model("incidents", "Category")
    for order, (slug, name) in enumerate(CATEGORIES, start=1):
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("incidents", "0001_initial")]

    operations = [migrations.RunPython(add_categories, migrations.RunPython.noop)]
