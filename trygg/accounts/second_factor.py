"""Who must use a second factor, and whether they have in this session.

allauth asks for the second factor at login when a user has one. Trygg adds the
rule that coordinators, administrators and superusers must have one at all
(TRYGG_REQUIRE_MFA), and remembers in the session that the factor was used: at
login, on confirming it later, on enrolling it, or by the identity provider's
login when that counts (TRYGG_OIDC_COUNTS_AS_MFA).
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest

from trygg.organisations.access import EDIT_ROLES, organisation_ids

SESSION_KEY = "trygg_second_factor_user"


def must_use_second_factor(user: AbstractBaseUser) -> bool:
    """Does this user's role require a second factor (when TRYGG_REQUIRE_MFA is on)?"""
    return user.is_superuser or bool(organisation_ids(user, EDIT_ROLES))


def mark_used(request: HttpRequest, user: AbstractBaseUser) -> None:
    """Remember that this user gave a second factor in this session."""
    request.session[SESSION_KEY] = str(user.pk)


def used_in_session(request: HttpRequest) -> bool:
    return request.session.get(SESSION_KEY) == str(request.user.pk)


def is_held(request: HttpRequest) -> bool:
    """Is the logged-in user kept at the second step until they give a second factor?"""
    user = request.user
    return (
        settings.TRYGG_REQUIRE_MFA
        and user.is_authenticated
        and not used_in_session(request)
        and must_use_second_factor(user)
    )
