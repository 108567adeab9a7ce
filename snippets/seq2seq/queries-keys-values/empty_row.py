import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
W_h = nn.Linear(16, 16)  # any weight the encoder outputs come from
queries, keys = torch.randn(2, 3, 16), W_h(torch.randn(2, 6, 16))
pad = (torch.arange(6) >= torch.tensor([6, 0])[:, None])[:, None, :]  # source 1 is empty
weights = (queries @ keys.transpose(1, 2)).masked_fill(pad, float("-inf")).softmax(dim=-1)
print("by hand, the empty source's weights:", weights[1, 0].tolist())
loss = (weights @ keys).pow(2).mean()  # any loss over the whole batch
loss.backward()
print("the loss:", loss.item(), "| every gradient of W_h NaN:", bool(W_h.weight.grad.isnan().all()))

built_in = F.scaled_dot_product_attention(queries, keys, keys, attn_mask=~pad)
print(
    "F.scaled_dot_product_attention, the empty source's context all 0:",
    bool((built_in[1] == 0).all()),
)
mha = nn.MultiheadAttention(16, num_heads=1, batch_first=True)
# key_padding_mask: True where hidden, as in masked_fill (the opposite of attn_mask above)
out, _ = mha(queries, keys, keys, key_padding_mask=pad[:, 0])
print("nn.MultiheadAttention, the empty source's context all NaN:", bool(out[1].isnan().all()))
