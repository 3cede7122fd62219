"""Demo logins: one user per role, so every part of Trygg can be tried.

All demo users share the password below. It is for a demo on one's own machine
only; the loader sets it when it creates a user and never changes it afterwards.
"""

from dataclasses import dataclass

from .seeds import KARLSHAMNS_KOMMUN, LPO_VASTERVIK, VASTERVIKS_KOMMUN

DEMO_PASSWORD = "trygg-demo-2026"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str  # organisations.Role
    organisation: str  # organisation slug
    is_superuser: bool = False


DEMO_USERS: list[DemoUser] = [
    DemoUser("admin", "admin", VASTERVIKS_KOMMUN, is_superuser=True),
    DemoUser("samordnare", "coordinator", VASTERVIKS_KOMMUN),
    DemoUser("kommunpolis", "coordinator", LPO_VASTERVIK),
    DemoUser("rapportor", "reporter", LPO_VASTERVIK),
    DemoUser("lasare", "viewer", VASTERVIKS_KOMMUN),
    DemoUser("karlshamn", "coordinator", KARLSHAMNS_KOMMUN),
]
