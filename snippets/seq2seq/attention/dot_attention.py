import torch
from torch.nn import functional as F

torch.manual_seed(0)
encoder_outputs = torch.randn(2, 6, 16)  # (batch, source, hidden): h_j for every j
decoder_states = torch.randn(2, 4, 16)  # (batch, target, hidden): s_t for every t

scores = decoder_states @ encoder_outputs.transpose(1, 2)  # e_tj = s_t . h_j
weights = scores.softmax(dim=-1)  # alpha_tj: a softmax over the source positions j
context = weights @ encoder_outputs  # c_t = sum over j of alpha_tj h_j

print("scores: ", tuple(scores.shape))
print("weights:", tuple(weights.shape))
print("context:", tuple(context.shape))
print("each row of weights sums to 1:", torch.allclose(weights.sum(dim=-1), torch.ones(2, 4)))

# The same context, one (batch, target) pair at a time, straight from the equations.
b, t = 1, 2
alpha = torch.stack([decoder_states[b, t] @ h_j for h_j in encoder_outputs[b]]).softmax(dim=0)
c_t = sum(a * h_j for a, h_j in zip(alpha, encoder_outputs[b], strict=True))
print("the loop gives the same c_t:", torch.allclose(c_t, context[b, t], atol=1e-6))

built_in = F.scaled_dot_product_attention(
    decoder_states, encoder_outputs, encoder_outputs, scale=1.0
)
print(
    "F.scaled_dot_product_attention(..., scale=1.0) agrees:",
    torch.allclose(built_in, context, atol=1e-6),
)
