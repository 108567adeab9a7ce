"""The publishing workflow (.github/workflows/pages.yml, DESIGN.md "The publishing workflow"):
every action it uses is pinned to a commit with the release it is in beside it, and the step
that replaced actions/configure-pages reads the site's address as that action did.

zizmor (`nox -s lint`) fails on an action referenced by a tag or branch, but offline it cannot
check the version comment, which is how a reader and the next bump know what a SHA is."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
PINNED = re.compile(
    r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w.-]+(?:/[\w./-]+)?)@(?P<sha>[0-9a-f]{40})"
    r" # v\d+\.\d+\.\d+\s*$"
)


def _uses(node: object) -> list[str]:
    """Every `uses:` value in a parsed workflow, steps and reusable workflows alike."""
    if isinstance(node, dict):
        found = [node["uses"]] if isinstance(node.get("uses"), str) else []
        return found + [u for value in node.values() for u in _uses(value)]
    if isinstance(node, list):
        return [u for item in node for u in _uses(item)]
    return []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(workflow: Path):
    text = workflow.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if re.match(r"^\s*(?:-\s+)?uses:", line)]
    # Every `uses:` YAML sees is on a line of its own that the pattern reads.
    assert len(lines) == len(_uses(yaml.safe_load(text))) > 0
    wrong = [line.strip() for line in lines if not PINNED.match(line)]
    assert not wrong, (
        f"{workflow.name}: pin each action to the full commit SHA of a release, with the "
        f"release beside it (`uses: owner/repo@<40 hex> # v1.2.3`; DESIGN.md says how): {wrong}"
    )


def test_the_pattern_refuses_a_tag_a_short_sha_and_a_missing_version():
    sha = "3d3c42e5aac5ba805825da76410c181273ba90b1"
    assert PINNED.match(f"      - uses: actions/checkout@{sha} # v7.0.1")
    for line in [
        "      - uses: actions/checkout@v7",
        f"      - uses: actions/checkout@{sha[:12]} # v7.0.1",
        f"      - uses: actions/checkout@{sha}",
        f"      - uses: actions/checkout@{sha} # v7",
    ]:
        assert not PINNED.match(line), line


class _PagesAPI(BaseHTTPRequestHandler):
    """GET /repos/<owner>/<repo>/pages as the REST API answers it, for one repository."""

    def do_GET(self):
        self.server.requests.append((self.path, self.headers["Authorization"]))
        if self.path != "/repos/octo/site/pages":
            self.send_error(404)
            return
        body = json.dumps({"html_url": "https://octo.github.io/site/", "build_type": "workflow"})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


def _pages_url(tmp_path: Path, repository: str) -> tuple[subprocess.CompletedProcess, list]:
    server = HTTPServer(("127.0.0.1", 0), _PagesAPI)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        env = {
            **os.environ,
            "GITHUB_API_URL": f"http://127.0.0.1:{server.server_port}",
            "GITHUB_REPOSITORY": repository,
            "GITHUB_TOKEN": "the-job-token",
            "GITHUB_OUTPUT": str(tmp_path / "output"),
            # A proxy set on the machine must not stand between the script and this server.
            "no_proxy": "127.0.0.1",
            "NO_PROXY": "127.0.0.1",
        }
        run = subprocess.run(
            [sys.executable, str(ROOT / ".ci" / "pages_url.py")],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.shutdown()
        server.server_close()
    return run, server.requests


def test_pages_url_writes_the_site_address_without_its_final_slash(tmp_path: Path):
    run, requests = _pages_url(tmp_path, "octo/site")
    assert run.returncode == 0, run.stderr
    assert requests == [("/repos/octo/site/pages", "Bearer the-job-token")]
    assert (tmp_path / "output").read_text() == "base_url=https://octo.github.io/site\n"


def test_pages_url_fails_with_a_reason_when_pages_is_not_set_up(tmp_path: Path):
    run, _ = _pages_url(tmp_path, "octo/no-pages")
    assert run.returncode == 1
    assert "HTTP 404" in run.stderr and "pages: read" in run.stderr
    assert not (tmp_path / "output").exists()
