import torch
from torch import nn

torch.manual_seed(0)
embed = nn.Embedding(75, 16)
rnn = nn.GRU(16, 32, batch_first=True)
ids = torch.tensor([[21, 37, 28, 23, 24]])  # one sequence of five character ids

whole, _ = rnn(embed(ids))  # read all five at once

hidden = None  # no memory yet: zeros
carried = []
for t in range(ids.shape[1]):  # one character per call, handing the state back in
    out, hidden = rnn(embed(ids[:, t : t + 1]), hidden)
    carried.append(out)
carried = torch.cat(carried, dim=1)

forgotten = torch.cat([rnn(embed(ids[:, t : t + 1]))[0] for t in range(ids.shape[1])], dim=1)

print("step by step, state carried:", torch.allclose(carried, whole, atol=1e-6))
print("step by step, state dropped:", torch.allclose(forgotten, whole, atol=1e-6))
print("first step alike either way:", torch.allclose(forgotten[:, 0], whole[:, 0], atol=1e-6))
