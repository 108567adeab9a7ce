import torch
from torch.nn import functional as F  # noqa: F401 (the options call it)

torch.manual_seed(0)
q, k, v = torch.randn(2, 3, 16), torch.randn(2, 6, 16), torch.randn(2, 6, 16)
pad = (torch.arange(6) >= torch.tensor([6, 4])[:, None])[:, None, :]  # True on padding
# What the page's masked_fill gives: no weight on the padding.
wanted = (q @ k.transpose(1, 2) / 16**0.5).masked_fill(pad, float("-inf")).softmax(dim=-1) @ v
OPTIONS = [
    "F.scaled_dot_product_attention(q, k, v, attn_mask=pad)",
    "F.scaled_dot_product_attention(q, k, v, attn_mask=~pad)",
    "F.scaled_dot_product_attention(q, k, v, attn_mask=pad.float())",
    "F.scaled_dot_product_attention(q, k, v, attn_mask=(~pad).float())",
]
right = []
for line in OPTIONS:
    ok = torch.allclose(eval(line), wanted, atol=1e-6)
    print(f"{line} -> no weight on the padding: {ok}")
    if ok:
        right.append(line)
(answer,) = right
print(answer)
