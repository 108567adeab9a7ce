import torch

torch.manual_seed(0)
steps, lam = 8, 0.9  # a fixed transition
b = torch.randn(steps)
h, states = 0.0, []
for b_t in b:
    h = lam * h + b_t
    states.append(h)

lag = torch.arange(steps)[:, None] - torch.arange(steps)[None, :]  # t - s
kernel = torch.where(lag >= 0, lam ** (__1__), 0.0)  # lam ** (t - s) where s <= t
print(
    "one product with the kernel equals the loop:", torch.allclose(kernel @ b, torch.stack(states))
)
