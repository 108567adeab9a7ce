# --8<-- [start:question]
NEXT = {  # the probability of each next token, given the tokens written so far
    (): {"a": 0.55, "b": 0.45},
    ("a",): {"x": 0.6, "y": 0.4},
    ("b",): {"x": 0.8, "y": 0.2},
}
# --8<-- [end:question]


def beam(width):
    beams = [((), 1.0)]  # (tokens so far, their probability)
    for _ in range(2):
        grown = [((*w, t), p * q) for w, p in beams for t, q in NEXT[w].items()]
        print("extensions:", [(" ".join(w), round(p, 3)) for w, p in grown])
        beams = sorted(grown, key=lambda b: b[1], reverse=True)[:width]
        print("kept:", [(" ".join(w), round(p, 3)) for w, p in beams])
    return beams[0][0]


print(" ".join(beam(2)))
