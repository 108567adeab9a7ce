# --8<-- [start:question]
f, i, candidate = 0.9, 0.9, 1.0  # both gates wide open, the same candidate at every step
c = h = 0.0
for _ in range(3):
    c = f * c + i * candidate  # an LSTM's cell state, gates as they are
    h = f / (f + i) * h + i / (f + i) * candidate  # a minLSTM's state, gates divided by their sum
# --8<-- [end:question]

print("f + i:", f + i, "| f' and i':", f / (f + i), i / (f + i))
state, states = 0.0, []
for _ in range(3):
    state = 0.5 * state + 0.5 * candidate
    states.append(state)
print("the minLSTM's states:", states)
print("the LSTM's cell state:", round(c, 3))
print(round(h, 3))
