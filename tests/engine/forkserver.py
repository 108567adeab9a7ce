"""Run many short pytest processes without paying for Python's imports each time.

The guard and scaffold tests verify copies of the project, each in a pytest process of its
own. Most of such a process's time went to importing torch, pytest and Markdown. This server
imports them once, then forks a child for each request: the child is a new process, as
`python -m pytest` in the copy would be, except that those modules are already loaded. It
imports nothing of the project (engine/ comes from the copy, in the child), and it runs no
torch operation before forking, so no thread pool is copied into a child half-made.

Protocol: one JSON object per line on stdin, {"cwd", "args", "env", "output"}; the server
answers with one line, the child's exit code, and writes the child's stdout and stderr to the
file "output". `Server` is the client side.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

PRELOADED = [
    "torch",
    "numpy",
    "pytest",
    "_pytest.python",
    "_pytest.terminal",
    "pytest_codeblocks.main",
    "markdown",
    "pymdownx.snippets",
    "mkdocs.config",
    "nbformat",
]


def serve() -> None:
    for name in PRELOADED:
        __import__(name)
    requests = sys.stdin.buffer
    answers = sys.stdout.buffer
    while line := requests.readline():
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            child(request)  # never returns
        _, status = os.waitpid(pid, 0)
        answers.write(f"{os.waitstatus_to_exitcode(status)}\n".encode())
        answers.flush()


def child(request: dict) -> None:
    code = 70
    try:
        fd = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        # As `python -m pytest` run in cwd would have it: cwd first, then PYTHONPATH.
        extra = [p for p in request["env"].get("PYTHONPATH", "").split(os.pathsep) if p]
        sys.path[0:1] = [request["cwd"], *extra]
        sys.argv = ["pytest", *request["args"]]
        import pytest

        code = pytest.main(request["args"])
    except BaseException:  # reported in the output; the server goes on
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(int(code))


class Server:
    """One server process; `run` is one pytest process at a time (use one Server per worker)."""

    def __init__(self) -> None:
        # Run as a script, not as engine.forkserver: the server must not import engine/.
        self.process = subprocess.Popen(
            [sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.lock = threading.Lock()

    def run(self, cwd: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
        """`python -m pytest *args` in `cwd` with `env`, stdout and stderr captured together."""
        output = Path(cwd) / ".pytest-output"
        request = {"cwd": str(cwd), "args": args, "env": env, "output": str(output)}
        with self.lock:
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("the fork server stopped")
        text = output.read_text(encoding="utf-8", errors="replace")
        output.unlink()
        return subprocess.CompletedProcess(["pytest", *args], int(answer), text, "")

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


if __name__ == "__main__":
    serve()
