"""Reading a signed agreement or citizen promise: who, when, which focus areas, what is promised.

`extract(text)` is a pure function from the document's text to a `Proposal`:
the parties, the period, the focus areas and the commitments, each commitment
with its target (`targets.py`). Nothing is stored; a coordinator checks the
proposal and confirms it (`views.py`), or `trygg extract FILE` prints it.

The rules follow how Swedish promises are written, not any one document:

- A commitment is a sentence whose subject is a party and whose verb promises
  ("Polisen ska…", "Kommunen kommer att…", "Under 2025 lovar polisen och
  kommunerna att…"), or an item of a list led in by one ("Kommunen ska",
  "Polisen och kommunen lovar att:"). The sentences after it in its paragraph
  belong to it, unless one sets its own target ("Under våren kommer
  polisanmälningar att kunna importeras…"), which makes it a commitment of the
  same parties.
- A focus area is a heading that has commitments under it, or an item of a
  list led in by "områden", "prioritering" or "fokus". When a promise lists
  its areas and then uses a short heading for each, the listed wording is kept.
- The period is what the document says it runs ("gäller under åren
  2024–2025", "gäller från 2021-01-01 till och med 2024-12-31"), else the years
  or months in its title, else "medborgarlöfte 2020" in its text.
"""

import calendar
import re
from dataclasses import asdict, dataclass, field
from datetime import date

from .targets import MONTHS, Target, read_targets


@dataclass
class Party:
    """A party named in the document, and what kind of organisation it is."""

    name: str
    kind: str  # "police", "municipality", "region" or "other"


@dataclass
class Signatory:
    name: str
    title: str


@dataclass
class FocusAreaProposal:
    title: str
    number: str = ""  # as printed in an agreement: "2.1"


@dataclass
class CommitmentProposal:
    """One commitment: its words, who promised it, under which focus area, with which target."""

    text: str
    responsible: list[str]  # as written: "Polisen", "kommunerna"; empty: all parties
    responsible_kinds: list[str]  # "police", "municipality", …; empty: all parties
    focus_area: int | None  # index into Proposal.focus_areas
    target: Target


@dataclass
class Proposal:
    """What the reader proposes a document holds; a person confirms it."""

    kind: str  # "promise" or "agreement"
    title: str
    parties: list[Party] = field(default_factory=list)
    period_start: date | None = None
    period_end: date | None = None
    period_text: str = ""
    signed_on: date | None = None
    signatories: list[Signatory] = field(default_factory=list)
    focus_areas: list[FocusAreaProposal] = field(default_factory=list)
    commitments: list[CommitmentProposal] = field(default_factory=list)
    reports_required: int | None = None
    reporting_text: str = ""

    def as_dict(self) -> dict:
        """Plain values for JSON: dates as ISO strings."""
        return _plain(asdict(self))


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


# ---------------------------------------------------------------------------
# Blocks: the document as headings, paragraphs and list items
# ---------------------------------------------------------------------------


@dataclass
class Block:
    text: str
    bullet: bool = False  # "- …", "• …"
    number: str = ""  # "1.", "2.1"


_MARKER_ONLY = re.compile(r"^\s*(?:[-–•·▪◦‣*]|\d{1,2}[.)])\s*$")
_SMALL_WORDS = ("och", "eller", "samt", "till")


def reflow(text: str, printed: bool = False) -> str:
    """Join lines broken mid-sentence; keep headings and paragraphs apart.

    A line continues the one before when it starts in lower case. In printed
    text (a PDF's lines), also when the one before fills the page width and does
    not end a sentence; text typed with a paragraph per line has no page width,
    and a long heading there is not the start of a paragraph. A word split with a
    hyphen at a line end is joined, except before "och"/"eller" ("narkotika- och
    alkoholrelaterade").
    """
    lines = [line.strip() for line in text.splitlines() if not _MARKER_ONLY.match(line)]
    width = max((len(line) for line in lines), default=0) if printed else float("inf")
    out: list[str] = []
    previous_length = 0
    for line in lines:
        if not line:
            out.append("")
            previous_length = 0
            continue
        last = out[-1] if out else ""
        continues = bool(last) and (
            line[0].islower()
            or (previous_length >= 0.85 * width and not last.endswith((".", ":", "!", "?", ";")))
        )
        if continues and last.endswith("-") and not line.startswith(_SMALL_WORDS):
            out[-1] = last[:-1] + line
        elif continues:
            out[-1] = f"{last} {line}"
        else:
            out.append(line)
        previous_length = len(line)
    return "\n".join(out)


_BULLET = re.compile(r"^[-–•*·▪◦‣]\s+")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)])\s+(?=\S)")
_ITALICS = re.compile(r"\*(\S(?:[^*\n]*\S)?)\*")


def blocks_of(text: str) -> list[Block]:
    """One block per paragraph: lines broken mid-sentence are joined first (`reflow`)."""
    text = _ITALICS.sub(r"\1", text.replace("\u00ad", "").replace("\u00a0", " "))
    text = reflow(text)
    blocks = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line or set(line) <= set(".…_ "):  # signature lines "....."
            continue
        if bullet := _BULLET.match(line):
            blocks.append(Block(line[bullet.end() :], bullet=True))
        elif numbered := _NUMBERED.match(line):
            blocks.append(Block(line[numbered.end() :], number=numbered.group(1).rstrip(".)")))
        else:
            blocks.append(Block(line))
    return blocks


_ABBREVIATIONS = re.compile(r"\b(?:bl\.a|t\.ex|m\.fl|m\.m|s\.k|d\.v\.s|dvs|ca|resp|inkl|osv)\.$")


def sentences_of(text: str) -> list[str]:
    """The sentences of a paragraph; "bl.a." and "t.ex." do not end one."""
    pieces = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"'(])", text)
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ABBREVIATIONS.search(sentences[-1]):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return sentences


# ---------------------------------------------------------------------------
# Parties and promising verbs
# ---------------------------------------------------------------------------

_NAME = r"[A-ZÅÄÖ][\wåäöéü-]+"
_PARTY_WORD = (
    r"(?:(?i:polisen|polismyndigheten|lokalpolisområdet|kommunen|kommunerna|regionen"
    r"|socialtjänsten|räddningstjänsten|fältgruppen|skolan|parterna|vi)"
    rf"|(?i:lokalpolisområde)\s+{_NAME}|{_NAME}\s+kommun|Region\s+{_NAME})"
)
_PARTIES = rf"{_PARTY_WORD}(?:\s*(?:,|och|samt)\s*{_PARTY_WORD})*"
_VERB = r"(?:ska|skall|lovar|kommer\s+att|avser\s+att|åtar\s+sig|ansvarar\s+för)"
_SUBJECT_FIRST = re.compile(
    rf"(?<![\wåäö])(?P<parties>{_PARTIES})\s+(?:(?:även|också|dessutom|därför)\s+)?{_VERB}\b"
)
_VERB_FIRST = re.compile(rf"\b(?i:ska|skall|lovar)\s+(?P<parties>{_PARTIES})(?![\wåäö])")
_SPLIT_PARTIES = re.compile(r"\s*,\s*|\s+(?:och|samt)\s+")


def party_kind(name: str) -> str:
    """What kind of organisation a party word names; "" for "vi": all parties."""
    word = name.lower()
    if word in ("vi", "parterna"):
        return ""
    if "polis" in word:
        return "police"
    if "region" in word:
        return "region"
    if "kommun" in word or word in ("socialtjänsten", "räddningstjänsten", "fältgruppen", "skolan"):
        return "municipality"
    return "other"


_PREPOSITION_WORDS = (
    "i för av med inom till på från mellan hos mot åt om kring under efter genom än"
)
_PREPOSITIONS = frozenset(_PREPOSITION_WORDS.split())


def promisers(sentence: str) -> list[str] | None:
    """The parties a sentence has promise something, or None if it promises nothing.

    "Polisen och kommunen ska…", "Under 2025 lovar Polisen och kommunerna att…".
    "Tistel som ska träffas" is no promise by a party, nor is "brottsligheten i
    kommunen ska minska": a party after a preposition is not the subject.
    """
    for match in _SUBJECT_FIRST.finditer(sentence):
        before = sentence[: match.start()].split()
        if not before or before[-1].lower() not in _PREPOSITIONS:
            return _SPLIT_PARTIES.split(match.group("parties"))
    if match := _VERB_FIRST.search(sentence):
        return _SPLIT_PARTIES.split(match.group("parties"))
    return None


def _responsible(names: list[str]) -> tuple[list[str], list[str]]:
    """Names as written and their kinds; a "vi" among them means every party."""
    kinds = [party_kind(name) for name in names]
    if "" in kinds:
        return [], []
    return names, sorted(set(kinds))


# ---------------------------------------------------------------------------
# Title, kind, parties, period, signing
# ---------------------------------------------------------------------------

_DOCUMENT_WORD = re.compile(r"(?i)medborgarlöfte|överenskommelse|samverkansavtal|löfte")


def _is_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", "!", "?"))


def read_title(blocks: list[Block]) -> tuple[str, int]:
    """The title and its block index: the first short line that names the kind of document."""
    for index, block in enumerate(blocks[:15]):
        words = block.text.split()
        if _DOCUMENT_WORD.search(block.text) and len(words) <= 20 and not _is_sentence(block.text):
            return block.text, index
    return (blocks[0].text, 0) if blocks else ("", -1)


_LPO = re.compile(rf"(?i:lokalpolisområde)\s+({_NAME})")
_MUNICIPALITY = re.compile(rf"(?<![\wåäö])({_NAME}) kommun\b")
_MUNICIPALITIES = re.compile(
    rf"(?:kommunerna i\s+)?({_NAME}(?:\s*,\s*{_NAME})*\s+(?:och|samt)\s+{_NAME})(?:\s+kommuner\b)?"
)
_REGION = re.compile(rf"\bRegion\s+({_NAME}(?:\s+län)?)")


def read_parties(title: str, blocks: list[Block]) -> list[Party]:
    """The parties: named police areas, municipalities and regions at the document's head.

    A named police area ("Lokalpolisområde Västervik") is preferred to
    "Polismyndigheten" or "Polisen"; without one, those stand for the police.
    """
    head = [title] + [b.text for b in blocks[:8]]
    head += [b.text for b in blocks if re.search(r"\bmellan\b|undertecknas", b.text)]
    everything = " ".join(b.text for b in blocks)
    found: dict[str, str] = {}
    for text in head:
        for name in _MUNICIPALITY.findall(text):
            found.setdefault(f"{name} kommun", "municipality")
        for match in _MUNICIPALITIES.finditer(text):
            whole = match.group(0)
            if whole.startswith("kommunerna i") or whole.endswith("kommuner"):
                for name in _SPLIT_PARTIES.split(match.group(1)):
                    found.setdefault(f"{name} kommun", "municipality")
        for name in _REGION.findall(text):
            found.setdefault(f"Region {name}", "region")
    police = {f"Lokalpolisområde {name}" for name in _LPO.findall(everything)}
    if not police:
        if re.search(r"\bPolismyndigheten\b", " ".join(head)):
            police = {"Polismyndigheten"}
        elif re.search(r"(?i)\bpolisen\b", " ".join(head)):
            police = {"Polisen"}
    parties = [Party(name, "police") for name in sorted(police)]
    parties += [Party(name, kind) for name, kind in found.items()]
    return parties


_ISO = r"\d{4}-\d{2}-\d{2}"
_MONTH = "|".join(MONTHS)
_LONG_DATE = rf"\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}"
_DATE = rf"(?:{_ISO}|{_LONG_DATE})"
_YEAR = r"(?:19|20)\d{2}"

_PERIOD_PATTERNS = [
    re.compile(
        rf"(?i)från\s+(?:den\s+)?(?P<start>{_DATE})\s+(?:till och med|till|t\.o\.m\.?|–|-)\s+"
        rf"(?:den\s+)?(?P<end>{_DATE})"
    ),
    re.compile(
        rf"(?i)(?P<month1>{_MONTH})(?:\s+(?P<year1>{_YEAR}))?\s*(?:[-–]|till)\s*"
        rf"(?P<month2>{_MONTH})\s+(?P<year2>{_YEAR})"
    ),
    re.compile(rf"(?<![\d-])(?P<first>{_YEAR})\s*[-–/]\s*(?P<last>{_YEAR})(?![\d-])"),
    re.compile(rf"(?<![\d-])(?P<year>{_YEAR})(?![\d-])"),
]


def _parse_date(text: str) -> date | None:
    if re.fullmatch(_ISO, text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    day, month, year = text.split()
    try:
        return date(int(year), MONTHS[month.lower()], int(day))
    except (ValueError, KeyError):
        return None


def _period_in(text: str) -> tuple[date, date, str] | None:
    """The first period a piece of text states, in order of how precise it is."""

    for pattern in _PERIOD_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("start"):
            start, end = _parse_date(groups["start"]), _parse_date(groups["end"])
            if start and end and start <= end:
                return start, end, match.group()
        elif groups.get("month1"):
            end_year = int(groups["year2"])
            start_year = int(groups["year1"] or end_year)
            first, last = MONTHS[groups["month1"].lower()], MONTHS[groups["month2"].lower()]
            start = date(start_year, first, 1)
            end = date(end_year, last, calendar.monthrange(end_year, last)[1])
            if start <= end:
                return start, end, match.group()
        elif groups.get("first"):
            first, last = int(groups["first"]), int(groups["last"])
            if first <= last:
                return date(first, 1, 1), date(last, 12, 31), match.group()
        else:
            year = int(groups["year"])
            return date(year, 1, 1), date(year, 12, 31), match.group()
    return None


_VALIDITY = re.compile(r"(?i)\b(?:gäller|löper|avser|omfattar)\b")
_NAMED_PROMISE_YEAR = re.compile(rf"(?i)\bmedborgarlöfte[nt]?\s+(?:för\s+)?(?:år\s+)?({_YEAR})\b")


def read_period(title: str, blocks: list[Block]) -> tuple[date | None, date | None, str]:
    """The period: as the document states its validity, else from its title, else its text."""
    candidates = [s for b in blocks for s in sentences_of(b.text) if _VALIDITY.search(s)]
    candidates += [title]
    for text in candidates:
        if found := _period_in(text):
            return found
    for block in blocks:
        if match := _NAMED_PROMISE_YEAR.search(block.text):
            year = int(match.group(1))
            return date(year, 1, 1), date(year, 12, 31), match.group()
    return None, None, ""


_SIGNING_DATE = re.compile(rf"(?i)(?:den\s+)?({_DATE})")
_SIGNATORY_TITLE = re.compile(
    r"(?i)(?:chef|ordförande|kommunalråd|direktör|polismästare|borgmästare)\b"
)
_PERSON = re.compile(r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?(?:\s+[A-ZÅÄÖ][\wåäöéü-]+){1,3}")


def read_signing(blocks: list[Block]) -> tuple[date | None, list[Signatory]]:
    """The date of signing (the last date on a short line) and the signatories at the end."""
    signed_on = None
    for block in blocks:
        if len(block.text.split()) <= 6 and (match := _SIGNING_DATE.search(block.text)):
            signed_on = _parse_date(match.group(1)) or signed_on
    signatories = []
    tail = blocks[-25:]
    for name, title in zip(tail, tail[1:], strict=False):
        if (
            _PERSON.fullmatch(name.text)
            and _SIGNATORY_TITLE.search(title.text)
            and len(title.text.split()) <= 5
        ):
            signatories.append(Signatory(name.text, title.text))
    return signed_on, signatories


# ---------------------------------------------------------------------------
# Focus areas and commitments
# ---------------------------------------------------------------------------

_AREA_LEAD = re.compile(r"(?i)områd|prioriter|fokus|inriktning")
_AGREEMENT_WORD = re.compile(r"(?i)överenskommelse|samverkansavtal")
_GOAL_LEAD = re.compile(r"(?i)\bmål\b|målen|målsättning|syfte|vision")
_LEAD_END = re.compile(r"(?i)(?::|\b(?:att|ska|skall|lovar|följande|göra|gör))\s*$")
_REPORTING = re.compile(r"(?i)redovisa|återrapport|rapportera|återkoppla|kommunicera ut")


def _is_lead_in(block: Block, following: Block | None) -> bool:
    """A line that introduces what follows: "Kommunen ska", "Polisen och kommunen lovar att:"."""
    if block.bullet:
        return False
    text = block.text
    if following is not None and following.bullet:
        return True
    if text.rstrip().endswith(":") or re.search(r"(?i)\bföljande\b", text):
        return True
    promises = promisers(text) is not None
    return promises and not _is_sentence(text) and bool(_LEAD_END.search(text))


def _is_heading(block: Block) -> bool:
    """A short line that is not a sentence and promises nothing."""
    text = block.text
    words = text.split()
    return (
        not block.bullet
        and 0 < len(words) <= 12
        and not _is_sentence(text)
        and (text[0].isupper() or bool(block.number))
        and promisers(text) is None
    )


@dataclass
class _Walk:
    """What the reader knows at a point in the document."""

    period: tuple[date, date] | None
    headings: list[FocusAreaProposal] = field(default_factory=list)
    heading: int | None = None  # index in headings of the current heading
    used_headings: set[int] = field(default_factory=set)
    list_kind: str = ""  # "areas", "agreement_areas", "commitments", "other"
    list_parties: list[str] = field(default_factory=list)
    unmarked: bool = False  # a list of commitments whose items carry no markers
    listed_areas: list[FocusAreaProposal] = field(default_factory=list)
    agreement_areas: list[FocusAreaProposal] = field(default_factory=list)
    commitments: list[CommitmentProposal] = field(default_factory=list)

    def add(self, text: str, names: list[str], targets: list[Target]) -> None:
        responsible, kinds = _responsible(names)
        focus = None if _REPORTING.search(text) and "medborgar" in text else self.heading
        if focus is not None:
            self.used_headings.add(focus)
        for target in targets:
            self.commitments.append(CommitmentProposal(text, responsible, kinds, focus, target))


def _lead_in(walk: _Walk, block: Block) -> None:
    """Remember what kind of list a lead-in opens, and who promises in it."""
    text = block.text
    names = promisers(text)
    if names is not None:
        walk.list_kind, walk.list_parties = "commitments", names
        targets = read_targets(text, walk.period)
        if targets[0].kind == "count":  # "Polisen ska göra minst 50 insatser, bland annat:"
            walk.add(text, names, targets)
    elif _AREA_LEAD.search(text) and not _GOAL_LEAD.search(text):
        walk.list_kind = "agreement_areas" if _AGREEMENT_WORD.search(text) else "areas"
    else:
        walk.list_kind = "other"


def _item(walk: _Walk, block: Block) -> None:
    """A list item: a focus area, a commitment, or neither, by its list's lead-in."""
    if walk.list_kind in ("areas", "agreement_areas"):
        areas = walk.listed_areas if walk.list_kind == "areas" else walk.agreement_areas
        areas.append(FocusAreaProposal(block.text.rstrip(";, "), block.number))
        return
    if walk.list_kind == "commitments":
        names = promisers(block.text)
        names = names if names is not None else walk.list_parties
        walk.add(block.text, names, read_targets(block.text, walk.period))


_OBLIGATION = re.compile(r"(?i)\b(?:ska|skall|kommer att)\b")


def _is_passive_promise(sentence: str, targets: list[Target]) -> bool:
    """A sentence that names no party but binds someone to a number or a date.

    "Två trygghetsvandringar ska genomföras per år", "En handlingsplan ska tas
    fram under hösten 2026". Not a statement of the document's validity
    ("Överenskommelsen gäller … och ska vid periodens slut följas upp").
    """
    return (
        targets[0].kind != "ongoing"
        and bool(_OBLIGATION.search(sentence))
        and not _VALIDITY.search(sentence)
    )


def _paragraph(walk: _Walk, block: Block) -> None:
    """The commitments of a paragraph, sentence by sentence (see the module's rules)."""
    current: tuple[str, list[str], list[Target]] | None = None
    for sentence in sentences_of(block.text):
        names = promisers(sentence)
        targets = read_targets(sentence, walk.period)
        if names is None and not current and _is_passive_promise(sentence, targets):
            names = []  # "Tistel ska träffas minst fyra gånger per år": by all parties
        if names is not None or (current and targets[0].kind != "ongoing"):
            if current:
                walk.add(*current)
            current = (sentence, names if names is not None else current[1], targets)
        elif current:
            current = (current[0] + " " + sentence, current[1], current[2])
    if current:
        walk.add(*current)


def _in_list(walk: _Walk, block: Block) -> bool:
    """Is the block an item of the list being read (rather than a heading or paragraph)?

    Bullets always are; a numbered line is while a list is open, or when it is
    too long or too complete to be a heading ("2. Att samarbeta kring…").
    Without markers (as PDF text often is), the lines after a lead-in such as
    "Kommunen ska" are its items until a heading, a new lead-in or a line
    ending "!" or "?".
    """
    if block.bullet:
        return True
    if block.number:
        return bool(walk.list_kind) or not _is_heading(block)
    return walk.unmarked and not _is_heading(block) and not block.text.endswith(("!", "?"))


def read_body(blocks: list[Block], start: int, period) -> _Walk:
    """Walk the blocks after the title, collecting headings, lists and commitments."""
    walk = _Walk(period=period)
    for index in range(start, len(blocks)):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        lead_in = _is_lead_in(block, following)
        if not lead_in and _in_list(walk, block):
            _item(walk, block)
            continue
        walk.list_kind, walk.unmarked = "", False
        if lead_in:
            _lead_in(walk, block)
            opens_list = following is not None and bool(following.bullet or following.number)
            walk.unmarked = walk.list_kind == "commitments" and not opens_list
            if not opens_list:  # "Det här ska vi göra": a section of its own, under no heading
                walk.heading = None
            continue
        if _is_heading(block):
            walk.headings.append(FocusAreaProposal(block.text, block.number))
            walk.heading = len(walk.headings) - 1
            continue
        _paragraph(walk, block)
    return walk


def _similar(heading: str, listed: str) -> bool:
    """Does a short heading name the same area as a listed one ("Trygghet", "Ökad trygghet…")?"""
    stem = heading.split()[0].lower()[:6]
    return stem in listed.lower()


def focus_areas(kind: str, walk: _Walk) -> tuple[list[FocusAreaProposal], dict[int, int]]:
    """The focus areas, and how the headings' indexes map into them.

    An agreement's areas are its numbered headings. A promise's are the
    headings its commitments stand under, in the promise's own listed wording
    when it lists as many areas in the same order; else the listed areas.
    """
    if kind == "agreement":
        numbered = [i for i, heading in enumerate(walk.headings) if heading.number]
        if numbered:
            return [walk.headings[i] for i in numbered], {i: n for n, i in enumerate(numbered)}
    used = sorted(walk.used_headings)
    if used:
        areas = [walk.headings[i] for i in used]
        listed = walk.listed_areas
        if len(listed) == len(areas) and all(
            _similar(a.title, b.title) for a, b in zip(areas, listed, strict=True)
        ):
            areas = listed
        return areas, {i: n for n, i in enumerate(used)}
    return walk.listed_areas or walk.agreement_areas, {}


def extract(text: str) -> Proposal:
    """Propose what a signed promise or agreement holds, from its text alone."""
    blocks = blocks_of(text)
    title, title_index = read_title(blocks)
    kind = (
        "agreement" if _AGREEMENT_WORD.search(title) and "löfte" not in title.lower() else "promise"
    )
    parties = read_parties(title, blocks)
    title = _with_subtitle(title, blocks, title_index, parties)
    start, end, period_text = read_period(title, blocks)
    period = (start, end) if start and end else None
    signed_on, signatories = read_signing(blocks)

    walk = read_body(blocks, title_index + 1, period)
    areas, heading_map = focus_areas(kind, walk)
    commitments = walk.commitments
    for commitment in commitments:
        if commitment.focus_area is not None:
            commitment.focus_area = heading_map.get(commitment.focus_area)

    proposal = Proposal(
        kind=kind,
        title=title,
        parties=parties,
        period_start=start,
        period_end=end,
        period_text=period_text,
        signed_on=signed_on,
        signatories=signatories,
        focus_areas=areas,
        commitments=commitments,
    )
    _reporting_duty(proposal)
    return proposal


def _reporting_duty(proposal: Proposal) -> None:
    """ "redovisa resultat för medborgarna minst två gånger under perioden": reports required.

    Counted over the whole period, so "minst en gång per halvår" in a promise
    for two years is four reports.
    """
    for commitment in proposal.commitments:
        target = commitment.target
        text = commitment.text
        if target.kind != "count" or not _REPORTING.search(text) or "medborgar" not in text:
            continue
        years = (
            proposal.period_end.year - proposal.period_start.year + 1
            if proposal.period_start and proposal.period_end
            else 1
        )
        times = {"period": 1, "year": years}.get(target.per)
        if times and target.quantity:
            proposal.reports_required = target.quantity * times
            proposal.reporting_text = text


def _with_subtitle(title: str, blocks: list[Block], index: int, parties: list[Party]) -> str:
    """ "Medborgarlöfte 2025" followed by a line naming only its parties: one title."""
    if index < 0 or index + 1 >= len(blocks):
        return title
    subtitle = blocks[index + 1].text
    rest = subtitle
    for party in parties:
        rest = rest.replace(party.name, "")
    if not _is_sentence(subtitle) and parties and not re.sub(r"\b(?:och|samt)\b|[,\s–-]", "", rest):
        return f"{title} – {subtitle}"
    return title
