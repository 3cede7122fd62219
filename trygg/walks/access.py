"""Who may do what with safety walks, in the terms of trygg.organisations.access.

* A walk belongs to the organisations taking part (the organiser among them):
  their members see the walk and its report.
* Their coordinators and administrators plan and change the walk, mark it held,
  route findings to owners and issue the report (`can_edit`).
* Their members who log work (reporters too) add findings during the walk (`can_log`).
* A finding's owner organisation sees it and its photos ("Mina fynd") even if it
  did not take part, and its members who log work update its status (`can_log`).
"""

from django.db.models import Q, QuerySet

from trygg.organisations.access import (
    EDIT_ROLES,
    AnyUser,
    can_edit,
    can_log,
    organisation_ids,
    visible,
)

from .models import Finding, Walk


def visible_walks(user: AnyUser) -> QuerySet[Walk]:
    """The walks one of the user's organisations took part in."""
    return visible(Walk.objects.all(), user, "organisations")


def visible_findings(user: AnyUser) -> QuerySet[Finding]:
    """Findings of the user's walks, and findings their organisations own."""
    organisations = organisation_ids(user)
    walks = Walk.organisations.through.objects.filter(organisation_id__in=organisations)
    return Finding.objects.filter(
        Q(walk_id__in=walks.values("walk_id")) | Q(owner_id__in=organisations)
    )


def _walk_organisation_ids(walk: Walk) -> set[int]:
    return {walk.organiser_id, *walk.organisations.values_list("id", flat=True)}


def may_plan(user: AnyUser) -> bool:
    """Coordinators and administrators plan walks for their organisations."""
    return bool(organisation_ids(user, EDIT_ROLES))


def may_change(user: AnyUser, walk: Walk) -> bool:
    """Change the walk, mark it held, route its findings, issue its report."""
    return can_edit(user, _walk_organisation_ids(walk))


def may_add_findings(user: AnyUser, walk: Walk) -> bool:
    """Anyone of the walk's organisations who logs work may note findings on the walk."""
    return can_log(user, _walk_organisation_ids(walk))


def may_update(user: AnyUser, finding: Finding) -> bool:
    """The owner organisation's members who log work update the finding's status."""
    return finding.owner_id is not None and can_log(user, {finding.owner_id})
