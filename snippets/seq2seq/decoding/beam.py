import math

# Toy decoders: the probability of each next token, given the tokens written so far.
BEAM_WINS = {
    (): {"a": 0.6, "b": 0.4},
    ("a",): {"x": 0.4, "y": 0.3, "z": 0.3},
    ("b",): {"x": 0.9, "y": 0.1},
}
PRUNED = {
    (): {"a": 0.4, "b": 0.35, "c": 0.25},
    ("a",): {"x": 0.4, "y": 0.3, "z": 0.3},
    ("b",): {"x": 0.55, "y": 0.45},
    ("c",): {"x": 0.92, "y": 0.08},
}
ENDS_EARLY = {
    (): {"<end>": 0.3, "a": 0.7},
    ("a",): {"b": 0.6, "c": 0.4},
    ("a", "b"): {"<end>": 0.6, "d": 0.4},
}


def next_tokens(table, written):
    return table.get(written, {"<end>": 1.0})  # a prefix not in the table ends


def beam(table, width):
    beams = [((), 0.0)]  # (tokens written so far, their summed log-probability)
    while any(not b[0] or b[0][-1] != "<end>" for b in beams):
        grown = []
        for written, log_p in beams:
            if written and written[-1] == "<end>":
                grown.append((written, log_p))  # finished: carried over as it is
                continue
            for token, p in next_tokens(table, written).items():
                grown.append(((*written, token), log_p + math.log(p)))
        beams = sorted(grown, key=lambda b: b[1], reverse=True)[:width]  # keep the best
    return beams  # the finished beams, best first


def show(name, beams):
    written, log_p = beams[0]
    print(f"  {name:14} {' '.join(written):11} probability {math.exp(log_p):.2f}")


for name, table in [("BEAM_WINS", BEAM_WINS), ("PRUNED", PRUNED)]:
    print(name)
    show("greedy", beam(table, width=1))  # a beam of one is greedy decoding
    show("beam, width 2", beam(table, width=2))
    show("every sequence", beam(table, width=100))  # wider than the table: nothing is pruned

ALPHA = 0.6  # the strength of Wu et al.'s length penalty, to tune
print("ENDS_EARLY, beam of width 2: log-probability summed, per token, and over Wu's lp")
for written, log_p in beam(ENDS_EARLY, width=2):
    lp = ((5 + len(written)) / 6) ** ALPHA
    print(f"  {' '.join(written):11} {log_p:6.2f} {log_p / len(written):6.2f} {log_p / lp:6.2f}")
