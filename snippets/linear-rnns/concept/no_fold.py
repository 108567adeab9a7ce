import torch

# Two steps of a one-unit tanh RNN; each step's input is folded into its bias u.
w1, u1, w2, u2 = 2.0, 0.5, -1.5, 0.3


def two_steps(h):
    return torch.tanh(w2 * torch.tanh(w1 * h + u1) + u2)


far = torch.tensor([-100.0, 100.0])  # a start state far out on either side
ends = two_steps(far)
print("two steps from h = -100 and h = 100:", [round(v, 3) for v in ends.tolist()])
print("both strictly between -1 and 1:", bool((ends.abs() < 1).all()))
print("the two ends differ:", bool(ends[0] != ends[1]))
print("one step tanh(0.5 h) at the same starts:", torch.tanh(0.5 * far).tolist())
