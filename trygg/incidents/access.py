"""Who sees which incidents: the one rule, used by every incident page and export.

A reporter (a caretaker, a shop, a guard) sees the reports they made
themselves. Coordinators, administrators and viewers see their collaboration's
incidents: those in the municipalities their organisations cover, except those
another organisation has kept internal.
"""

from django.db.models import Q, QuerySet

from trygg.organisations.access import AnyUser, organisation_ids
from trygg.organisations.models import Organisation, Role

from .models import Incident

READ_ALL_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.VIEWER})


def visible_incidents(user: AnyUser) -> QuerySet[Incident]:
    if not user.is_authenticated:
        return Incident.objects.none()
    own_reports = Q(created_by=user)
    reading_orgs = organisation_ids(user, READ_ALL_ROLES)
    if not reading_orgs:
        return Incident.objects.filter(own_reports)
    municipalities = Organisation.municipalities.through.objects.filter(
        organisation_id__in=reading_orgs
    ).values("municipality_id")
    collaboration = Q(municipality_id__in=municipalities) & (
        ~Q(visibility=Incident.Visibility.INTERNAL) | Q(organisation_id__in=reading_orgs)
    )
    return Incident.objects.filter(own_reports | collaboration)
