# --8<-- [start:question]
import torch

lam = 0.5  # the same transition at every step
b = torch.tensor([1.0, 0.0, 0.0, 0.0])  # one input at the first step, then nothing
h, states = 0.0, []
for b_t in b.tolist():
    h = lam * h + b_t
    states.append(h)
# --8<-- [end:question]

print("the kernel lam ** k:", [lam**k for k in range(4)])
print(states)
