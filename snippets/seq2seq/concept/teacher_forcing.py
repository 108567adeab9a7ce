import torch
from torch import nn

torch.manual_seed(0)
BOS = 10
embed_source, embed_target = nn.Embedding(10, 8), nn.Embedding(11, 8)
encoder, decoder = nn.GRU(8, 16, batch_first=True), nn.GRU(8, 16, batch_first=True)
head = nn.Linear(16, 10)

source = torch.tensor([[3, 1, 4, 1, 5]])
target = source.flip(dims=[1])  # the task: write the digits backwards
decoder_input = torch.cat([torch.tensor([[BOS]]), target[:, :-1]], dim=1)
print("target:       ", target.tolist())
print("decoder input:", decoder_input.tolist())

_, h_n = encoder(embed_source(source))
logits = head(decoder(embed_target(decoder_input), h_n)[0])  # every step in one call
loss = nn.functional.cross_entropy(logits.flatten(0, 1), target.flatten())
print("logits:", tuple(logits.shape), "| loss:", round(loss.item(), 4))
