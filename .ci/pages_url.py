"""Write the address GitHub Pages serves this repository's site at to the step's outputs, as
`base_url` (.github/workflows/pages.yml passes it to the build as SITE_URL).

It asks the REST API for the repository's Pages site and drops the final slash of its
`html_url`, which is what actions/configure-pages did for this workflow; a few lines of the
standard library need no action of their own to trust with the job's token (DESIGN.md, "The
publishing workflow"). Needs GITHUB_TOKEN with `pages: read`, and the variables every job
has: GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_OUTPUT.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request


def main() -> int:
    repository = os.environ["GITHUB_REPOSITORY"]
    request = urllib.request.Request(
        f"{os.environ['GITHUB_API_URL']}/repos/{repository}/pages",
        headers={
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {os.environ['GITHUB_TOKEN']}",
            "X-GitHub-Api-Version": "2022-11-28",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            site = json.load(response)
    except urllib.error.HTTPError as error:
        print(
            f"The Pages site of {repository} could not be read (HTTP {error.code}). Is Pages "
            "enabled, with GitHub Actions as its source (Settings, Pages)? Does the job's "
            "token have `pages: read`?",
            file=sys.stderr,
        )
        return 1
    base_url = site["html_url"].removesuffix("/")
    with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as output:
        print(f"base_url={base_url}", file=output)
    print(f"GitHub Pages serves {repository} at {base_url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
