"""Publishing: the one place that turns a working copy into its next immutable version."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from .models import PublishedVersion


@transaction.atomic
def publish_version(
    versions, content: dict[str, Any], user: AbstractBaseUser, change_note: str = ""
) -> PublishedVersion:
    """Store `content` as the next version in `versions` (a related manager).

    Version 1 is the first publication; any later one is a correction and must
    say what changed, so that readers of both versions know why they differ.
    """
    number = versions.count() + 1
    if number > 1 and not change_note.strip():
        raise ValueError("a correction must say what changed")
    return versions.create(
        number=number,
        published_at=timezone.now(),
        published_by=user,
        change_note=change_note,
        content=content,
    )
