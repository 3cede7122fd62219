"""Production installs only what runs: requirements.lock without the test tools."""

import re
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[3]


def pins(lock: str) -> dict[str, str]:
    """{package: the pin with its hashes} in a `uv pip compile --generate-hashes` file."""
    text = (PROJECT / lock).read_text()
    blocks = re.findall(r"^([a-z0-9._-]+)==(\S+)((?:\s+\\\n\s+--hash=\S+)+)", text, re.M)
    return {name: version + "".join(sorted(hashes.split())) for name, version, hashes in blocks}


def test_the_runtime_lock_holds_no_test_tools_and_agrees_with_the_dev_lock():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    extra = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]["test"]
    tools = {re.split(r"[<>=\[ ]", requirement)[0].lower() for requirement in extra}
    assert {"pytest", "ruff", "playwright"} <= tools
    assert not tools & set(runtime), "test tools in the production lock"
    assert {"django", "gunicorn", "psycopg", "weasyprint"} <= set(runtime)
    # Every runtime package is pinned the same, hashes and all, in the development lock.
    assert {name: dev.get(name) for name in runtime} == runtime
    assert tools <= set(dev)
