# --8<-- [start:question]
a = [0.5, 0.5, 0.5]
b = [1.0, 2.0, 4.0]
h = 0.0
for a_t, b_t in zip(a, b, strict=True):
    h = a_t * h + b_t
# --8<-- [end:question]

states, state = [], 0.0
for a_t, b_t in zip(a, b, strict=True):
    state = a_t * state + b_t
    states.append(state)
print("h_1, h_2, h_3:", states)
print("a3 a2 b1, a3 b2, b3:", a[2] * a[1] * b[0], a[2] * b[1], b[2])
print(h)
