"""Who may read and record participation: the municipality's collaboration.

Dialogues, survey results and neighbourhood-watch areas belong to a
municipality, and so to the organisations that cover it, as incidents do.
Reading and recording are `organisations.access.get_municipality_for_user`'s
rules (read: viewers and up of an organisation covering the municipality;
record: its coordinators and administrators); anyone else gets 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from trygg.geo.models import Municipality
from trygg.organisations.access import EDIT_ROLES, access, municipality_owner_ids
from trygg.organisations.models import Organisation


def require_recorder(may_record: bool) -> None:
    if not may_record:
        raise PermissionDenied(_("Only coordinators may record participation."))


def recording_organisations(
    request: HttpRequest, municipality: Municipality
) -> QuerySet[Organisation]:
    """The user's own organisations that may record in the municipality: whose work it is."""
    ids = access(request).organisations(EDIT_ROLES) & municipality_owner_ids(municipality.id)
    return Organisation.objects.filter(id__in=ids)
