import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
x = torch.randn(1, 5, 16)  # one sequence of five embedded tokens
mha = nn.MultiheadAttention(16, num_heads=1, batch_first=True)
out, _ = mha(x, x, x, need_weights=False)  # queries, keys and values all from x

W_q, W_k, W_v = mha.in_proj_weight.chunk(3)
b_q, b_k, b_v = mha.in_proj_bias.chunk(3)
by_hand = F.scaled_dot_product_attention(x @ W_q.T + b_q, x @ W_k.T + b_k, x @ W_v.T + b_v)
print(
    "self-attention is scaled attention of x on x:",
    torch.allclose(mha.out_proj(by_hand), out, atol=1e-6),
)

causal = nn.Transformer.generate_square_subsequent_mask(5)  # -inf above the diagonal
changed = x.clone()
changed[0, -1] = torch.randn(16)  # change the last token only
before = mha(x, x, x, attn_mask=causal, need_weights=False)[0]
after = mha(changed, changed, changed, attn_mask=causal, need_weights=False)[0]
print(
    "with a causal mask, earlier positions unchanged:",
    torch.allclose(before[0, :-1], after[0, :-1]),
)

order = torch.tensor([3, 0, 4, 1, 2])
shuffled = mha(x[:, order], x[:, order], x[:, order], need_weights=False)[0]
print(
    "shuffled tokens, outputs shuffled the same way:",
    torch.allclose(shuffled, out[:, order], atol=1e-6),
)
