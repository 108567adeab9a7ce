import torch
from torch import nn

torch.manual_seed(0)
H, A = 16, 12  # decoder size, and the size of the additive score's hidden layer
embed_source, embed_target = nn.Embedding(10, 8), nn.Embedding(11, 8)
encoder = nn.GRU(8, H, batch_first=True, bidirectional=True)  # h_j has 2H numbers
W_s, W_h = nn.Linear(H, A, bias=False), nn.Linear(2 * H, A, bias=False)
v = nn.Linear(A, 1, bias=False)
start = nn.Linear(H, H)  # s_0 from the backward direction's final state
cell = nn.GRUCell(8 + 2 * H, H)  # reads the previous token and c_t
head = nn.Linear(H + 2 * H, 10)

source = torch.randint(0, 10, (2, 6))
decoder_input = torch.randint(0, 11, (2, 4))  # BOS, then the target shifted right
encoder_outputs, h_n = encoder(embed_source(source))
s = torch.tanh(start(h_n[1]))  # s_0
logits = []
for t in range(decoder_input.shape[1]):  # a loop even under teacher forcing
    scores = v(torch.tanh(W_s(s)[:, None, :] + W_h(encoder_outputs))).squeeze(-1)  # s_{t-1}
    weights = scores.softmax(dim=-1)  # (batch, source)
    context = (weights[:, :, None] * encoder_outputs).sum(dim=1)  # c_t: (batch, 2H)
    s = cell(torch.cat([embed_target(decoder_input[:, t]), context], dim=-1), s)  # s_t
    logits.append(head(torch.cat([s, context], dim=-1)))

print("h_j:", tuple(encoder_outputs.shape[2:]), "| s_t from the GRUCell:", tuple(s.shape))
print("one step's weights:", tuple(weights.shape), "| c_t:", tuple(context.shape))
print("logits:", tuple(torch.stack(logits, dim=1).shape))
