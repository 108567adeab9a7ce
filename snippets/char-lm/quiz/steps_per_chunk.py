# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
embed, rnn, head = nn.Embedding(75, 8), nn.RNN(8, 16, batch_first=True), nn.Linear(16, 75)
chunk = torch.randint(0, 75, (1, 33))  # one chunk of 33 characters
inputs, targets = chunk[:, :-1], chunk[:, 1:]
logits = head(rnn(embed(inputs))[0])
losses = nn.functional.cross_entropy(logits.transpose(1, 2), targets, reduction="none")
# --8<-- [end:question]

print("inputs:", tuple(inputs.shape), "targets:", tuple(targets.shape))
print("losses:", tuple(losses.shape))
print("trimmed at both ends would leave:", chunk[:, 1:-1].shape[1])
print("loss terms from this chunk:")
print(losses.numel())
