"""The five real documents, written out as data: who, where, which agreements and promises.

Everything here comes from the documents in `shared/seeds/` (a Västervik
promise for 2025 and one for 2020, the Högsby–Mönsterås promise for 2024–2025,
the Karlshamn promise for September–December 2023 and the Karlshamn agreement
2021–2024). Commitment texts are copied word for word, typos included, so that
what the demo shows citizens is what was actually promised; the only change is
that the documents' italics markers (`*Tistel*`) are left out. The test suite
checks every text against the documents.

Where a document leaves a target open to reading (a date like "under våren", a
count like "minst en medborgardialog för centrala Högsby och centrala
Mönsterås"), the comment beside the commitment says how it was read and why.

The boundaries of the areas are in `areas.geojson`; the made-up activity log is
in `synthetic.py`, kept apart so that nothing invented is mixed with the documents.
"""

from dataclasses import dataclass, field
from datetime import date

# ---------------------------------------------------------------------------
# Municipalities (SCB codes) and organisations
# ---------------------------------------------------------------------------

VASTERVIK = "0883"
HOGSBY = "0821"
MONSTERAS = "0861"
KARLSHAMN = "1082"

# SCB code -> (name, county)
MUNICIPALITIES: dict[str, tuple[str, str]] = {
    VASTERVIK: ("Västervik", "Kalmar län"),
    HOGSBY: ("Högsby", "Kalmar län"),
    MONSTERAS: ("Mönsterås", "Kalmar län"),
    KARLSHAMN: ("Karlshamn", "Blekinge län"),
}

# Organisation slugs, used throughout the seeds.
LPO_VASTERVIK = "lpo-vastervik"
LPO_KARLSHAMN = "lpo-karlshamn"
VASTERVIKS_KOMMUN = "vasterviks-kommun"
HOGSBY_KOMMUN = "hogsby-kommun"
MONSTERAS_KOMMUN = "monsteras-kommun"
KARLSHAMNS_KOMMUN = "karlshamns-kommun"
REGION_KALMAR = "region-kalmar-lan"
NATTVANDRARE_KARLSHAMN = "nattvandrande-foreningar-i-karlshamn"


@dataclass(frozen=True)
class OrganisationSeed:
    slug: str
    name: str
    kind: str
    municipalities: tuple[str, ...]


ORGANISATIONS: list[OrganisationSeed] = [
    # "LPO Västervik covers Västervik, Högsby, Mönsterås" (DESIGN.md; the Högsby–Mönsterås
    # promise is signed by its chief).
    OrganisationSeed(
        LPO_VASTERVIK, "Lokalpolisområde Västervik", "police", (VASTERVIK, HOGSBY, MONSTERAS)
    ),
    OrganisationSeed(LPO_KARLSHAMN, "Lokalpolisområde Karlshamn", "police", (KARLSHAMN,)),
    OrganisationSeed(VASTERVIKS_KOMMUN, "Västerviks kommun", "municipality", (VASTERVIK,)),
    OrganisationSeed(HOGSBY_KOMMUN, "Högsby kommun", "municipality", (HOGSBY,)),
    OrganisationSeed(MONSTERAS_KOMMUN, "Mönsterås kommun", "municipality", (MONSTERAS,)),
    OrganisationSeed(KARLSHAMNS_KOMMUN, "Karlshamns kommun", "municipality", (KARLSHAMN,)),
    # The Västervik 2025 promise: "familjecentralerna i kommunen där kommunen och regionen
    # samverkar kring föräldrar och barn". The region is not itself responsible for a
    # commitment there, but it is a party users will want to add.
    OrganisationSeed(REGION_KALMAR, "Region Kalmar län", "region", (VASTERVIK, HOGSBY, MONSTERAS)),
    # The Karlshamn 2023 promise: "Öka vuxennärvaron kvällstid genom nattvandrande
    # föreningar". They walk; the municipality promised the walks.
    OrganisationSeed(
        NATTVANDRARE_KARLSHAMN, "Nattvandrande föreningar i Karlshamn", "association", (KARLSHAMN,)
    ),
]


# ---------------------------------------------------------------------------
# Named places (points). The areas they lie in are found from areas.geojson.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceSeed:
    key: str
    municipality: str
    name: str
    latitude: float
    longitude: float


# Approximate positions (WGS 84), good enough to land in the right demo area.
PLACES: list[PlaceSeed] = [
    PlaceSeed("stora-torget", VASTERVIK, "Stora torget", 57.7578, 16.6375),
    PlaceSeed("resecentrum-vastervik", VASTERVIK, "Resecentrum Västervik", 57.7560, 16.6310),
    PlaceSeed("karstorp", VASTERVIK, "Karstorp, Dichmansgatan", 57.7490, 16.6180),
    PlaceSeed("edsbruk-centrum", VASTERVIK, "Edsbruk centrum", 58.0300, 16.4700),
    PlaceSeed("ankarsrum-centrum", VASTERVIK, "Ankarsrum centrum", 57.7000, 16.3300),
    PlaceSeed("hogsby-centrum", HOGSBY, "Högsby centrum", 57.1700, 16.0300),
    PlaceSeed("monsteras-centrum", MONSTERAS, "Mönsterås centrum", 57.0410, 16.4440),
    PlaceSeed("stortorget-karlshamn", KARLSHAMN, "Stortorget", 56.1707, 14.8633),
    PlaceSeed("vagga-gymnasieskola", KARLSHAMN, "Vägga gymnasieskola", 56.1625, 14.8515),
    PlaceSeed("morrum-centrum", KARLSHAMN, "Mörrum centrum", 56.1900, 14.7470),
    PlaceSeed("norrevang", KARLSHAMN, "Norrevång, Mörrum", 56.1975, 14.7450),
    PlaceSeed("asarum-centrum", KARLSHAMN, "Asarum centrum", 56.2035, 14.8300),
    PlaceSeed("svangsta-centrum", KARLSHAMN, "Svängsta centrum", 56.2700, 14.7800),
]


# ---------------------------------------------------------------------------
# Agreements and forums
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str


@dataclass(frozen=True)
class CollaborationAreaSeed:
    number: str
    title: str
    text: str = ""


@dataclass(frozen=True)
class AgreementSeed:
    slug: str
    title: str
    parties: tuple[str, ...]
    municipalities: tuple[str, ...]
    period_start: date
    period_end: date
    signed_on: date | None = None
    signed_at: str = ""
    signatories: tuple[Signatory, ...] = ()
    introduction: str = ""
    follow_up_text: str = ""
    areas: tuple[CollaborationAreaSeed, ...] = ()


KARLSHAMN_AGREEMENT = "karlshamn-2021-2024"
VASTERVIK_AGREEMENT_2025 = "vastervik-2025-2027"
VASTERVIK_AGREEMENT_2016 = "vastervik-2016-2020"

AGREEMENTS: list[AgreementSeed] = [
    # 004: the whole agreement, in its own words.
    AgreementSeed(
        slug=KARLSHAMN_AGREEMENT,
        title=(
            "Samverkansöverenskommelse mellan Karlshamns kommun och Polismyndigheten "
            "för ökad trygghet"
        ),
        parties=(KARLSHAMNS_KOMMUN, LPO_KARLSHAMN),
        municipalities=(KARLSHAMN,),
        period_start=date(2021, 1, 1),
        period_end=date(2024, 12, 31),
        signed_on=date(2021, 3, 16),
        signed_at="Karlshamn",
        signatories=(
            Signatory("Per-Ola Mattsson", "Kommunstyrelsens ordförande"),
            Signatory("Louise Englund", "Lokalpolisområdeschef"),
        ),
        introduction=(
            "Samverkansöverenskommelsen mellan Karlshamns kommun och Polismyndigheten ska "
            "ligga till grund för det operativa brottsförebyggande arbetet i kommunen med "
            "målet att verka för en minskad brottslighet och ökad trygghet. Överenskommelsen "
            "ska ange de yttre ramarna för samverkan kring den brottsförebyggande verksamheten "
            "samt lyfta fram områden där åtgärder är möjliga. I överenskommelsen definieras "
            "samverkansområden för avtalstiden. Hur arbetet ska bedrivas inom dessa områden "
            "konkretiseras i en till samverkansöverenskommelsen kopplad handlingsplan.\n\n"
            "Överenskommelsen undertecknas av kommunstyrelsens ordförande i Karlshamns kommun "
            "och chefen för Lokalpolisområde Karlshamn.\n\n"
            "Brottsförebyggande rådet, lokala Brå, har en viktig roll i att följa upp och se "
            "till att samverkansöverenskommelsen kring det brottsförebyggande arbetet fullföljs. "
            "Trygghetssamordnaren och kommunpolisen ska vara den naturliga länken mellan lokala "
            "Brå och polismyndigheten. I lokala Brå skapas korta och tidseffektiva beslutsvägar "
            "mellan de samverkande parterna."
        ),
        follow_up_text=(
            "Överenskommelsen gäller från 2021-01-01 till och med 2024-12-31 och ska vid "
            "periodens slut följas upp av representanter från Karlshamns kommun samt "
            "lokalpolisområde Karlshamn."
        ),
        areas=(
            CollaborationAreaSeed(
                "1",
                "Trygghetsmätningar",
                "Sedan ett antal år tillbaka genomförs trygghetsmätningar i syfte att ta reda "
                "på hur allmänheten uppfattar sin omgivning ur ett trygghetsperspektiv. "
                "Mätningarna ger en god bild av allmänhetens uppfattning i olika frågor och bör "
                "ligga till grund för planering av brottsförebyggande- och trygghetsskapande "
                "insatser. Insatserna ska genomföras av såväl polis som andra aktörer i "
                "samhället. Trygghetsmätningarna ska till lika delar samfinansieras av "
                "Polismyndigheten och Karlshamns kommun.",
            ),
            # Printed as a heading only; its text is in 2.1–2.3.
            CollaborationAreaSeed("2", "Medborgarinflytande"),
            CollaborationAreaSeed(
                "2.1",
                "Medborgardialog",
                "Dialog med företrädare för kommunen och för den lokala polisverksamheten är "
                "efterfrågad av invånarna. Polisens målsättning är att i så hög utsträckning som "
                "möjligt delta i dialogmöten tillsammans med kommunens representanter. Detta "
                "främjar kontaktnätet i lokalsamhället och ger invånarna möjlighet att få svar på "
                "frågor om den lokala verksamheten. Dialogerna är också en del i arbetet med "
                "framtagandet av den lokala lägesbilden. Medborgarna får på detta sätt möjlighet "
                "att i högre utsträckning bli en del av det lokala brottsförebyggande och "
                "trygghetsskapande arbetet.",
            ),
            CollaborationAreaSeed(
                "2.2",
                "Medborgarlöfte",
                "Medborgarlöften handlar om att arbeta med den lokala problembilden och syftar "
                "till att öka tryggheten och minska brottsligheten i lokalsamhället. Genom "
                "medborgarlöften berättar polis och kommun hur de tillsammans avser att arbeta "
                "brottsförebyggande och trygghetsskapande inom specifika områden.",
            ),
            CollaborationAreaSeed(
                "2.3",
                "Trygghetsvandringar",
                "Trygghetsvandringar är en effektiv metod för att upptäcka och åtgärda platser "
                "som upplevs otrygga eller bedöms vara osäkra. Metodens grundtanke är att de som "
                "bor och verkar i lokalsamhället har störst kunskap om det. Inför en "
                "trygghetsvandring bjuds flera olika aktörer in, till exempel berörda "
                "representanter från lokala Brå, polis, medborgare, "
                "samhällsbyggnadsförvaltningen inom kommunen, hyresvärdar, "
                "bostadsrättsföreningar och bostadsområden. På så sätt främjas samarbeten mellan "
                "olika kompetenser i samhället. En trygghetsvandring blir också ett demokratiskt "
                "verktyg för medborgarna att förmedla sina åsikter till beslutsfattare i "
                "kommunen. Som ett led i trygghetsarbetet kan Brå också verka för att få boende i "
                "bostadsområden att arbeta efter de utarbetade metoder som finns för ett "
                "strukturerat trygghetsarbete. I detta arbete kan också hyresvärdar, "
                "bostadsområden och bostadsrättsföreningar involveras.",
            ),
            CollaborationAreaSeed(
                "3",
                "Våld i nära relation",
                "Polisens arbete med personer som utsatts för våld i nära relation har under de "
                "senaste åren utvecklats mycket. För att stötta våldsutsatta personer i deras "
                "beslut att förändra sin livssituation är möjligheten att snabbt få tillgång "
                "till ett skyddat boende helt avgörande. Kommunens socialtjänst är "
                "samarbetspartner i detta arbete.",
            ),
            # The scanned page carries the signatories' initials ("R L.E") between the two
            # paragraphs of this area; they are a page mark, not text, and are left out.
            CollaborationAreaSeed(
                "4",
                "Alkohol, narkotika, doping och tobak",
                "Samverkan i lokala frågor om ANDT ska följa den nationella strategins "
                "övergripande mål: ett samhälle fritt från narkotika och doping, med minskade "
                "medicinska och sociala skador orsakade av alkohol och ett minskat tobaksbruk."
                "\n\n"
                "Grunden för det hälsofrämjande och förebyggande arbetet ska vara att skydda "
                "barn och unga mot eget och andras skadliga bruk. ANDT-arbetet ska bidra till "
                "att sluta påverkbara hälsoklyftor. Det innebär att jämlikhets- och "
                "jämställdhetsperspektivet ska uppmärksammas i ANDT-arbetet på alla nivåer. I "
                "det förebyggande arbetet är också tillsyn av serverings- och försäljningsställen "
                "ett viktigt verktyg.",
            ),
            CollaborationAreaSeed(
                "5",
                "Barn och unga",
                "Barn, ungdomar och unga vuxna är grupper som samhället särskilt ska stötta och "
                "skydda. Brottsförebyggande verksamhet som syftar till att minska utsatthet i "
                "dessa grupper ska särskilt prioriteras. Viktiga samverkansparters i detta arbete "
                "är polisen och representanter från samtliga kommunala förvaltningar samt "
                "räddningstjänsten.",
            ),
            CollaborationAreaSeed(
                "6",
                "Trafiksäkerhet",
                "Trafikolyckor medför ofta stort personligt lidande för de inblandade parterna "
                "samtidigt som samhällets kostnader kan bli stora. Trafikfrågor har också visat "
                "sig ha stort inflytande på trygghetskänslan på de platser där människor bor och "
                "vistas. Ett aktivt förebyggande arbete bör göras främst med inriktning mot de "
                "trafikolyckor där barn och ungdomar kan tänkas bli offer. Nära samarbete mellan "
                "polis, samhällsbyggnadsförvaltning och utbildningsförvaltning är viktigt.",
            ),
            CollaborationAreaSeed(
                "7",
                "Bostadsinbrott",
                "Kommunen och polisen har en gemensam målsättning att arbeta för att minska "
                "antalet bostadsinbrott och genom detta öka tryggheten bland invånarna.",
            ),
            CollaborationAreaSeed(
                "7.1",
                "Grannsamverkan",
                "Bostadsinbrott drabbar årligen några av kommunens invånare. Dessa inbrott "
                "riktas både mot flerfamiljshus, villor och fritidshus. Att drabbas av inbrott "
                "upplevs i regel som mycket integritetskränkande. De boende kan i samverkan med "
                "polis, kommun, försäkringsbolag och andra instanser själva vidta åtgärder för "
                "att minska risken att bli utsatta genom att arbeta med det nationella konceptet "
                '"Grannsamverkan".',
            ),
            CollaborationAreaSeed(
                "8",
                "Brottsoaktiva",
                "De brottsoaktiva är få men står för en stor andel av den totala "
                "brottsligheten. De har ofta ett pågående missbruk som i sin tur också ofta leder "
                "till ordningsstörningar och otrygghet i samhället. För att nå största möjliga "
                "effekt av polisens insatser mot dessa problem måste samverkan ske med andra "
                "myndigheter och organisationer. Ett framgångsrikt och hållbart arbete mot "
                "brottsoaktivas brottslighet förutsätter samverkan kring missbruksvård, bostad, "
                "arbete eller meningsfull sysselsättning. Kommunen är här en viktig "
                "samverkanspart.",
            ),
            CollaborationAreaSeed(
                "9",
                "Våldsbejakande extremism",
                "Våldsbejakande extremism är ett samlingsbegrepp för rörelser, ideologier eller "
                "miljöer som inte accepterar en demokratisk samhällsordning och som främjar våld "
                "för att uppnå ett ideologiskt mål. Begreppet avser den våldsbejakande "
                "islamistiska miljön, den våldsbejakande högerextremistiska vit makt-miljön, den "
                "våldsbejakande vänsterextremistiska autonoma miljön samt våldsamma "
                "djurrättsaktivister. Polisen och kommunen är två av huvudaktörerna för att kunna "
                "bygga lokala nätverk som motverkar radikaliserings och extremism. "
                "Områdesgrupperna är exempel på sådana viktiga nätverk.",
            ),
            CollaborationAreaSeed(
                "10",
                "Avhopparverksamhet",
                "En viktig åtgärd för att förebygga och bekämpa brottslighet och våldsbejakande "
                "extremism är att fler individer får det stöd de behöver från samhället för att "
                "kunna lämna dessa miljöer. Ofta är det en lång och svår process där de "
                "individuella behoven är många och skiftande. Kriminalvården är nationell "
                "samordnande myndighet för arbetet. I det lokala perspektivet är kommunens "
                "socialtjänst samordnande i arbetet som även kräver insatser från "
                "polismyndigheten men i många fall också från andra myndigheter.",
            ),
            CollaborationAreaSeed(
                "11",
                "Organiserad brottslighet",
                "Den organiserade brottsligheten förser marknaden med och får sin inkomst från "
                'illegala eller "skattefria" varor och tjänster som narkotika, alkohol, vapen, '
                "svartarbete och sexuella tjänster. Den organiserade brottsligheten ligger också "
                "bakom en viss del av stöldbrottsligheten, som rån- och häleribrott, samt använder "
                "sig av indrivnings- och beskyddarverksamhet. Den organiserade brottsligheten är "
                "inte något abstrakt fenomen som svävar över stater och nationsgränser utan har "
                "sin lokala förankring på en sälj- och köpmarknad. Det är också därför som det "
                "med god samverkan går att förebygga brottsligheten på lokalplanet.",
            ),
        ),
    ),
    # 000 names this agreement ("Polisens och kommunens samverkansöverenskommelse 2025-2027")
    # and lists its eight priority areas, but gives neither their texts nor the signatories.
    # The areas are unnumbered bullets in the document, so they carry no number here either.
    AgreementSeed(
        slug=VASTERVIK_AGREEMENT_2025,
        title=(
            "Samverkansöverenskommelse 2025–2027, Västerviks kommun och Lokalpolisområde Västervik"
        ),
        parties=(VASTERVIKS_KOMMUN, LPO_VASTERVIK),
        municipalities=(VASTERVIK,),
        period_start=date(2025, 1, 1),
        period_end=date(2027, 12, 31),
        introduction=(
            "Polisens och kommunens samverkansöverenskommelse 2025-2027 utgör fundamentet för "
            "vår samverkan i brottsförebyggande frågor i Västerviks kommun. I den beskrivs den "
            "gemensamma visionen, de övergripande målen och de gemensamt prioriterade områdena "
            "för vårt brottsförebyggande arbete."
        ),
        areas=(
            CollaborationAreaSeed("", "Organiserad brottslighet och kriminella gäng"),
            CollaborationAreaSeed("", "Ungdomskriminalitet och normbrytande unga"),
            CollaborationAreaSeed("", "Våld och andra brott i nära relation"),
            CollaborationAreaSeed("", "Hedersförtryck"),
            # Spelled so in the document's list (the heading further down says "Välfärds-").
            CollaborationAreaSeed("", "Valfärdsbrottslighet och annan kriminell ekonomi"),
            CollaborationAreaSeed("", "Brottskoncentrationer kopplade till tider och platser"),
            CollaborationAreaSeed("", "Narkotika- och alkoholrelaterade brott"),
            CollaborationAreaSeed("", "Trafikbrott"),
        ),
    ),
    # 001 opens: 'I "Överenskommelse samverkan polis – kommun 2016-2020" är gemensamt
    # medborgarlöfte en del i överenskommelsen.' The period is read from that title; the
    # document quotes the agreement's overall goals, nothing else of it.
    AgreementSeed(
        slug=VASTERVIK_AGREEMENT_2016,
        title="Överenskommelse samverkan polis – kommun 2016-2020",
        parties=(VASTERVIKS_KOMMUN, LPO_VASTERVIK),
        municipalities=(VASTERVIK,),
        period_start=date(2016, 1, 1),
        period_end=date(2020, 12, 31),
        introduction=(
            "Övergripande mål i samverkan är\n\n"
            "- Olyckorna och brottsligheten i kommunen ska minska\n"
            "- Känslan av trygghet ska öka\n"
            "- Fler ska känna delaktighet och ansvar i det förebyggande arbetet"
        ),
    ),
]


@dataclass(frozen=True)
class ForumSeed:
    slug: str
    name: str
    kind: str
    members: tuple[str, ...]
    agreement: str | None = None
    description: str = ""


# Who the områdesgrupper are, in the agreement's words (004).
_AREA_GROUP_DESCRIPTION = (
    "Områdesgrupperna består av rektorer för aktuella skolor, kuratorer, skolsköterskor, "
    "handläggare socialtjänsten, fältsekreterare, fritidsledare, pedagogisk representant, "
    "folkhälsostrateg, räddningstjänsten samt polis. Forumen arbetar praktiskt med "
    "erfarenhetsutbyte, rutiner, gemensamma projekt och planering av utbildningsinsatser."
)

TISTEL = "tistel"
SSPF_VASTERVIK = "sspf-vastervik"
BOB_RAD_VASTERVIK = "bob-rad-vastervik"
BRA_KARLSHAMN = "lokala-bra-karlshamn"
OG_NORREVANG = "omradesgrupp-norrevang"
OG_STENBACKA = "omradesgrupp-stenbacka"
OG_OSTERSLATT = "omradesgrupp-osterslatt"
OG_VAGGA = "omradesgrupp-vagga-gymnasieskola"
EST_VASTERVIK = "est-vastervik"

FORUMS: list[ForumSeed] = [
    ForumSeed(
        BRA_KARLSHAMN,
        "Lokala Brå Karlshamn",
        "council",
        (KARLSHAMNS_KOMMUN, LPO_KARLSHAMN),
        KARLSHAMN_AGREEMENT,
        "Brottsförebyggande rådet, lokala Brå, har en viktig roll i att följa upp och se till "
        "att samverkansöverenskommelsen kring det brottsförebyggande arbetet fullföljs.",
    ),
    ForumSeed(
        OG_NORREVANG,
        "Norrevång (Mörrum)",
        "area_group",
        (KARLSHAMNS_KOMMUN, LPO_KARLSHAMN),
        KARLSHAMN_AGREEMENT,
        _AREA_GROUP_DESCRIPTION,
    ),
    ForumSeed(
        OG_STENBACKA,
        "Stenbacka (Asarum och Svängsta)",
        "area_group",
        (KARLSHAMNS_KOMMUN, LPO_KARLSHAMN),
        KARLSHAMN_AGREEMENT,
        _AREA_GROUP_DESCRIPTION,
    ),
    ForumSeed(
        OG_OSTERSLATT,
        "Österslätt (Karlshamn, Åryd och Hällaryd)",
        "area_group",
        (KARLSHAMNS_KOMMUN, LPO_KARLSHAMN),
        KARLSHAMN_AGREEMENT,
        _AREA_GROUP_DESCRIPTION,
    ),
    ForumSeed(
        OG_VAGGA,
        "Vägga Gymnasieskola",
        "area_group",
        (KARLSHAMNS_KOMMUN, LPO_KARLSHAMN),
        KARLSHAMN_AGREEMENT,
        _AREA_GROUP_DESCRIPTION,
    ),
    ForumSeed(
        TISTEL,
        "Tistel",
        "network",
        (LPO_VASTERVIK, VASTERVIKS_KOMMUN),
        VASTERVIK_AGREEMENT_2025,
        "Myndighetsnätverket Tistel: samverkan kring organiserad brottslighet och kriminell "
        "ekonomi.",
    ),
    ForumSeed(
        SSPF_VASTERVIK,
        "SSPF Västervik",
        "sspf",
        (LPO_VASTERVIK, VASTERVIKS_KOMMUN),
        VASTERVIK_AGREEMENT_2025,
        "Skola, Socialtjänst, Polis och Fritid: viktiga aktörer runt en ung person arbetar "
        "gemensamt och strukturerat för att bryta ett normbrytande beteende.",
    ),
    ForumSeed(
        BOB_RAD_VASTERVIK,
        "Bob-råd Västervik",
        "other",
        (LPO_VASTERVIK, VASTERVIKS_KOMMUN),
        VASTERVIK_AGREEMENT_2025,
        "Bob står för barn och unga i organiserad brottslighet.",
    ),
    # The Västervik 2025 promise: "Kommunen ska utveckla arbetssättet Effektiv samverkan för
    # trygghet (EST)". The group works under the 2025–2027 agreement.
    ForumSeed(
        EST_VASTERVIK,
        "EST Västervik",
        "est",
        (LPO_VASTERVIK, VASTERVIKS_KOMMUN),
        VASTERVIK_AGREEMENT_2025,
        "Effektiv samordning för trygghet: varje vecka en gemensam lägesbild, beslut om "
        "åtgärder (vad, var, vem, när) och uppföljning av förra veckans åtgärder.",
    ),
]


# ---------------------------------------------------------------------------
# Citizen promises
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CommitmentSeed:
    """One commitment. `focus` is the 1-based number of its focus area (None: the whole promise).

    `key` names the commitment for the synthetic activity log; it is not stored.
    """

    text: str
    responsible: tuple[str, ...]
    focus: int | None = None
    target_kind: str = "ongoing"
    quantity: int | None = None
    unit: str = ""
    per: str = ""
    minimum: bool = True
    activity_kind: str = ""
    forum: str | None = None
    due_text: str = ""  # a milestone's due time as written; the date is seasons.season_due's
    areas: tuple[str, ...] = ()  # "<scb code>/<area slug>"
    places: tuple[str, ...] = ()  # PlaceSeed keys
    key: str = ""


@dataclass(frozen=True)
class PromiseSeed:
    slug: str
    title: str
    source_note: str
    parties: tuple[str, ...]
    municipalities: tuple[str, ...]
    period_start: date
    period_end: date
    focus_areas: tuple[str, ...]
    commitments: tuple[CommitmentSeed, ...]
    agreement: str | None = None
    signed_on: date | None = None
    signatories: tuple[Signatory, ...] = ()
    introduction: str = ""
    reports_required: int | None = None
    reporting_text: str = ""
    is_public: bool = True
    seed_file: str = field(default="", compare=False)  # the document in shared/seeds/


_BOTH_VASTERVIK = (LPO_VASTERVIK, VASTERVIKS_KOMMUN)
_BOTH_KARLSHAMN = (LPO_KARLSHAMN, KARLSHAMNS_KOMMUN)
_ALL_HOGSBY_MONSTERAS = (LPO_VASTERVIK, HOGSBY_KOMMUN, MONSTERAS_KOMMUN)

VASTERVIK_2025 = PromiseSeed(
    slug="vastervik-2025",
    title="Medborgarlöfte 2025 – Lokalpolisområde Västervik och Västerviks kommun",
    source_note="Medborgarlöfte 2025, Lokalpolisområde Västervik och Västerviks kommun",
    seed_file="000_35245ccc3d50e1d7.txt",
    parties=_BOTH_VASTERVIK,
    municipalities=(VASTERVIK,),
    agreement=VASTERVIK_AGREEMENT_2025,
    period_start=date(2025, 1, 1),
    period_end=date(2025, 12, 31),
    signed_on=date(2025, 1, 27),
    signatories=(
        Signatory("Sofia Karlsson", "Lokalpolisområdeschef"),
        Signatory("Harald Hjalmarsson", "Kommunalråd"),
    ),
    introduction=(
        "Ett gemensamt medborgarlöfte är en del av samverkan i det brottsförebyggande och "
        "trygghetsskapande arbetet mellan Lokalpolisområde Västervik och Västerviks kommun."
    ),
    # The eight headings under "Polisen och kommunen lovar att arbeta med följande under 2025".
    focus_areas=(
        "Organiserad brottslighet och kriminella gäng",
        "Ungdomskriminalitet och normbrytande unga",
        "Våld och andra brott i nära relation",
        "Hedersförtryck",
        "Välfärdsbrottslighet och kriminell ekonomi",
        "Brottskoncentrationer kopplade till tider och platser",
        "Narkotika- och alkoholrelaterade brott",
        "Trafikbrott",
    ),
    commitments=(
        # 1 Organiserad brottslighet och kriminella gäng
        CommitmentSeed(
            "Polisen och kommunen ska fortsätta samverkan kring organiserad brottslighet inom "
            "ramen för myndighetsnätverket Tistel som ska träffas minst fyra gånger per år.",
            _BOTH_VASTERVIK,
            focus=1,
            target_kind="count",
            quantity=4,
            unit="gånger",
            per="year",
            activity_kind="forum_meeting",
            forum=TISTEL,
            key="tistel-organised-crime",
        ),
        # "under våren 2025": due by the end of May (trygg.promises.seasons).
        CommitmentSeed(
            "Polisen och kommunen ska utreda behovet av samverkan kring kriminella unga inom "
            "ramen för SIG (Sociala insatsgrupper) under våren 2025.",
            _BOTH_VASTERVIK,
            focus=1,
            target_kind="milestone",
            activity_kind="study",
            due_text="under våren 2025",
            key="sig",
        ),
        CommitmentSeed(
            "Polisen och kommunen ska utveckla samverkan inom ramen för arbetsmetoden Bob-råd. "
            "Förkortningen Bob står för barn och unga i organiserad brottslighet och är ett "
            "regeringsuppdrag med det långsiktiga målet är hindra att barn och unga blir en del "
            "av kriminella nätverk och organiserad brottslighet",
            _BOTH_VASTERVIK,
            focus=1,
            activity_kind="forum_meeting",
            forum=BOB_RAD_VASTERVIK,
            key="bob-rad",
        ),
        CommitmentSeed(
            "Polisen och kommunen ska utveckla samverkan kring kriminella som vill lämna den "
            "kriminella banan, så kallad avhopparverksamhet.",
            _BOTH_VASTERVIK,
            focus=1,
        ),
        # 2 Ungdomskriminalitet och normbrytande unga
        CommitmentSeed(
            "Kommunen ska arbeta uppsökande och erbjuda tidigt stöd till föräldrar som behöver "
            "det, exempelvis genom att implementera det nya föräldrastödsprogrammet Här kommer "
            "storken som är ett samtalsstöd för grupper med blivande eller nyblivna föräldrar. "
            "Satsningen görs på familjecentralerna i kommunen där kommunen och regionen "
            "samverkar kring föräldrar och barn.",
            (VASTERVIKS_KOMMUN,),
            focus=2,
        ),
        CommitmentSeed(
            "Kommunen ska genomföra en stor omställning av inledningen på kontakten med "
            "familjeenhetens behandlingsgrupp genom en stor satsning på arbetsmetoden ABC i "
            "syfte att stärka familjerelationer och hjälpa föräldrar att handskas bättre med "
            "vardagssituationer.",
            (VASTERVIKS_KOMMUN,),
            focus=2,
        ),
        CommitmentSeed(
            "Kommunen ska erbjuda trygghetsskapande åtgärder för unga såsom fältare och stötta "
            "ideella krafter som arbetar för ungdomars trygghet.",
            (VASTERVIKS_KOMMUN,),
            focus=2,
            activity_kind="outreach_evening",
            key="faltare",
        ),
        CommitmentSeed(
            "Polisen och kommunen ska samverka kring normbrytande unga inom ramen för "
            "arbetsmetoden SSPF (Skola, Socialtjänst, Polis och Fritid) där viktiga aktörer "
            "runt en ung person arbetar gemensamt och strukturerat för att bryta ett "
            "normbrytande beteende.",
            _BOTH_VASTERVIK,
            focus=2,
            activity_kind="forum_meeting",
            forum=SSPF_VASTERVIK,
            key="sspf",
        ),
        CommitmentSeed(
            "Polisen och kommunen ska samverka kring perioder eller händelser där risken för att "
            "unga utvecklar ett normbrytande beteende är som störst, exempelvis inför "
            "sommarlovet.",
            _BOTH_VASTERVIK,
            focus=2,
        ),
        CommitmentSeed(
            "Polisen ska hålla orossamtal med unga och deras föräldrar när det är påkallat.",
            (LPO_VASTERVIK,),
            focus=2,
            activity_kind="concern_talk",
            key="orossamtal",
        ),
        # 3 Våld och andra brott i nära relation
        CommitmentSeed(
            "Kommunen ska delta i den våldspreventiva processledarutbildningen En kommun fri "
            "från våld i syfte att öka kunskapen om våld och våldsprevention med det "
            "långsiktiga målet att utarbeta en handlingsplan för kommunens våldsförebyggande "
            "arbete.",
            (VASTERVIKS_KOMMUN,),
            focus=3,
            activity_kind="training",
            key="fri-fran-vald",
        ),
        CommitmentSeed(
            "Kommunen ska fortsatt erbjuda stöd och behandling till både våldsutsatta och "
            "våldsutövare.",
            (VASTERVIKS_KOMMUN,),
            focus=3,
        ),
        CommitmentSeed(
            "Polisen ska utveckla sitt arbete mot särskilt utsatta brottsoffer såsom utsatta för "
            "brott i nära relation.",
            (LPO_VASTERVIK,),
            focus=3,
        ),
        CommitmentSeed(
            "Polisen ska arbeta uppsökande mot personer som bedöms ha hög risk för att utöva "
            "brott i nära relation.",
            (LPO_VASTERVIK,),
            focus=3,
        ),
        # 4 Hedersförtryck. "under hösten/vintern" of 2025: by 31 December (trygg.promises.seasons).
        CommitmentSeed(
            "Kommunen ska kartlägga förekomsten av hedersnormer och hedersförtryck bland "
            "ungdomar som bor i kommunen och presentera resultatet under hösten/vintern. "
            "Kartläggningen kommer att ligga till grund för kommunens fortsatta arbete på "
            "området.",
            (VASTERVIKS_KOMMUN,),
            focus=4,
            target_kind="milestone",
            activity_kind="study",
            due_text="under hösten/vintern",
            key="hedersfortryck",
        ),
        # 5 Välfärdsbrottslighet och kriminell ekonomi
        CommitmentSeed(
            "Kommunen ska under våren genomföra en förstudie av sina organisatoriska "
            "förutsättningar för ett systematiskt arbete mot välfärdsbrott, med målet att stärka "
            "både den interna kontrollen och samverkan med externa aktörer.",
            (VASTERVIKS_KOMMUN,),
            focus=5,
            target_kind="milestone",
            activity_kind="study",
            due_text="under våren",
            key="forstudie-valfardsbrott",
        ),
        CommitmentSeed(
            "Polisen och kommunen ska fortsätta samverka kring kriminell ekonomi inom ramen för "
            "myndighetsnätverket Tistel som ska träffas minst fyra gånger per år.",
            _BOTH_VASTERVIK,
            focus=5,
            target_kind="count",
            quantity=4,
            unit="gånger",
            per="year",
            activity_kind="forum_meeting",
            forum=TISTEL,
            key="tistel-criminal-economy",
        ),
        # 6 Brottskoncentrationer. The EST paragraph holds two undertakings: developing the
        # way of working (ongoing) and importing police reports in the spring (a milestone).
        CommitmentSeed(
            "Kommunen ska utveckla arbetssättet Effektiv samverkan för trygghet (EST) för att ha "
            "uppdaterade lägesbilder kring brott och otrygghet varje vecka och därigenom kunna "
            "prioritera resurser och åtgärder bättre.",
            (VASTERVIKS_KOMMUN,),
            focus=6,
        ),
        CommitmentSeed(
            "Under våren kommer polisanmälningar att kunna importeras i systemet och addera till "
            "kartläggningen.",
            (VASTERVIKS_KOMMUN,),
            focus=6,
            target_kind="milestone",
            due_text="Under våren",
            key="est-import",
        ),
        # "minst hundra platsbesök på ett år": 100 per year, at least.
        CommitmentSeed(
            "Polisen ska ha hög synlighet genom minst hundra platsbesök på ett år med åtgärder "
            "anpassade efter problembild.",
            (LPO_VASTERVIK,),
            focus=6,
            target_kind="count",
            quantity=100,
            unit="platsbesök",
            per="year",
            activity_kind="site_visit",
            key="site-visits",
        ),
        CommitmentSeed(
            "Polisen ska ägna sig åt ordninghållande fotpatrullering på platser där behovet är "
            "som störst.",
            (LPO_VASTERVIK,),
            focus=6,
            activity_kind="foot_patrol",
            key="foot-patrol",
        ),
        # 7 Narkotika- och alkoholrelaterade brott
        CommitmentSeed(
            "Kommunen ska arbeta förebyggande mot alkohol-, narkotika-, dopning-, tobaks- och "
            "spelmissbruk bland kommunens unga inom ramen för arbetsmetoden ANDTS-coacher.",
            (VASTERVIKS_KOMMUN,),
            focus=7,
        ),
        CommitmentSeed(
            "Kommunen ska erbjuda stöd, hjälp och råd till den som vill sluta missbruka.",
            (VASTERVIKS_KOMMUN,),
            focus=7,
        ),
        CommitmentSeed(
            "Polisen ska aktivt upptäcka och lagföra innehav och bruk av narkotika",
            (LPO_VASTERVIK,),
            focus=7,
            activity_kind="drug_operation",
            key="narkotika",
        ),
        # 8 Trafikbrott. "öka antalet" gives no number: ongoing.
        CommitmentSeed(
            "Polisen ska arbeta för att öka antalet medborgardialoger och då efterfråga "
            "medborgarnas information för att öka träffsäkerheten i trafikövervakningen och "
            "trafikarbetet.",
            (LPO_VASTERVIK,),
            focus=8,
            activity_kind="citizen_dialogue",
            key="trafikdialoger",
        ),
    ),
)


# The three places the 2020 promise names, for its site visits and foot patrols.
_EDSBRUK_ANKARSRUM_KARSTORP = (
    f"{VASTERVIK}/edsbruk",
    f"{VASTERVIK}/ankarsrum",
    f"{VASTERVIK}/karstorp",
)

VASTERVIK_2020 = PromiseSeed(
    slug="vastervik-2020",
    title="Medborgarlöfte 2020 – Västerviks kommun",
    source_note="Medborgarlöfte Västerviks kommun",
    seed_file="001_cbac4641bba91e03.txt",
    parties=_BOTH_VASTERVIK,
    municipalities=(VASTERVIK,),
    agreement=VASTERVIK_AGREEMENT_2016,
    period_start=date(2020, 1, 1),
    period_end=date(2020, 12, 31),
    # The document gives no signing date.
    signatories=(
        Signatory("Anders Pleijel", "Lokalpolisområdeschef"),
        Signatory("Dan Nilsson", "Kommunalråd"),
    ),
    introduction=(
        "Inför medborgarlöfte 2020 har Polisen och Västerviks kommun arbetat fram en gemensam "
        "lägesbild genom att studera brottsstatistik, trygghetsmätningar och statistik kring "
        "barn och unga. Vi har även genomfört flertalet dialoger med medborgare på olika "
        "platser, anställda inom kommunens olika förvaltningar och med polispersonal.\n\n"
        "Edsbruk är en ort som ligger långt från Västervik och har en relativt hög andel "
        "problem av social karaktär. Polisen behöver verka i området så att det blir naturligt "
        "att anmäla brott och stävja problem av ordningsstörande karaktär.\n\n"
        "Ankarsrum på grund av flertalet misstänkta mordbränder har en oro spridit sig i "
        "samhället. Polisen behöver närvara under kväll och nattetid för att försöka samla in "
        "information samt förebygga nya brott.\n\n"
        "Karstorp på grund av att grova brott begåtts i området samt att det finns en viss "
        "kriminell aktivitet behöver polisen vara på plats för att motverka denna "
        "kriminalitet.\n\n"
        "Fokus för medborgarlöfte 2020 är trygghet."
    ),
    # "Följande områden är gemensamma;"
    focus_areas=(
        "Ungdomskriminalitet, utagerande ungdomar i skolmiljö och fritiden (misshandel, "
        "narkotikabrott, snatterier och skadegörelse)",
        "Kriminella gäng med våldskapital och koppling till narkotika",
        "Trafiksäkerhet, med inriktning på beteendebrott",
        "Alkoholrelaterade brott och langning till minderåriga",
    ),
    # The bullets serve the promise's single focus, trygghet, rather than one of the four
    # common areas; only those that plainly belong to one are tied to it.
    commitments=(
        # "Polisen och kommunen lovar att:"
        CommitmentSeed(
            "Vid behov undersöka orsakerna till att problemet uppstår",
            _BOTH_VASTERVIK,
        ),
        CommitmentSeed(
            "Samverka med alla aktörer som kan påverka orsakerna till problemet",
            _BOTH_VASTERVIK,
        ),
        CommitmentSeed(
            "Följa upp om åtgärderna genomförts och vilken effekt de haft",
            _BOTH_VASTERVIK,
        ),
        CommitmentSeed(
            "Föra samtal med unga personer och vid behov vårdnadshavare",
            _BOTH_VASTERVIK,
            focus=1,
            activity_kind="concern_talk",
            key="samtal-unga",
        ),
        CommitmentSeed(
            "Informationsinhämtning genom samtal med medborgare (medborgardialoger)",
            _BOTH_VASTERVIK,
            activity_kind="citizen_dialogue",
            key="medborgardialoger",
        ),
        # "Polisen lovar även utifrån sitt specifika uppdrag att"
        CommitmentSeed(
            "Trafikövervaka",
            (LPO_VASTERVIK,),
            focus=3,
            activity_kind="traffic_control",
            key="trafik",
        ),
        CommitmentSeed(
            "Upptäcka innehav och bruk av narkotika",
            (LPO_VASTERVIK,),
            activity_kind="drug_operation",
            key="narkotika",
        ),
        CommitmentSeed(
            "Ordningshållande fotpatrullering",
            (LPO_VASTERVIK,),
            activity_kind="foot_patrol",
            areas=_EDSBRUK_ANKARSRUM_KARSTORP,
            places=("edsbruk-centrum", "ankarsrum-centrum", "karstorp"),
            key="foot-patrol",
        ),
        # A promise for 2020 alone: 100 in the period, which is that year.
        CommitmentSeed(
            "Genomföra 100 platsbesök med åtgärder anpassade efter orsakerna till problemet.",
            (LPO_VASTERVIK,),
            target_kind="count",
            quantity=100,
            unit="platsbesök",
            per="period",
            activity_kind="site_visit",
            areas=_EDSBRUK_ANKARSRUM_KARSTORP,
            places=("edsbruk-centrum", "ankarsrum-centrum", "karstorp"),
            key="site-visits",
        ),
    ),
)


HOGSBY_MONSTERAS_2024_2025 = PromiseSeed(
    slug="hogsby-monsteras-2024-2025",
    title="Lokalt medborgarlöfte i Högsby och Mönsterås kommuner 2024–2025",
    source_note="Lokalt medborgarlöfte i Högsby och Mönsterås kommuner 2024–2025",
    seed_file="002_353d5f2b9d32be2b.txt",
    parties=_ALL_HOGSBY_MONSTERAS,
    municipalities=(HOGSBY, MONSTERAS),
    # "en bilaga till samverkansöverenskommelsen mellan kommunerna i Högsby och Mönsterås samt
    # Lokalpolisområde Västervik": that agreement is not among the documents, so not linked.
    period_start=date(2024, 1, 1),
    period_end=date(2025, 12, 31),
    signed_on=date(2023, 12, 18),
    # Titles as printed; the document does not say which municipality each chair is from.
    signatories=(
        Signatory("Anders Pleijel", "Lokalpolisområdeschef"),
        Signatory("Per Gröön", "Kommunstyrelsen ordförande"),
        Signatory("Anders Johansson", "Kommunstyrelsens ordförande"),
    ),
    introduction=(
        "Detta medborgarlöfte är en bilaga till samverkansöverenskommelsen mellan kommunerna i "
        "Högsby och Mönsterås samt Lokalpolisområde Västervik.\n\n"
        "Medborgarlöftet fokuserar på sådant som de som bor och verkar i en kommun upplever som "
        "viktigt för att de ska känna sig trygga och säkra."
    ),
    reports_required=2,
    reporting_text=(
        "Polisen och kommunerna lovar att kommunicera ut uppföljning av detta medborgarlöfte "
        "och kunna redovisa resultat för medborgarna minst två (2) gånger under aktuell period."
    ),
    # "Resultatet av sammantaget informationsunderlag ger fyra (4) huvudsakliga fokusområden."
    focus_areas=(
        "Ökad trygghet i både offentlig miljö och boendemiljö",
        "Narkotika bland ungdomar",
        "Skadegörelse",
        "Bedrägerier",
    ),
    commitments=(
        # "löpande när behov uppstår": no number and no date, so ongoing; trainings count.
        CommitmentSeed(
            "I syfte att öka trygghetskänslan i boendemiljö lovar Polisen och kommunerna att "
            "fortsätta utbilda och främja arbetet kring grannsamverkan. Utbildning för uppstart "
            "av grannsamverkan ska hållas löpande när behov uppstår. Brotsstatistik ligger till "
            "grund för prioriterade områden.",
            _ALL_HOGSBY_MONSTERAS,
            focus=1,
            activity_kind="training",
            key="grannsamverkan",
        ),
        # "minst en medborgardialog för centrala Högsby och centrala Mönsterås": the two are
        # separate towns in separate municipalities, and the dialogue is meant to reach the
        # women who feel unsafe in each of them, so it is read as at least one in each. Two
        # commitments with the same words, one per town, keep each town's promise visible:
        # a dialogue in Högsby does not keep the promise to Mönsterås.
        CommitmentSeed(
            "Under 2024-2025 lovar Polisen och kommunerna att bjuda in till minst en "
            "medborgardialog för centrala Högsby och centrala Mönsterås.",
            (LPO_VASTERVIK, HOGSBY_KOMMUN),
            focus=1,
            target_kind="count",
            quantity=1,
            unit="medborgardialog",
            per="period",
            activity_kind="citizen_dialogue",
            areas=(f"{HOGSBY}/centrala-hogsby",),
            places=("hogsby-centrum",),
            key="dialog-hogsby",
        ),
        CommitmentSeed(
            "Under 2024-2025 lovar Polisen och kommunerna att bjuda in till minst en "
            "medborgardialog för centrala Högsby och centrala Mönsterås.",
            (LPO_VASTERVIK, MONSTERAS_KOMMUN),
            focus=1,
            target_kind="count",
            quantity=1,
            unit="medborgardialog",
            per="period",
            activity_kind="citizen_dialogue",
            areas=(f"{MONSTERAS}/centrala-monsteras",),
            places=("monsteras-centrum",),
            key="dialog-monsteras",
        ),
        # No date is given for the plan, so it cannot be a milestone: ongoing.
        CommitmentSeed(
            "Polisen och kommunerna lovar även att ta fram en åtgärdsplan för att öka tryggheten "
            "i samhället.",
            _ALL_HOGSBY_MONSTERAS,
            focus=1,
        ),
        CommitmentSeed(
            "Polisen lovar att lägga fokus på att upptäcka nya, unga, som missbrukar narkotika "
            "samt att beivra narkotikaförsäljning till unga.",
            (LPO_VASTERVIK,),
            focus=2,
            activity_kind="drug_operation",
            key="narkotika",
        ),
        CommitmentSeed(
            "Kommunerna lovar att satsa på utbildning av ANDTS-coacher (alkohol, narkotika, "
            "doping, tobak, spel) samt att utveckla ANDTS-arbetet i kommunerna för att bl.a. "
            "förebygga narkotikaanvändning bland unga.",
            (HOGSBY_KOMMUN, MONSTERAS_KOMMUN),
            focus=2,
            activity_kind="training",
            key="andts",
        ),
        CommitmentSeed(
            "Kommunerna lovar att kartlägga platser, göra analyser av orsaker och ta fram "
            "tydliga åtgärder för att förebygga skadegörelse.",
            (HOGSBY_KOMMUN, MONSTERAS_KOMMUN),
            focus=3,
            activity_kind="study",
            key="skadegorelse",
        ),
        CommitmentSeed(
            "Polisen och kommunerna lovar att informera och öka kunskaper kring bedrägerier.",
            _ALL_HOGSBY_MONSTERAS,
            focus=4,
            activity_kind="information",
            key="bedragerier",
        ),
        # The reporting duty is a promise in its own right with a number in it: at least two
        # reports to citizens in the period. The unit is the document's word ("gånger"). It is
        # printed under "Bedrägerier" but concerns the whole promise, so it has no focus area;
        # the promise's reports_required says the same for the follow-up pages.
        CommitmentSeed(
            "Polisen och kommunerna lovar att kommunicera ut uppföljning av detta medborgarlöfte "
            "och kunna redovisa resultat för medborgarna minst två (2) gånger under aktuell "
            "period.",
            _ALL_HOGSBY_MONSTERAS,
            target_kind="count",
            quantity=2,
            unit="gånger",
            per="period",
            activity_kind="information",
            key="redovisning",
        ),
    ),
)


KARLSHAMN_2023 = PromiseSeed(
    slug="karlshamn-2023",
    title="Medborgarlöfte från Polisen och Karlshamns kommun under september-december 2023",
    source_note=(
        "Medborgarlöfte från Polisen och Karlshamns kommun under september-december 2023. "
        "Underskrifterna är platshållare (XXX) i dokumentet och har inte lagts in."
    ),
    seed_file="003_5837e369f62e317a.txt",
    parties=(LPO_KARLSHAMN, KARLSHAMNS_KOMMUN),
    municipalities=(KARLSHAMN,),
    # The promise does not name an agreement; the Karlshamn agreement runs 2021–2024 between
    # the same parties and makes medborgarlöften part of the work (2.2), so it belongs to it.
    agreement=KARLSHAMN_AGREEMENT,
    period_start=date(2023, 9, 1),
    period_end=date(2023, 12, 31),
    introduction=(
        "Sedan 2022 träffas företrädare för kommun och polis vid regelbundna möten för att "
        "informera varandra om inträffade händelser och uppmärksammade trender eller fenomen "
        "kopplat till missbruk, brottslighet och trygghet i Karlshamns kommun.\n\n"
        "Den strategiska lägesbilden visar att missbruk ligger bakom en stor del av "
        "ordningsstörningar och brottslighet som även genererar otrygghet bland Karlshamns "
        "invånare."
    ),
    reporting_text=(
        "Vårt arbete kommer att återkopplas bland annat på våra hemsidor och våra sidor på "
        "sociala medier."
    ),
    # "Utifrån gemensam lägesbild kommer prioritering att vara följande:"
    focus_areas=(
        "Att tidigt upptäcka barn och unga med ett normbrytande beteende enligt "
        "samverkansmodellen SSPF",
        "Att samarbeta kring unga vuxna som befinner sig i missbruk- och beroendeproblematik "
        "samt kriminalitet.",
        "Öka tryggheten i lokalsamhället",
    ),
    commitments=(
        # "Kommunen ska"
        CommitmentSeed(
            "Samverka enligt SSPF (samverkan skola, socialtjänst, polis, fritid) och erbjuda "
            "tidiga och samordnade insatser för barn, ungdom och deras familjer",
            (KARLSHAMNS_KOMMUN,),
            focus=1,
        ),
        CommitmentSeed(
            "Erbjuder föräldrastöd till tonårsföräldrar samt fortsätta utveckla "
            "föräldrastödsprogrammen",
            (KARLSHAMNS_KOMMUN,),
            focus=1,
        ),
        CommitmentSeed(
            "Öka informationen till näringsliv och medborgare om vårt brottsförebyggande och "
            "trygghetsskapande arbete",
            (KARLSHAMNS_KOMMUN,),
            focus=3,
            activity_kind="information",
            key="information",
        ),
        # The municipality promised it; the associations do the walking and log it.
        CommitmentSeed(
            "Öka vuxennärvaron kvällstid genom nattvandrande föreningar vid minst 100 tillfällen",
            (KARLSHAMNS_KOMMUN, NATTVANDRARE_KARLSHAMN),
            focus=3,
            target_kind="count",
            quantity=100,
            unit="tillfällen",
            per="period",
            activity_kind="night_walk",
            key="night-walks",
        ),
        CommitmentSeed(
            "Arbeta uppsökande kvällstid genom socialtjänstens fältgrupp vid minst 100 tillfällen",
            (KARLSHAMNS_KOMMUN,),
            focus=3,
            target_kind="count",
            quantity=100,
            unit="tillfällen",
            per="period",
            activity_kind="outreach_evening",
            key="outreach-evenings",
        ),
        # "Polisen ska"
        CommitmentSeed(
            "Genomföra riktade insatser mot narkotika med fokus på ungdomar och unga vuxna",
            (LPO_KARLSHAMN,),
            focus=2,
            activity_kind="drug_operation",
            key="narkotika",
        ),
        CommitmentSeed(
            "Medverka SSPF i syfte att upptäcka barn och unga i risk för kriminalitet och/eller "
            "missbruk",
            (LPO_KARLSHAMN,),
            focus=1,
        ),
        CommitmentSeed(
            "Genomföra fotpatruller på platser som enligt lägesbilden visar på problematik, med "
            "fokus kopplat till narkotika",
            (LPO_KARLSHAMN,),
            focus=3,
            activity_kind="foot_patrol",
            key="foot-patrol",
        ),
        CommitmentSeed(
            "Upptäcka fler barn och unga som är i risk för att hamna i ett narkotikamissbruk "
            "genom att genomföra uppsökande möten enligt bland annat Linköpingmodellen",
            (LPO_KARLSHAMN,),
            focus=1,
            activity_kind="outreach_meeting",
            key="linkopingmodellen",
        ),
        CommitmentSeed(
            "Genomföra riktade trafikkontroller på platser som enligt lägesbilden visar på "
            "problematik, med fokus på ungdomar/unga vuxna",
            (LPO_KARLSHAMN,),
            focus=3,
            activity_kind="traffic_control",
            key="trafik",
        ),
        # "Det här ska vi åstadkomma tillsammans"
        CommitmentSeed(
            "Våra åtgärder ska utgå från den aktuella lägesbilden.",
            _BOTH_KARLSHAMN,
        ),
        CommitmentSeed(
            "Vi ska fortsätta utveckla samarbetet kring narkotikaproblematik utifrån aktuell "
            "lägesbild.",
            _BOTH_KARLSHAMN,
            focus=2,
        ),
        CommitmentSeed(
            "Vi ska skapa strukturer och rutiner för att upptäcka fler unga vuxna med missbruk- "
            "och beroendeproblematik och erbjuda rätt stöd.",
            _BOTH_KARLSHAMN,
            focus=2,
        ),
        CommitmentSeed(
            "Vi ska med gemensamma resurser arbeta enligt SSPF - samverkan mellan skola, "
            "socialtjänst, polis och fritid för att tidigare upptäcka barn och unga och i risk "
            "för utanförskap, missbruk och kriminalitet.",
            _BOTH_KARLSHAMN,
            focus=1,
        ),
        CommitmentSeed(
            "Vi ska på förfrågan och efter förmåga besöka skolor, föreningar och andra "
            "verksamheter i syfte att bidra med förebyggande tips och råd för att skapa trygga "
            "miljöer och förebygga brott.",
            _BOTH_KARLSHAMN,
            focus=3,
            activity_kind="information",
            key="besok-skolor",
        ),
        CommitmentSeed(
            "Anordna och medverka vid medborgardialoger på tema trygghet",
            _BOTH_KARLSHAMN,
            focus=3,
            activity_kind="citizen_dialogue",
            key="medborgardialoger",
        ),
    ),
)

PROMISES: list[PromiseSeed] = [
    VASTERVIK_2025,
    VASTERVIK_2020,
    HOGSBY_MONSTERAS_2024_2025,
    KARLSHAMN_2023,
]


def commitment_order(promise: PromiseSeed, key: str) -> int:
    """The stored order (1-based, document order) of the commitment with this key."""
    for order, commitment in enumerate(promise.commitments, start=1):
        if commitment.key == key:
            return order
    raise KeyError(f"{promise.slug} has no commitment {key!r}")


PROMISES_BY_SLUG: dict[str, PromiseSeed] = {promise.slug: promise for promise in PROMISES}
