"""Promises and commitments as the user may see them, in terms of organisations.access.

A promise belongs to its parties: their members read it, their reporters and
up log work toward it, their coordinators and administrators change it.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from trygg.organisations.access import access

from .models import Commitment, Promise


def get_promise_for_user(request: HttpRequest, slug: str) -> tuple[Promise, bool]:
    """The promise if the user's organisations are party to it (else 404); may they change it?"""
    policy = access(request)
    promise = get_object_or_404(
        Promise.objects.filter(parties__in=policy.organisations()).distinct(), slug=slug
    )
    return promise, policy.can_edit(promise.party_ids())


def get_commitment_for_user(request: HttpRequest, pk: int) -> tuple[Commitment, bool]:
    """The commitment if the user may see its promise (else 404); may they change it?"""
    policy = access(request)
    commitments = Commitment.objects.filter(promise__parties__in=policy.organisations())
    commitment = get_object_or_404(commitments.distinct().select_related("promise"), pk=pk)
    return commitment, policy.can_edit(commitment.promise.party_ids())
