NEXT = {  # the same table as above
    (): {"a": 0.45, "b": 0.35, "c": 0.2},
    ("a",): {"x": 0.4, "y": 0.3, "z": 0.3},
    ("b",): {"x": 0.56, "y": 0.44},
    ("c",): {"x": 1.0},
}


def beam(width):
    beams = [((), 1.0)]
    for _ in range(2):
        grown = [((*w, t), p * q) for w, p in beams for t, q in NEXT[w].items()]
        beams = sorted(grown, key=lambda b: b[1], reverse=True)[:width]
    return beams[0][0]


best = beam(width=100)
for width in range(1, 5):
    print(f"width {width}: {' '.join(beam(width))}, the likeliest: {beam(width) == best}")
print(min(width for width in range(1, 5) if beam(width) == best))
