"""Who moderates which citizen reports, and which municipalities take reports at all.

A report concerns one municipality; the coordinators and administrators of
the organisations that cover that municipality (its own municipality
organisation, the police area) moderate it. Everyone else, viewers and
reporters of the same collaboration included, sees no report before it is
accepted, and then only as an incident or as open data.
"""

from django.db.models import QuerySet

from trygg.geo.models import Municipality
from trygg.organisations.access import EDIT_ROLES, Access, AnyUser
from trygg.organisations.models import Organisation

from .models import CitizenReport


def served_municipalities() -> QuerySet[Municipality]:
    """Municipalities some organisation in Trygg covers: there is someone to read a report."""
    return Municipality.objects.filter(organisations__isnull=False).distinct()


def can_moderate(policy: Access) -> bool:
    """Coordinators and administrators of an organisation covering a municipality moderate."""
    return bool(policy.municipalities(EDIT_ROLES))


def moderation_queue(policy: Access) -> QuerySet[CitizenReport]:
    """The reports the user may read and decide: those of the municipalities they moderate."""
    return CitizenReport.objects.filter(municipality_id__in=policy.municipalities(EDIT_ROLES))


def moderating_organisation(user: AnyUser, municipality: Municipality) -> Organisation | None:
    """The organisation an accepted report is recorded for: the user's, covering the municipality.

    The municipality's own organisation comes first when the user moderates for
    both it and the police area.
    """
    organisations = Organisation.objects.filter(
        id__in=Access(user).organisations(EDIT_ROLES), municipalities=municipality
    )
    preferred = organisations.filter(kind=Organisation.Kind.MUNICIPALITY).first()
    return preferred or organisations.first()
