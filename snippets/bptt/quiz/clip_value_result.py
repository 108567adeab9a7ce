# --8<-- [start:question]
import torch
from torch import nn

p = torch.zeros(2, requires_grad=True)
p.grad = torch.tensor([0.5, -4.0])
nn.utils.clip_grad_value_([p], clip_value=1.0)
# --8<-- [end:question]
print(p.grad.tolist())
