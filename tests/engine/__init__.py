"""The verification engine: collect, expand, run, compare, prove keys.

Importing it pins the CPU kernel path to the reference (engine/kernels.py) before torch loads,
unless the user has chosen another path: every snippet, proof and experiment runs on it.
"""

from . import kernels

kernels.pin()
