# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
hidden, vocab = 32, 10
plain_head = nn.Linear(hidden, vocab)  # reads s_t
attention_head = nn.Linear(2 * hidden, vocab)  # reads s_t and the dot-product context c_t
# Everything else (embeddings, encoder, decoder) is the same in both models.
# --8<-- [end:question]


def count(module):
    return sum(p.numel() for p in module.parameters())


print("plain head:", count(plain_head), "| attention head:", count(attention_head))
print("the attention head reads", attention_head.in_features, "numbers per step")
print("dot-product attention itself holds no weights")
print(count(attention_head) - count(plain_head))
