"""Exact crime codes for klotter, inbrott, rån, stöld, misshandel, olaga hot and narkotika.

0003 mapped police report codes by chapter prefix and left out the specific
codes it could not verify. They are checked here against Brå's list of crime
codes as published in its statistics database SOL (statistik.bra.se), in the
export "reference/brottskoder_sol.csv" of the repository
overjoyde/bra-kriminalstatistik (all 1 361 codes including ended ones, SOL
2026-09-24; its 9357–9364 read as in Brå's "Klassificering av brott" 6.0,
bra.se 2017-12-29, which is how the export was cross-checked). What was found:

- klotter: 1208 "klotter mot kollektivtrafik", 1209 "klotter övrigt", and 1207
  "Klotter" (ended 2005, still in older extracts). 12* keeps the rest of
  chapter 12 as skadegörelse (1203/1212 "Annan skadegörelse (ej klotter)").
- bostadsinbrott: 9801 "Inbrottsstöld, fullbordat, i villa/radhus", 9802 "… i
  lägenhet", 0857 and 0874 the attempts, 0826 fritidshus, 9831/9832 other homes;
  0824, 0843, 0844 are the ended older codes. The other "Inbrottsstöld i …" codes
  (school, shop, office, cellar …) are burglaries too and go to inbrott as well.
- rån: every "Rån …" code, 0855–0899 in chapter 8 and 9806–9813 (robbery of a
  private person) in the 98xx block.
- stöld ur/från motorfordon: 9827 and 9828 (0840 ended 2018). These and the
  other theft codes 98xx (9803–9834) lie outside 08*, so were unmapped.
- misshandel: 9301–9388 (children, and adults known to the victim), and the
  attempted murder codes 9389–9399; only 9357–9364 were mapped before.
- olaga hot: 9432–9447 (adults, internet-related or not); 04* already covers
  the 04xx codes.
- narkotika: 5001, 5004, 5005, 5010, 5011 (narkotikastrafflagen; 5006 and 5012
  ended), and the smuggling codes 4046, 4047, 4054, 4066, 4141. The prefix 50*
  that 0003 mapped to narkotika is wrong: 50xx also holds tax crimes (5020–5026,
  5088–5099), the alcohol act (5040–5049), benefit fraud (5060–5075), insider
  crimes and ordningslagen (5084–5087). It is removed, unless a coordinator has
  pointed it elsewhere.
- bedrägeri: nothing to add; 0901–0999 are all chapter 9, as 09* has it (0930 is
  "Häleri - tillfällig, häleriförseelse", also chapter 9).

Codes that already have a mapping are left as they are.
"""

from django.db import migrations

SOURCE = "police_report"


def codes(*spans: tuple[int, int], skip: tuple[int, ...] = ()) -> list[str]:
    """Four-digit codes for inclusive ranges, leaving out codes absent from the list."""
    return [
        f"{code:04d}" for first, last in spans for code in range(first, last + 1) if code not in skip
    ]


KLOTTER = ["1207", "1208", "1209"]
INBROTT = [
    # Homes: villa/radhus, lägenhet, fritidshus, other homes; attempts; ended codes.
    "9801", "9802", "0857", "0874", "0826", "9831", "9832", "0824", "0843", "0844",
    # Other premises: "Inbrottsstöld i …" and "Stöld, annan stöld medelst inbrott".
    *codes((810, 813), (815, 823)), "0825", "0827", "0829", "0830", "0886",
]
RAN = [
    "0855", "0856", *codes((862, 873)), *codes((877, 879)), "0890",
    "0892", "0893", *codes((894, 899)), *codes((9806, 9813)),
]
STOLD = [*codes((9803, 9804), (9814, 9830)), "9833", "9834"]
VALD = codes((9301, 9356), (9365, 9399), skip=(9342,))
HOT = codes((9432, 9447))
NARKOTIKA = ["5001", "5004", "5005", "5006", "5010", "5011", "5012"]
NARKOTIKA += ["4046", "4047", "4054", "4066", "4141"]

TABLE = {
    **dict.fromkeys(KLOTTER, "klotter"),
    **dict.fromkeys(INBROTT, "inbrott"),
    **dict.fromkeys(RAN, "ran"),
    **dict.fromkeys(STOLD, "stold"),
    **dict.fromkeys(VALD, "vald"),
    **dict.fromkeys(HOT, "hot"),
    **dict.fromkeys(NARKOTIKA, "narkotika"),
}
WRONG_PREFIX = ("50*", "narkotika")


def add_codes(apps, schema_editor):
    Category = apps.get_model("incidents", "Category")
    CategoryMapping = apps.get_model("incidents", "CategoryMapping")
    categories = {category.slug: category for category in Category.objects.all()}
    for code, slug in TABLE.items():
        if slug in categories:
            CategoryMapping.objects.get_or_create(
                source=SOURCE, code=code, defaults={"category": categories[slug]}
            )
    prefix, slug = WRONG_PREFIX
    CategoryMapping.objects.filter(source=SOURCE, code=prefix, category__slug=slug).delete()


def remove_codes(apps, schema_editor):
    """Undo: drop the codes as this migration set them, and give 50* back to narkotika."""
    Category = apps.get_model("incidents", "Category")
    CategoryMapping = apps.get_model("incidents", "CategoryMapping")
    for code, slug in TABLE.items():
        CategoryMapping.objects.filter(source=SOURCE, code=code, category__slug=slug).delete()
    prefix, slug = WRONG_PREFIX
    category = Category.objects.filter(slug=slug).first()
    if category is not None:
        CategoryMapping.objects.get_or_create(
            source=SOURCE, code=prefix, defaults={"category": category}
        )


class Migration(migrations.Migration):
    dependencies = [("incidents", "0005_covering_lagesbild_index")]

    operations = [migrations.RunPython(add_codes, remove_codes)]
