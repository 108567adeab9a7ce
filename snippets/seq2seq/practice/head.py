import torch
from torch import nn

torch.manual_seed(0)
states = torch.randn(2, 4, 16)  # s_t for every step
context = torch.randn(2, 4, 16)  # c_t for every step
head = nn.Linear(__1__, 10)
logits = head(torch.cat([states, context], dim=__2__))
print("logits:", tuple(logits.shape))
