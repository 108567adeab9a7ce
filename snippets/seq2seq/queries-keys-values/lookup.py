import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
encoder_outputs = torch.randn(2, 6, 16)  # (batch, source, hidden): h_j
decoder_states = torch.randn(2, 4, 16)  # (batch, target, hidden): s_t
W_q, W_k, W_v = nn.Linear(16, 32), nn.Linear(16, 32), nn.Linear(16, 24)

queries = W_q(decoder_states)  # q_t: what step t looks for
keys = W_k(encoder_outputs)  # k_j: what position j is matched on
values = W_v(encoder_outputs)  # v_j: what position j gives when it is chosen
d = queries.shape[-1]
weights = (queries @ keys.transpose(1, 2) / d**0.5).softmax(dim=-1)
context = weights @ values
print("queries:", tuple(queries.shape), "keys:", tuple(keys.shape), "values:", tuple(values.shape))
print("weights:", tuple(weights.shape), "context:", tuple(context.shape))
built_in = F.scaled_dot_product_attention(queries, keys, values)  # divides by sqrt(d) itself
print("F.scaled_dot_product_attention agrees:", torch.allclose(built_in, context, atol=1e-6))
