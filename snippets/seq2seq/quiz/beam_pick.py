# --8<-- [start:question]
NEXT = {  # the probability of each next token, given the tokens written so far
    (): {"a": 0.6, "b": 0.4},
    ("a",): {"c": 0.4, "d": 0.35, "e": 0.25},
    ("b",): {"c": 0.55, "d": 0.45},
    ("a", "c"): {"f": 0.55, "g": 0.45},
    ("a", "d"): {"f": 0.9, "g": 0.1},
    ("a", "e"): {"f": 0.7, "g": 0.3},
    ("b", "c"): {"f": 0.7, "g": 0.3},
    ("b", "d"): {"f": 0.9, "g": 0.1},
}
# --8<-- [end:question]


def beam(width, show=False, own=False):
    beams = [((), 1.0, 1.0)]  # (tokens so far, their probability, the last token's own)
    for step in range(1, 4):
        grown = [((*w, t), p * q, q) for w, p, _ in beams for t, q in NEXT[w].items()]
        beams = sorted(grown, key=lambda b: b[2] if own else b[1], reverse=True)[:width]
        if show:
            print(f"step {step} scores:", [(" ".join(w), round(p, 3)) for w, p, _ in grown])
            print("       keeps: ", [" ".join(w) for w, _, _ in beams])
    return beams[0]


print("greedy (width 1):", " ".join(beam(width=1)[0]))
best = beam(width=100)  # wider than the table: every sequence
print("likeliest sequence:", " ".join(best[0]), round(best[1], 3))
print("width 2, ranked by each token's own probability:", " ".join(beam(2, own=True)[0]))
print(" ".join(beam(width=2, show=True)[0]))
