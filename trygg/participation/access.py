"""Who may read and record participation: the municipality's collaboration.

Dialogues, survey results and neighbourhood-watch areas belong to a
municipality, and so to the organisations that cover it, as incidents do.
The rules come from the places that own them: reading is the lägesbild's
(`lagesbild.views.readable_municipalities`: coordinators, administrators and
viewers of an organisation covering the municipality), recording is
`organisations.access.can_edit` over the municipality's organisations
(coordinators and administrators). Anyone else gets 404 for the municipality.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from trygg.geo.models import Municipality
from trygg.lagesbild.views import readable_municipalities
from trygg.organisations.access import EDIT_ROLES, AnyUser, can_edit, organisation_ids
from trygg.organisations.models import Organisation


def owner_ids(municipality: Municipality) -> set[int]:
    """The organisations a municipality's participation belongs to: those that cover it."""
    return set(municipality.organisations.values_list("id", flat=True))


def readable(request: HttpRequest, scb_code: str) -> tuple[Municipality, bool]:
    """The municipality if the user may read its participation (else 404); may they record?"""
    municipality = get_object_or_404(readable_municipalities(request), scb_code=scb_code)
    return municipality, can_edit(request.user, owner_ids(municipality))


def require_recorder(may_record: bool) -> None:
    if not may_record:
        raise PermissionDenied(_("Only coordinators may record participation."))


def recording_organisations(user: AnyUser, municipality: Municipality) -> QuerySet[Organisation]:
    """The user's own organisations that may record in the municipality: whose work it is."""
    ids = organisation_ids(user, EDIT_ROLES) & owner_ids(municipality)
    return Organisation.objects.filter(id__in=ids)
