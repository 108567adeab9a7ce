import torch
from torch import nn

torch.manual_seed(0)
vocab_size = 75
embed = nn.Embedding(num_embeddings=vocab_size, embedding_dim=8)
print("weight:", tuple(embed.weight.shape))  # one learned row per character

ids = torch.tensor([[2, 40, 40, 5], [7, 7, 1, 0]])  # (batch, seq_len) of integer ids
vectors = embed(ids)
print("ids:", tuple(ids.shape), "-> vectors:", tuple(vectors.shape))

# A lookup is a row of the weight, the same as a one-hot vector times the weight.
one_hot = nn.functional.one_hot(ids, vocab_size).float()
print("row lookup:", torch.equal(vectors[0, 1], embed.weight[40]))
print("one-hot @ weight:", torch.allclose(vectors, one_hot @ embed.weight))

try:
    embed(torch.tensor([vocab_size]))  # ids run from 0 to vocab_size - 1
except IndexError as err:
    print(f"{type(err).__name__}: {err}")
