import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=2, hidden_size=3)
output, state = lstm(torch.randn(4, 1, 2))
print(type(state).__name__, len(state))

try:
    state.detach()
except AttributeError as err:
    print(f"{type(err).__name__}: {err}")

h, c = state
state = (h.detach(), c.detach())  # detach both parts
print([part.requires_grad for part in state])
