import torch
from torch import nn

torch.manual_seed(0)
text = "BRIDE, n.  A woman with a fine prospect of happiness behind her."
chars = sorted(set(text))
ids = torch.tensor([[chars.index(ch) for ch in text]])  # (batch=1, seq_len)

embed = nn.Embedding(__1__, 8)  # one row per character of the vocabulary
vectors = embed(ids)
print("table:", tuple(embed.weight.shape))
print("vectors:", tuple(vectors.shape))
