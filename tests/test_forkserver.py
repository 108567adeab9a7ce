"""The fork server (engine/forkserver.py) runs `python -m module` as a real process would: its
exit code, its stdout and stderr apart, its own working folder; and it kills a child that
runs past its time limit, saying so, instead of waiting for it forever."""

import os

import pytest

from engine import forkserver

TALKER = """\
import sys
print("out", sys.argv[1:], __name__)
print("err", file=sys.stderr)
sys.exit(3)
"""


@pytest.fixture(scope="module")
def server():
    started = forkserver.Server()
    yield started
    started.close()


def test_a_child_runs_as_python_dash_m_would(server, tmp_path):
    (tmp_path / "talker.py").write_text(TALKER, encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", "")}
    forked = server.run(tmp_path, ["a", "b"], env, module="talker")
    assert (forked.returncode, forked.stdout, forked.stderr) == (
        3,
        "out ['a', 'b'] __main__\n",
        "err\n",
    )


def test_a_child_past_its_limit_is_killed_and_named(server, tmp_path):
    (tmp_path / "sleeper.py").write_text("import time\ntime.sleep(60)\n", encoding="utf-8")
    forked = server.run(tmp_path, [], {}, module="sleeper", limit=1)
    assert forked.returncode == -9
    assert f"killed after 1 s, still running: python -m sleeper (in {tmp_path})" in forked.stdout
    # The server goes on serving after a kill.
    (tmp_path / "quick.py").write_text("print('still here')\n", encoding="utf-8")
    assert server.run(tmp_path, [], {}, module="quick").stdout == "still here\n"
