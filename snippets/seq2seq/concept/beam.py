import math

# A toy decoder: the probability of each next token, given the tokens written so far.
NEXT = {
    (): {"a": 0.6, "b": 0.4},
    ("a",): {"x": 0.4, "y": 0.3, "z": 0.3},
    ("b",): {"x": 0.9, "y": 0.1},
    ("a", "x"): {"<end>": 1.0},
    ("a", "y"): {"<end>": 1.0},
    ("a", "z"): {"<end>": 1.0},
    ("b", "x"): {"<end>": 1.0},
    ("b", "y"): {"<end>": 1.0},
}


def greedy():
    written, log_p = (), 0.0
    while not written or written[-1] != "<end>":
        token, p = max(NEXT[written].items(), key=lambda item: item[1])
        written, log_p = (*written, token), log_p + math.log(p)
    return written, log_p


def beam(width):
    beams = [((), 0.0)]  # (tokens written so far, their summed log-probability)
    while any(not b[0] or b[0][-1] != "<end>" for b in beams):
        grown = []
        for written, log_p in beams:
            if written and written[-1] == "<end>":
                grown.append((written, log_p))  # finished: carried over as it is
                continue
            for token, p in NEXT[written].items():
                grown.append(((*written, token), log_p + math.log(p)))
        beams = sorted(grown, key=lambda b: b[1], reverse=True)[:width]  # keep the best
    return beams[0]


for name, (written, log_p) in [("greedy", greedy()), ("beam, width 2", beam(2))]:
    print(f"{name:14} {' '.join(written):11} probability {math.exp(log_p):.2f}")
