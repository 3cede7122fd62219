"""Who may do what: the one place that turns memberships into permissions.

Everything a user may see belongs to one or more organisations (the parties of a
promise or agreement, the members of a forum, the organisation that logged an
activity). A user sees what belongs to any of their organisations; their role in
that organisation decides what they may change.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from .models import Membership, Organisation, Role

# Roles that may log activities, and roles that may edit promises and agreements.
LOG_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.REPORTER})
EDIT_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})

AnyUser = AbstractBaseUser | AnonymousUser


def organisation_ids(user: AnyUser, roles: frozenset[str] | None = None) -> set[int]:
    """The ids of the organisations the user belongs to, optionally only with given roles.

    Superusers are not special-cased here: they use the Django admin, and the
    pages show them what their memberships give, like everyone else.
    """
    if not user.is_authenticated:
        return set()
    memberships = Membership.objects.filter(user=user)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return set(memberships.values_list("organisation_id", flat=True))


def collaboration_organisation_ids(user: AnyUser) -> set[int]:
    """The organisations working in the municipalities the user's organisations coordinate.

    These are who a coordinator may name as parties, members or responsible:
    the police area beside the municipality, a housing company in it; never an
    organisation of another collaboration.
    """
    own = organisation_ids(user, EDIT_ROLES)
    covers = Organisation.municipalities.through.objects
    municipalities = covers.filter(organisation_id__in=own).values("municipality_id")
    neighbours = covers.filter(municipality_id__in=municipalities)
    return own | set(neighbours.values_list("organisation_id", flat=True))


def can_log(user: AnyUser, owner_ids: set[int]) -> bool:
    """May the user log work for something owned by these organisations?"""
    return bool(organisation_ids(user, LOG_ROLES) & owner_ids)


def can_edit(user: AnyUser, owner_ids: set[int]) -> bool:
    """May the user change something owned by these organisations?"""
    return bool(organisation_ids(user, EDIT_ROLES) & owner_ids)


def visible(queryset: QuerySet, user: AnyUser, owner_lookup: str) -> QuerySet:
    """Limit a queryset to the objects owned by any of the user's organisations.

    `owner_lookup` leads from the model to its owning organisations, e.g.
    "parties" for a promise or "promise__parties" for a commitment.
    """
    return queryset.filter(**{f"{owner_lookup}__in": organisation_ids(user)}).distinct()
