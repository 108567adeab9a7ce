import torch
from torch import nn

torch.manual_seed(0)
BOS = 10
embed_target = nn.Embedding(11, 16)
decoder = nn.GRU(16, 32, batch_first=True)
head = nn.Linear(2 * 32, 10)
encoder_outputs, h_n = torch.randn(1, 7, 32), torch.randn(1, 1, 32)  # from an encoder

token, state, written = torch.tensor([[BOS]]), h_n, []
with torch.no_grad():
    for _ in range(encoder_outputs.shape[1]):
        s_t, state = decoder(embed_target(token), state)  # one step, state handed back
        weights = (s_t @ encoder_outputs.transpose(1, 2)).softmax(dim=-1)
        context = weights @ encoder_outputs
        token = head(torch.cat([s_t, context], dim=-1)).argmax(dim=-1)  # greedy
        written.append(token.item())
print("one step's weights:", tuple(weights.shape))
print("written:", written)
