"""Who may do what: the one place that turns memberships into permissions.

Everything a user may see belongs to one or more organisations (the parties of a
promise or agreement, the members of a forum, the organisation that logged an
activity) or to a municipality, and so to the organisations that cover it. A
user sees what belongs to any of their organisations; their role there decides
what they may change:

* read (viewer and up, reporters aside): a municipality's lägesbild, incidents,
  participation; a reporter reads only the incidents they reported;
* record (reporter and up): log work, report incidents, note walk findings;
* coordinate (coordinator, administrator): edit promises and registers, import
  files, moderate citizen reports.

`access(request)` reads the user's memberships once per request; views, the
admin, the importers and the template tags ask it rather than the database.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from trygg.geo.models import Municipality

from .models import Membership, Organisation, Role

# Roles that may log activities, edit promises and agreements, and read the
# collaboration's incidents (a reporter sees only their own reports).
LOG_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.REPORTER})
EDIT_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})
READ_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.VIEWER})

AnyUser = AbstractBaseUser | AnonymousUser


class Access:
    """One user's organisations by role and the municipalities those cover, read once."""

    def __init__(self, user: AnyUser) -> None:
        self.user = user
        self.roles: dict[int, str] = {}
        self.covers: dict[int, set[int]] = {}
        if not user.is_authenticated:
            return
        self.roles = dict(
            Membership.objects.filter(user=user).values_list("organisation_id", "role")
        )
        links = Organisation.municipalities.through.objects.filter(organisation_id__in=self.roles)
        for organisation_id, municipality_id in links.values_list(
            "organisation_id", "municipality_id"
        ):
            self.covers.setdefault(organisation_id, set()).add(municipality_id)

    def organisations(self, roles: frozenset[str] | None = None) -> set[int]:
        """The user's organisations, optionally only those where they hold one of roles."""
        return {org for org, role in self.roles.items() if roles is None or role in roles}

    def municipalities(self, roles: frozenset[str] | None = None) -> set[int]:
        """The municipalities covered by the user's organisations (with one of roles)."""
        return {m for org in self.organisations(roles) for m in self.covers.get(org, ())}

    def may_read(self, municipality_id: int) -> bool:
        """Read the municipality's lägesbild, incidents and participation."""
        return municipality_id in self.municipalities(READ_ROLES)

    def may_record(self, municipality_id: int) -> bool:
        """Log work and report incidents in the municipality."""
        return municipality_id in self.municipalities(LOG_ROLES)

    def may_coordinate(self, municipality_id: int) -> bool:
        """Change the municipality's registers, import into it, moderate its citizen reports."""
        return municipality_id in self.municipalities(EDIT_ROLES)

    def can_log(self, owner_ids: set[int]) -> bool:
        """May the user log work for something owned by these organisations?"""
        return bool(self.organisations(LOG_ROLES) & owner_ids)

    def can_edit(self, owner_ids: set[int]) -> bool:
        """May the user change something owned by these organisations?"""
        return bool(self.organisations(EDIT_ROLES) & owner_ids)


def access(request: HttpRequest) -> Access:
    """The user's Access, computed once per request and kept on it."""
    cached = getattr(request, "_trygg_access", None)
    if cached is None or cached.user is not request.user:
        cached = request._trygg_access = Access(request.user)
    return cached


def organisation_ids(user: AnyUser, roles: frozenset[str] | None = None) -> set[int]:
    """The ids of the organisations the user belongs to, optionally only with given roles.

    Superusers are not special-cased here: they use the Django admin, and the
    pages show them what their memberships give, like everyone else.
    """
    return Access(user).organisations(roles)


def collaboration_organisation_ids(own: Access) -> set[int]:
    """The organisations working in the municipalities the user's organisations coordinate.

    These are who a coordinator may name as parties, members or responsible:
    the police area beside the municipality, a housing company in it; never an
    organisation of another collaboration.
    """
    neighbours = Organisation.municipalities.through.objects.filter(
        municipality_id__in=own.municipalities(EDIT_ROLES)
    )
    return own.organisations(EDIT_ROLES) | set(neighbours.values_list("organisation_id", flat=True))


def can_log(user: AnyUser, owner_ids: set[int]) -> bool:
    """May the user log work for something owned by these organisations?"""
    return Access(user).can_log(owner_ids)


def can_edit(user: AnyUser, owner_ids: set[int]) -> bool:
    """May the user change something owned by these organisations?"""
    return Access(user).can_edit(owner_ids)


def visible(queryset: QuerySet, user: AnyUser, owner_lookup: str) -> QuerySet:
    """Limit a queryset to the objects owned by any of the user's organisations.

    `owner_lookup` leads from the model to its owning organisations, e.g.
    "parties" for a promise or "promise__parties" for a commitment.
    """
    return queryset.filter(**{f"{owner_lookup}__in": organisation_ids(user)}).distinct()


def municipality_owner_ids(municipality_id: int) -> set[int]:
    """The organisations a municipality's records belong to: those that cover it."""
    links = Organisation.municipalities.through.objects.filter(municipality_id=municipality_id)
    return set(links.values_list("organisation_id", flat=True))


def readable_municipalities(request: HttpRequest) -> QuerySet:
    """The municipalities whose lägesbild and participation the user may read."""
    return Municipality.objects.filter(id__in=access(request).municipalities(READ_ROLES))


def get_municipality_for_user(request: HttpRequest, scb_code: str) -> tuple[Municipality, bool]:
    """A municipality the user may read (else 404), and whether they may coordinate in it."""
    municipality = get_object_or_404(readable_municipalities(request), scb_code=scb_code)
    return municipality, access(request).may_coordinate(municipality.id)
