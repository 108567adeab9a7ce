import torch

torch.manual_seed(0)
a = torch.rand(500) * 0.5 + 0.25  # gates above 0.25, below 0.25 + 0.5
b = torch.rand(500) + 0.1  # positive, as real logarithms need
h, states = torch.tensor(0.0), []
for a_t, b_t in zip(a, b, strict=True):
    h = a_t * h + b_t
    states.append(h)

log_A = torch.__1__(torch.log(a), dim=0)
log_h = log_A + torch.__2__(torch.log(b) - log_A, dim=0)
print(
    "log space equals the loop:", torch.allclose(torch.exp(log_h), torch.stack(states), rtol=1e-4)
)
