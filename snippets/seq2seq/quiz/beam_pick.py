# --8<-- [start:question]
NEXT = {  # the probability of each next token, given the tokens written so far
    (): {"a": 0.45, "b": 0.35, "c": 0.2},
    ("a",): {"x": 0.4, "y": 0.3, "z": 0.3},
    ("b",): {"x": 0.56, "y": 0.44},
    ("c",): {"x": 1.0},
}
# --8<-- [end:question]


def beam(width, show=False):
    beams = [((), 1.0)]  # (tokens so far, their probability)
    for _ in range(2):
        grown = [((*w, t), p * q) for w, p in beams for t, q in NEXT[w].items()]
        beams = sorted(grown, key=lambda b: b[1], reverse=True)[:width]
        if show:
            print("extensions:", [(" ".join(w), round(p, 3)) for w, p in grown])
            print("kept:", [(" ".join(w), round(p, 3)) for w, p in beams])
    return beams[0]


best = beam(width=100)  # wider than the table: every sequence
print("likeliest sequence:", " ".join(best[0]), round(best[1], 3))
print(" ".join(beam(width=2, show=True)[0]))
