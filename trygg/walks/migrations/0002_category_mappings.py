"""Default categories in the lägesbild for the findings of safety walks.

A finding becomes an incident of source "safety_walk" whose category is looked
up in CategoryMapping by the finding's category code, like every other source's
codes. Coordinators change these in the admin; rows that already exist are left
as they are.
"""

from django.db import migrations

FINDING_CATEGORIES = {
    "belysning": "otrygg-plats",
    "skymd_sikt": "otrygg-plats",
    "klotter": "klotter",
    "nedskrapning": "nedskrapning",
    "trasig_utrustning": "skadegorelse",
    "otrygg_passage": "otrygg-plats",
    "annat": "ovrigt",
}


def add_mappings(apps, schema_editor):
    Category = apps.get_model("incidents", "Category")
    CategoryMapping = apps.get_model("incidents", "CategoryMapping")
    categories = {c.slug: c for c in Category.objects.filter(slug__in=FINDING_CATEGORIES.values())}
    for code, slug in FINDING_CATEGORIES.items():
        if slug in categories:
            CategoryMapping.objects.get_or_create(
                source="safety_walk", code=code, defaults={"category": categories[slug]}
            )


def remove_mappings(apps, schema_editor):
    CategoryMapping = apps.get_model("incidents", "CategoryMapping")
    CategoryMapping.objects.filter(source="safety_walk", code__in=FINDING_CATEGORIES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("walks", "0001_initial"),
        ("incidents", "0003_default_mappings"),
    ]

    operations = [migrations.RunPython(add_mappings, remove_mappings)]
