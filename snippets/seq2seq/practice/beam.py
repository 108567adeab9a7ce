NEXT = {  # the probability of each next word, given the words written so far
    (): {"the": 0.5, "a": 0.4, "one": 0.1},
    ("the",): {"cat": 0.3, "dog": 0.7},
    ("a",): {"cat": 0.9, "dog": 0.1},
    ("one",): {"cat": 0.7, "dog": 0.3},
}


def beam(width):
    beams = [((), 1.0)]  # (words so far, their probability)
    for _ in range(2):
        grown = [((*w, t), p * q) for w, p in beams for t, q in NEXT[w].items()]
        beams = sorted(grown, key=lambda b: b[1], reverse=__1__)[:__2__]
    return beams


beams = beam(width=2)
print("kept:", [(" ".join(w), round(p, 2)) for w, p in beams])
