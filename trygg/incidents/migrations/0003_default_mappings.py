"""Default category mappings for police events and police report crime codes.

Coordinators edit these in the admin; this only gives a fresh install a
working lägesbild. Rows that already exist are left as they are.
"""

from django.db import migrations

# Event types as the police's public events API writes them.
POLICE_EVENT_TYPES = {
    "Misshandel": "vald",
    "Misshandel, grov": "vald",
    "Mord/dråp": "vald",
    "Mord/dråp, försök": "vald",
    "Skottlossning": "vald",
    "Skottlossning, misstänkt": "vald",
    "Våld/hot mot tjänsteman": "vald",
    # Explosions (sprängningar) are nearly always attacks on people or property.
    "Explosion": "vald",
    "Olaga hot": "hot",
    "Hot": "hot",
    "Rån": "ran",
    "Rån väpnat": "ran",
    "Rån, försök": "ran",
    "Rån övrigt": "ran",
    "Stöld": "stold",
    "Stöld, försök": "stold",
    "Snatteri": "stold",
    "Stöld/inbrott": "inbrott",
    "Inbrott": "inbrott",
    "Inbrott, försök": "inbrott",
    "Skadegörelse": "skadegorelse",
    "Klotter": "klotter",
    "Brand": "brand",
    "Mordbrand": "brand",
    "Narkotikabrott": "narkotika",
    "Trafikolycka": "trafik",
    "Trafikolycka, personskada": "trafik",
    "Trafikolycka, singel": "trafik",
    "Trafikolycka, smitning från": "trafik",
    "Trafikolycka, vilt": "trafik",
    "Trafikbrott": "trafik",
    "Rattfylleri": "trafik",
    "Olovlig körning": "trafik",
    "Bråk": "ordningsstorning",
    "Ordningslagen": "ordningsstorning",
    "Fylleri/LOB": "ordningsstorning",
    "Ofredande/förargelse": "ordningsstorning",
    "Brott mot knivlagen": "ordningsstorning",
    "Bedrägeri": "bedrageri",
}

# Crime codes (brottskoder) from Brå's "Klassificering av brott". The first two
# digits follow the chapter of the Penal Code (brottsbalken), so a code ending
# in "*" maps a whole chapter; the importer tries exact codes first, then the
# longest matching prefix. Only what we know reliably is listed:
# - 03xx: 3 kap. BrB, crimes against life and health (mord, dråp, misshandel);
# - 04xx: 4 kap. BrB, crimes against liberty and peace (olaga hot, ofredande);
#   hemfridsbrott is also here, so some rows land under "hot";
# - 08xx: 8 kap. BrB, theft and robbery; rån is also in this chapter, and
#   inbrott codes are not split out here: add exact codes for rån, bostadsinbrott
#   and stöld ur motorfordon locally once checked against the current list;
# - 09xx: 9 kap. BrB, fraud (bedrägeri; 0998 confirms the block);
# - 12xx: 12 kap. BrB, criminal damage (skadegörelse, including klotter);
#   the exact klotter codes are left out because we could not verify them;
# - 50xx: narkotikastrafflagen (innehav, eget bruk, överlåtelse);
# - 9357–9364: misshandel utomhus, introduced 2018 (verified exact codes).
# Specific codes for klotter, bostadsinbrott and stöld ur motorfordon are
# deliberately missing: we could not verify them, and a wrong mapping is worse
# than an unmapped code, which shows up as "no category" for a coordinator.
POLICE_REPORT_CODES = {
    "03*": "vald",
    "04*": "hot",
    "08*": "stold",
    "09*": "bedrageri",
    "12*": "skadegorelse",
    "50*": "narkotika",
    **{str(code): "vald" for code in range(9357, 9365)},
}


def add_mappings(apps, schema_editor):
    Category = apps.get_model("incidents", "Category")
    CategoryMapping = apps.get_model("incidents", "CategoryMapping")
    categories = {category.slug: category for category in Category.objects.all()}
    for source, table in (
        ("police_event", POLICE_EVENT_TYPES),
        ("police_report", POLICE_REPORT_CODES),
    ):
        for code, slug in table.items():
            if slug in categories:
                CategoryMapping.objects.get_or_create(
                    source=source, code=code, defaults={"category": categories[slug]}
                )


class Migration(migrations.Migration):
    dependencies = [("incidents", "0002_default_taxonomy")]

    operations = [migrations.RunPython(add_mappings, migrations.RunPython.noop)]
