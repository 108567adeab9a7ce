import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
queries, keys = torch.randn(2, 3, 16), torch.randn(2, 6, 16)
pad = (torch.arange(6) >= torch.tensor([6, 4])[:, None])[:, None, :]  # True on padding
identity = torch.eye(6).expand(2, 6, 6)  # as values, it makes the output the weights

scores = queries @ keys.transpose(1, 2) / 16**0.5
wanted = scores.masked_fill(pad, float("-inf")).softmax(dim=-1)  # True = masked out
additive = torch.zeros(2, 1, 6).masked_fill(pad, float("-inf"))  # a float mask is added
for name, mask in [("~pad", ~pad), ("pad", pad), ("additive", additive)]:
    weights = F.scaled_dot_product_attention(queries, keys, identity, attn_mask=mask)
    print(
        f"attn_mask={name:8} string 1's weight on padding {weights[1, 0, 4:].sum():.1f},",
        "same as masked_fill(pad, -inf):",
        torch.allclose(weights, wanted, atol=1e-6),
    )

# nn.MultiheadAttention reads its boolean masks the other way: True = hidden, as in masked_fill.
mha = nn.MultiheadAttention(16, num_heads=1, batch_first=True)
for name, masks in [
    ("key_padding_mask=pad", {"key_padding_mask": pad[:, 0]}),  # (batch, source)
    ("attn_mask=pad       ", {"attn_mask": pad.expand(2, 3, 6)}),  # (batch * heads, target, source)
]:
    _, weights = mha(queries, keys, keys, **masks)
    print(
        f"nn.MultiheadAttention, {name} string 1's weight on padding {weights[1, 0, 4:].sum():.1f}"
    )
