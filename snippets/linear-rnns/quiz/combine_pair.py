# --8<-- [start:question]
def combine(later, earlier):
    (a2, b2), (a1, b1) = later, earlier
    return a2 * a1, a2 * b1 + b2


first, second = (0.5, 1.0), (2.0, 3.0)  # (a, b) of step 1, then of step 2
# --8<-- [end:question]

h0 = 4.0
h2 = second[0] * (first[0] * h0 + first[1]) + second[1]  # two steps, one after the other
a, b = combine(second, first)
print("two steps:", h2, "| the combined step:", a * h0 + b)
print((a, b))
