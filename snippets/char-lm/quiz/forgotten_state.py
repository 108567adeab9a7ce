# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
embed, rnn = nn.Embedding(75, 8), nn.GRU(8, 16, batch_first=True)
prompt = torch.tensor([[21, 37, 28, 23]])  # four characters read one call at a time

hidden = None
for t in range(prompt.shape[1]):
    out, _ = rnn(embed(prompt[:, t : t + 1]), hidden)  # the returned state is dropped
# --8<-- [end:question]

carried = rnn(embed(prompt))[0][:, -1]  # the state passed along the whole prompt
alone = rnn(embed(prompt[:, -1:]))[0][:, -1]  # the last character with nothing before it
same_as_carried = torch.allclose(out[:, -1], carried, atol=1e-6)
same_as_alone = torch.allclose(out[:, -1], alone, atol=1e-6)
print("last output equals the one with the state carried:", same_as_carried)
print("last output equals the last character read alone: ", same_as_alone)
if same_as_alone and not same_as_carried:
    print("Each step sees only the character just fed in.")
