"""The verification engine: collect, expand, run, compare, prove keys, check figures."""
