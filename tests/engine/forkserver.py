"""Run many short Python processes without paying for their imports each time.

The guard and scaffold tests verify copies of the project, each in a process of its own
(`python -m pytest`, `python -m engine.new`). Most of such a process's time went to importing
torch, pytest and Markdown. This server imports them once, then forks a child for each
request: the child is a new process, as `python -m …` in the copy would be, except that those
modules are already loaded. It imports nothing of the project (engine/ comes from the copy, in
the child), and it runs no torch operation before forking (torch starts its thread pools on
first use; the BLAS threads numpy starts on import survive a fork). What a process reads only
when it starts stays the server's: the hash seed, and variables such as OMP_NUM_THREADS or
PYTHONWARNINGS (the guard and the scaffold tests set none of them per run).

Protocol: one JSON object per line on stdin, {"cwd", "module", "args", "env", "output",
"limit"}; the server forks a child that runs `python -m module *args` there, with its stdout
in the file "output" and its stderr in "output.err", and answers with one line, the child's
exit code. A child still running after "limit" seconds is killed, and its output says so (a
hung check fails in minutes, naming its command, instead of holding CI until its own time
runs out). `Server` is the client side; `Servers`, a few of them shared by threads.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

# Imported once by the server (numpy, Markdown and pytest's own modules come with them), then
# what a child's pytest imports besides: mkdocs.yml's theme and Markdown extensions, the
# notebook tools, pytest's plugins. A module missing here costs a child its import, no more.
PRELOADED = [
    "torch",
    "pytest",
    "pdb",  # pytest's --pdb option
    "pytest_codeblocks.plugin",
    "pymdownx.snippets",
    "mkdocs.config.defaults",
    "mkdocs.structure.pages",
    "mkdocs.theme",
    "material.extensions.emoji",
    "latex2mathml.converter",
    *(f"pymdownx.{name}" for name in ("arithmatex", "details", "highlight", "inlinehilite")),
    *(f"pymdownx.{name}" for name in ("quotes", "saneheaders", "superfences")),
    *(f"markdown.extensions.{name}" for name in ("abbr", "admonition", "attr_list", "toc")),
    *(f"markdown.extensions.{name}" for name in ("def_list", "md_in_html", "tables")),
    "nbformat",
    "jupytext",
    "jupyter_client",
]
WORKERS = 2  # children run side by side (guard cases, scaffold flows): CI has two cores
LIMIT = 600  # s a child may run: the longest, a guard case that trains, takes about a minute


class Overdue(Exception):
    """Raised in the server by SIGALRM when a child has run past its limit."""


def overdue(signum, frame) -> None:
    raise Overdue


def serve() -> None:
    # sys.path[0] is this file's folder, engine/: its modules (config, page, run, …) must not
    # stand in for a library's while the server imports, nor reach a child.
    del sys.path[0]
    for name in PRELOADED:
        __import__(name)
    # What is imported now lives as long as every child: gc.freeze() moves it out of the
    # collector's sight, so a child's collections (pytest runs two when it ends) scan only
    # what the child made, not torch's objects too (0.2 s a child; its memory stays shared).
    gc.freeze()
    requests = sys.stdin.buffer
    answers = sys.stdout.buffer
    signal.signal(signal.SIGALRM, overdue)
    while line := requests.readline():
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            child(request)  # never returns
        answers.write(f"{wait(pid, request)}\n".encode())
        answers.flush()


def wait(pid: int, request: dict) -> int:
    """The child's exit code, once it has ended; killed after its time limit."""
    status = None
    try:
        signal.alarm(request["limit"])
        _, status = os.waitpid(pid, 0)
    except Overdue:
        pass
    finally:
        signal.alarm(0)
    if status is not None:
        return os.waitstatus_to_exitcode(status)
    with contextlib.suppress(ProcessLookupError, ChildProcessError):  # it ended just then
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    command = " ".join(["python -m", request["module"], *request["args"]])
    said = f"killed after {request['limit']} s, still running: {command} (in {request['cwd']})"
    with open(request["output"], "a", encoding="utf-8") as output:
        output.write(f"\n{said}\n")
    return -signal.SIGKILL


def child(request: dict) -> None:
    code = 1  # as Python exits on an uncaught exception
    try:
        for fd, name in ((1, request["output"]), (2, request["output"] + ".err")):
            opened = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(opened, fd)
            os.close(opened)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        # As `python -m module` run in cwd would have it: cwd first, then PYTHONPATH.
        extra = [p for p in request["env"].get("PYTHONPATH", "").split(os.pathsep) if p]
        sys.path[0:0] = [request["cwd"], *extra]
        sys.argv = [request["module"], *request["args"]]
        import runpy

        try:
            runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
            if not isinstance(exit.code, int | None):
                print(exit.code, file=sys.stderr)
    except BaseException:  # reported in the output; the server goes on
        import traceback

        traceback.print_exc()
    finally:
        # What a real interpreter does on its way out: join its threads, run atexit handlers.
        with contextlib.suppress(BaseException):
            threading._shutdown()
            atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class Server:
    """One server process; `run` is one child at a time (use one Server per worker)."""

    def __init__(self) -> None:
        # Run as a script, not as engine.forkserver: the server must not import engine/.
        self.process = subprocess.Popen(
            [sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.lock = threading.Lock()

    def run(
        self,
        cwd: Path,
        args: list[str],
        env: dict[str, str],
        module: str = "pytest",
        limit: int = LIMIT,
    ) -> subprocess.CompletedProcess:
        """`python -m module *args` in `cwd` with `env`, its stdout and stderr captured; killed
        (exit code -9) if it runs for more than `limit` seconds."""
        with tempfile.TemporaryDirectory(prefix="forked-") as folder:
            output = Path(folder) / "stdout"
            request = {"cwd": str(cwd), "module": module, "args": args, "env": env}
            request.update(output=str(output), limit=limit)
            with self.lock:
                self.process.stdin.write(json.dumps(request).encode() + b"\n")
                self.process.stdin.flush()
                answer = self.process.stdout.readline()
            if not answer:
                raise RuntimeError(f"the fork server stopped (exit code {self.process.poll()})")
            texts = [
                path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
                for path in (output, Path(f"{output}.err"))
            ]
        return subprocess.CompletedProcess([module, *args], int(answer), *texts)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


class Servers:
    """`count` servers for threads that run children side by side: each thread borrows one
    (`lent`) for its children, so that no two threads share one; `close` ends them all."""

    def __init__(self, count: int) -> None:
        self.idle: queue.Queue[Server] = queue.Queue()
        for _ in range(count):
            self.idle.put(Server())

    @contextlib.contextmanager
    def lent(self) -> Iterator[Server]:
        server = self.idle.get()
        try:
            yield server
        finally:
            self.idle.put(server)

    def close(self) -> None:
        while not self.idle.empty():
            with contextlib.suppress(OSError):  # a server that died: close the others all the same
                self.idle.get().close()


if __name__ == "__main__":
    serve()
