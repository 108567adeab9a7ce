def combine(later, earlier):
    """One step (a, b), h -> a * h + b, that does `earlier` and then `later`."""
    return later[0] * earlier[0], __1__


first, second = (0.5, 1.0), (2.0, 3.0)  # (a, b) of step 1, then of step 2
h0 = 4.0
a, b = combine(second, first)
print("the combined step:", (a, b))
print("two steps:", second[0] * (first[0] * h0 + first[1]) + second[1], "| one:", a * h0 + b)
