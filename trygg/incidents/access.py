"""Who sees which incidents: the one rule, used by every incident page and export.

A reporter (a caretaker, a shop, a guard) sees the reports they made
themselves. Coordinators, administrators and viewers see their collaboration's
incidents: those in the municipalities their organisations cover, except those
another organisation has kept internal.
"""

from django.db.models import Q, QuerySet

from trygg.organisations.access import READ_ROLES, Access, AnyUser

from .models import Incident


def visible_incidents(user: AnyUser, policy: Access | None = None) -> QuerySet[Incident]:
    """The incidents the user may see; pass the request's Access to spare its queries."""
    if not user.is_authenticated:
        return Incident.objects.none()
    policy = policy or Access(user)
    own_reports = Q(created_by=user)
    reading_orgs = policy.organisations(READ_ROLES)
    if not reading_orgs:
        return Incident.objects.filter(own_reports)
    collaboration = Q(municipality_id__in=policy.municipalities(READ_ROLES)) & (
        ~Q(visibility=Incident.Visibility.INTERNAL) | Q(organisation_id__in=reading_orgs)
    )
    return Incident.objects.filter(own_reports | collaboration)
