NEXT = {  # the probability of each next token, given the tokens written so far
    (): {"a": 0.55, "b": 0.45},
    ("a",): {"x": 0.6, "y": 0.4},
    ("b",): {"x": 0.8, "y": 0.2},
}


def beam(width):
    beams = [((), 1.0)]  # (tokens so far, their probability)
    for _ in range(2):
        grown = [((*w, t), p * q) for w, p in beams for t, q in NEXT[w].items()]
        beams = sorted(grown, key=lambda b: b[1], reverse=__1__)[:__2__]
    return beams


beams = beam(width=2)
print("kept:", [(" ".join(w), round(p, 2)) for w, p in beams])
