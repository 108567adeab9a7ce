# --8<-- [start:question]
NEXT = {  # the probability of each next token, given the tokens written so far
    (): {"a": 0.55, "b": 0.45},
    ("a",): {"x": 0.6, "y": 0.4},
    ("b",): {"x": 0.8, "y": 0.2},
}
# --8<-- [end:question]


def greedy():
    written = ()
    for _ in range(2):
        options = NEXT[written]
        written = (*written, max(options, key=options.get))
    return written


for a, b in [("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")]:
    print(f"{a} {b}: probability {NEXT[()][a] * NEXT[(a,)][b]:.3f}")
print(" ".join(greedy()))
