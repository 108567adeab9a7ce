import torch
from torch import nn

torch.manual_seed(0)
BOS = 10
embed_target = nn.Embedding(11, 8)
decoder = nn.GRU(8, 12, batch_first=True)
head = nn.Linear(12, 10)
h_n = torch.randn(1, 1, 12)  # the encoder's final state

token, state, written = torch.tensor([[BOS]]), h_n, []
with torch.no_grad():
    for _ in range(6):
        out, state = decoder(embed_target(token), __1__)
        token = head(out).__2__(dim=-1)
        written.append(token.item())
print("written:", written)
