NEXT = {  # the same table as above
    (): {"a": 0.6, "b": 0.4},
    ("a",): {"c": 0.4, "d": 0.35, "e": 0.25},
    ("b",): {"c": 0.55, "d": 0.45},
    ("a", "c"): {"f": 0.55, "g": 0.45},
    ("a", "d"): {"f": 0.9, "g": 0.1},
    ("a", "e"): {"f": 0.7, "g": 0.3},
    ("b", "c"): {"f": 0.7, "g": 0.3},
    ("b", "d"): {"f": 0.9, "g": 0.1},
}


def beam(width):
    beams = [((), 1.0)]
    for _ in range(3):
        grown = [((*w, t), p * q) for w, p in beams for t, q in NEXT[w].items()]
        beams = sorted(grown, key=lambda b: b[1], reverse=True)[:width]
    return beams[0]


pairs = [((a, b), NEXT[()][a] * q) for a in "ab" for b, q in NEXT[(a,)].items()]
pairs.sort(key=lambda b: b[1], reverse=True)
print("two-token prefixes, best first:", [(" ".join(w), round(p, 2)) for w, p in pairs])
best = beam(width=100)
print("likeliest sequence:", " ".join(best[0]), round(best[1], 3))
for width in range(1, 5):
    print(f"width {width}: {' '.join(beam(width)[0])}, the likeliest: {beam(width) == best}")
print(min(width for width in range(1, 5) if beam(width) == best))
