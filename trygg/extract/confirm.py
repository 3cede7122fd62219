"""From a proposal to a promise: pre-filling the forms, and saving what was confirmed."""

import re

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from trygg.organisations.models import Organisation
from trygg.promises.models import ActivityKind, Commitment, FocusArea, Promise

from .reader import Party, Proposal

# Words in a commitment that say which kind of logged work counts toward it. A
# suggestion for the coordinator, who sees and can change it before confirming.
ACTIVITY_WORDS: list[tuple[str, str]] = [
    (r"platsbesök", ActivityKind.SITE_VISIT),
    (r"fotpatrull", ActivityKind.FOOT_PATROL),
    (r"nattvandr", ActivityKind.NIGHT_WALK),
    (r"fältgrupp|fältare|fältarbet", ActivityKind.OUTREACH_EVENING),
    (r"medborgardialog", ActivityKind.CITIZEN_DIALOGUE),
    (r"trygghetsvandring", ActivityKind.SAFETY_WALK),
    (r"trafikkontroll|trafikövervak", ActivityKind.TRAFFIC_CONTROL),
    (r"orossamtal", ActivityKind.CONCERN_TALK),
    (r"uppsökande möten", ActivityKind.OUTREACH_MEETING),
    (r"utbildning", ActivityKind.TRAINING),
    (r"kartlägg|förstudie|utreda", ActivityKind.STUDY),
    (r"informera|information", ActivityKind.INFORMATION),
]


def suggest_activity_kind(text: str) -> str:
    """The kind of activity a commitment's words point to, or "" when none does."""
    lowered = text.lower()
    for pattern, kind in ACTIVITY_WORDS:
        if re.search(pattern, lowered):
            return kind
    return ""


def _place_word(name: str) -> str:
    """ "Västerviks kommun" → "Västervik", "Lokalpolisområde Karlshamn" → "Karlshamn"."""
    words = [w for w in name.split() if w.lower() not in ("kommun", "lokalpolisområde", "region")]
    word = words[0] if words else name
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def match_organisations(parties: list[Party]) -> list[Organisation]:
    """The registered organisations the document's parties most likely are.

    By exact name first; else a municipality or police area whose name holds
    the same place; "Polisen" or "Polismyndigheten" is the police area that
    covers the municipalities found.
    """
    found: list[Organisation] = []
    for party in parties:
        exact = Organisation.objects.filter(name__iexact=party.name).first()
        if exact:
            found.append(exact)
            continue
        if party.kind in ("municipality", "region") or party.name.startswith("Lokalpolis"):
            place = _place_word(party.name)
            kind = "police" if party.kind == "police" else party.kind
            match = Organisation.objects.filter(kind=kind, name__icontains=place).first()
            if match:
                found.append(match)
    if any(p.kind == "police" for p in parties) and not any(o.kind == "police" for o in found):
        municipalities = [m for o in found for m in o.municipalities.all()]
        police = Organisation.objects.filter(
            Q(kind="police"), Q(municipalities__in=municipalities)
        ).first()
        if police:
            found.append(police)
    return list(dict.fromkeys(found))


def promise_initial(proposal: Proposal, name: str) -> dict:
    """The promise form, filled from the proposal."""
    parties = match_organisations(proposal.parties)
    municipalities = {m.pk for party in parties for m in party.municipalities.all()}
    return {
        "title": proposal.title,
        "period_start": proposal.period_start,
        "period_end": proposal.period_end,
        "signed_on": proposal.signed_on,
        "reports_required": proposal.reports_required,
        "reporting_text": proposal.reporting_text,
        "parties": [party.pk for party in parties],
        "municipalities": sorted(municipalities),
        "signatories": "\n".join(f"{s.name}, {s.title}" for s in proposal.signatories),
        "source_name": name,
    }


def focus_initial(proposal: Proposal) -> list[dict]:
    return [{"include": True, "title": area.title} for area in proposal.focus_areas]


def commitment_initial(proposal: Proposal) -> list[dict]:
    """One row per proposed commitment, its target spread over the commitment form's fields."""
    rows = []
    for commitment in proposal.commitments:
        target = commitment.target
        text = commitment.text
        rows.append(
            {
                "include": True,
                "text": text,
                "focus": commitment.focus_area,
                "responsible_kinds": commitment.responsible_kinds,
                "target_kind": target.kind,
                "quantity": target.quantity,
                "unit": target.unit,
                "per": target.per,
                "minimum": target.minimum and not target.approximate,
                "due": target.due,
                "due_text": target.due_text,
                "activity_kind": suggest_activity_kind(f"{target.unit} {text}"),
                "evidence": " · ".join(
                    part for part in (target.evidence, target.per_text, target.place) if part
                ),
            }
        )
    return rows


def unique_slug(title: str) -> str:
    """A slug for the promise's address that no other promise has."""
    base = slugify(title)[:40].strip("-") or "medborgarlofte"
    slug, number = base, 1
    while Promise.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def responsible_missing(commitment_forms, parties) -> bool:
    """Mark rows whose ticked kinds match none of the chosen parties; True if any did."""
    kinds = {party.kind for party in parties}
    missing = False
    for form in commitment_forms:
        chosen = set(form.cleaned_data.get("responsible_kinds") or ())
        if form.cleaned_data.get("include") and chosen and not chosen & kinds:
            form.add_error("responsible_kinds", _("None of the chosen parties is of this kind."))
            missing = True
    return missing


@transaction.atomic
def create_promise(promise_form, focus_forms, commitment_forms) -> Promise:
    """Save the confirmed promise, its focus areas and commitments, all or nothing."""
    promise = promise_form.save(commit=False)
    promise.slug = unique_slug(promise.title)
    promise.signatories = promise_form.cleaned_data["signatories"]
    promise.source_note = promise_form.cleaned_data["source_name"][:250]
    promise.save()
    promise_form.save_m2m()

    areas: dict[int, FocusArea] = {}
    for index, form in enumerate(focus_forms):
        if form.cleaned_data.get("include"):
            areas[index] = FocusArea.objects.create(
                promise=promise, order=len(areas) + 1, title=form.cleaned_data["title"]
            )
    parties = list(promise.parties.all())
    order = 0
    for form in commitment_forms:
        if not form.cleaned_data.get("include"):
            continue
        order += 1
        commitment: Commitment = form.save(commit=False)
        commitment.promise = promise
        commitment.order = order
        commitment.focus_area = areas.get(form.cleaned_data["focus"])
        commitment.save()
        kinds = set(form.cleaned_data["responsible_kinds"])
        commitment.responsible.set([p for p in parties if not kinds or p.kind in kinds])
    return promise
