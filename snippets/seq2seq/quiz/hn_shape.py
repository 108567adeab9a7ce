# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
encoder = nn.GRU(8, 24, batch_first=True)
source = torch.randn(2, 40, 8)
encoder_outputs, h_n = encoder(source)
# --8<-- [end:question]
print("encoder_outputs:", tuple(encoder_outputs.shape))
print(tuple(h_n.shape))
