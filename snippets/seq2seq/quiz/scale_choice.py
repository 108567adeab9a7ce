# --8<-- [start:question]
import torch
from torch.nn import functional as F

torch.manual_seed(0)
q = torch.randn(2, 3, 64)  # (batch, target, 64)
k = torch.randn(2, 10, 64)  # ten keys
v = torch.randn(2, 10, 24)
context = F.scaled_dot_product_attention(q, k, v)
# --8<-- [end:question]
OPTIONS = [
    "(q @ k.mT / 8).softmax(dim=-1) @ v",
    "(q @ k.mT / 64).softmax(dim=-1) @ v",
    "(q @ k.mT / 10).softmax(dim=-1) @ v",
    "(q @ k.mT).softmax(dim=-1) @ v",
]
right = []
for line in OPTIONS:
    ok = torch.allclose(eval(line), context, atol=1e-6)
    print(f"{line} -> the same context: {ok}")
    if ok:
        right.append(line)
(answer,) = right
print(answer)
