import torch
from torch import nn

torch.manual_seed(0)
BOS = 10
embed_source, embed_target = nn.Embedding(10, 8), nn.Embedding(11, 8)
encoder, decoder = nn.GRU(8, 16, batch_first=True), nn.GRU(8, 16, batch_first=True)
head = nn.Linear(16, 10)
source = torch.randint(0, 10, (50, 6))  # fifty untrained attempts
target = source.flip(dims=[1])
decoder_input = torch.cat([torch.full((50, 1), BOS), target[:, :-1]], dim=1)

with torch.no_grad():
    _, h_n = encoder(embed_source(source))
    forced = head(decoder(embed_target(decoder_input), h_n)[0]).argmax(dim=-1)
    token, state, free = torch.full((50, 1), BOS), h_n, []
    for _ in range(6):
        out, state = decoder(embed_target(token), state)
        token = head(out).argmax(dim=-1)
        free.append(token)
    free = torch.cat(free, dim=1)

agree = (forced == free).all(dim=0)  # for each step: the same on all fifty strings?
print("agree on all strings, step by step:", agree.tolist())
OPTIONS = {
    "every step": [True] * 6,
    "only the first step": [True] + [False] * 5,
    "no step": [False] * 6,
    "only the last step": [False] * 5 + [True],
}
print("certain to agree, by construction:", "only the first step")
(answer,) = [text for text, steps in OPTIONS.items() if steps == agree.tolist()]
print(answer)
