import torch
from torch import nn

torch.manual_seed(0)
BOS = 10
embed_source, embed_target = nn.Embedding(10, 8), nn.Embedding(11, 8)
encoder, decoder = nn.GRU(8, 16, batch_first=True), nn.GRU(8, 16, batch_first=True)
head = nn.Linear(16, 10)
source = torch.tensor([[3, 1, 4, 1, 5]])
target = source.flip(dims=[1])
decoder_input = torch.cat([torch.tensor([[BOS]]), target[:, :-1]], dim=1)

with torch.no_grad():
    _, h_n = encoder(embed_source(source))
    forced = head(decoder(embed_target(decoder_input), h_n)[0]).argmax(dim=-1)

    token, state, free = torch.tensor([[BOS]]), h_n, []
    for _ in range(target.shape[1]):  # one step per call: the next input is not known yet
        out, state = decoder(embed_target(token), state)
        token = head(out).argmax(dim=-1)  # greedy: the most likely digit, fed back
        free.append(token)
    free = torch.cat(free, dim=1)

print("target:         ", target.tolist())
print("teacher forced: ", forced.tolist())
print("free running:   ", free.tolist())
print("same first step:", bool(forced[0, 0] == free[0, 0]))
