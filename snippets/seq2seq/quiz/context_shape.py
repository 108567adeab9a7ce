# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
encoder = nn.GRU(8, 14, batch_first=True, bidirectional=True)
decoder = nn.GRU(8, 28, batch_first=True)
encoder_outputs, h_n = encoder(torch.randn(4, 7, 8))  # four sources of seven steps
start = torch.cat([h_n[0], h_n[1]], dim=-1)[None]
states, _ = decoder(torch.randn(4, 6, 8), start)  # six decoder steps
weights = (states @ encoder_outputs.transpose(1, 2)).softmax(dim=-1)
context = weights @ encoder_outputs
# --8<-- [end:question]
print("encoder_outputs:", tuple(encoder_outputs.shape), "| weights:", tuple(weights.shape))
print(tuple(context.shape))
