import torch
from torch import nn

torch.manual_seed(0)
encoder = nn.GRU(8, 16, batch_first=True)
for length in (5, 50):
    source = torch.randn(2, length, 8)  # a batch of two embedded sources
    encoder_outputs, h_n = encoder(source)
    print(
        f"length {length:2}: encoder outputs {tuple(encoder_outputs.shape)}, h_n {tuple(h_n.shape)}"
    )
