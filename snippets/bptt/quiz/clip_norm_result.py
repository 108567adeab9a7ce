# --8<-- [start:question]
import torch
from torch import nn

p = torch.zeros(2, requires_grad=True)
p.grad = torch.tensor([3.0, 4.0])
norm = nn.utils.clip_grad_norm_([p], max_norm=1.0)
# --8<-- [end:question]
print(f"norm before clipping: {norm:.1f}")
print(f"scale used: 1.0 / (5.0 + 1e-6) = {1.0 / (5.0 + 1e-6):.9f}")
print(f"norm after clipping: {p.grad.norm().item():.7f}")
print("exact entries:", [f"{value:.7f}" for value in p.grad.tolist()])
print([round(value, 4) for value in p.grad.tolist()])
