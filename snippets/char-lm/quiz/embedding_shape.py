# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
embed = nn.Embedding(75, 16)
ids = torch.randint(0, 75, (4, 10))  # (batch, seq_len) of character ids
vectors = embed(ids)
# --8<-- [end:question]

print("weight:", tuple(embed.weight.shape))
print("scores of a head nn.Linear(16, 75):", tuple(nn.Linear(16, 75)(vectors).shape))
print("last step only:", tuple(vectors[:, -1].shape))
print("vectors:")
print(tuple(vectors.shape))
