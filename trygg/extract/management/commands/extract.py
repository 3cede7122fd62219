"""`trygg extract FILE [--json]`: propose what a signed promise or agreement holds.

    trygg extract medborgarlofte-2026.pdf
    trygg extract overenskommelse.docx --json

Nothing is stored: the proposal is printed for a person to check, as JSON or
as a short Swedish summary. The upload page (`/inlasning/`) uses the same
reader and lets a coordinator confirm it into a promise.
"""

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trygg.extract.documents import DocumentError, read_path
from trygg.extract.reader import Proposal, extract
from trygg.extract.targets import Target

PER_WORDS = {
    "year": "per år",
    "month": "per månad",
    "week": "per vecka",
    "period": "under perioden",
}


def describe_target(target: Target) -> str:
    """A target in a few Swedish words: "minst 4 gånger per år", "klart 2025-05-31"."""
    if target.kind == "count":
        qualifier = "ca " if target.approximate else ("minst " if target.minimum else "högst ")
        per = PER_WORDS.get(target.per) or target.per_text
        place = f" ({target.place})" if target.place else ""
        return f"{qualifier}{target.quantity} {target.unit} {per}{place}".strip()
    if target.kind == "milestone":
        due = target.due.isoformat() if target.due else "datum saknas"
        return f"klart {due} ({target.due_text})"
    return "löpande"


def summary(proposal: Proposal) -> str:
    """The proposal as a readable Swedish text for the terminal."""
    kind = "Samverkansöverenskommelse" if proposal.kind == "agreement" else "Medborgarlöfte"
    period = (
        f"{proposal.period_start} – {proposal.period_end}"
        if proposal.period_start
        else "hittades inte"
    )
    lines = [
        f"{kind}: {proposal.title}",
        f"Parter: {', '.join(p.name for p in proposal.parties) or 'hittades inte'}",
        f"Period: {period}",
    ]
    if proposal.signed_on:
        lines.append(f"Undertecknat: {proposal.signed_on}")
    lines.append(f"Fokusområden ({len(proposal.focus_areas)}):")
    lines += [f"  {i}. {area.title}" for i, area in enumerate(proposal.focus_areas, 1)]
    lines.append(f"Åtaganden ({len(proposal.commitments)}):")
    for number, commitment in enumerate(proposal.commitments, 1):
        who = ", ".join(commitment.responsible) or "alla parter"
        lines.append(f"  {number}. [{describe_target(commitment.target)}] {who}:")
        lines.append(f"     {commitment.text}")
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Läser ett medborgarlöfte eller en samverkansöverenskommelse (.txt, .docx eller .pdf) "
        "och föreslår parter, period, fokusområden och åtaganden med mål."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Dokumentet: .txt, .docx eller .pdf.")
        parser.add_argument("--json", action="store_true", help="Skriv förslaget som JSON.")

    def handle(self, *args, **options) -> None:
        try:
            text = read_path(options["file"])
        except DocumentError as error:
            raise CommandError(str(error)) from None
        proposal = extract(text)
        if options["json"]:
            self.stdout.write(json.dumps(proposal.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(proposal))
