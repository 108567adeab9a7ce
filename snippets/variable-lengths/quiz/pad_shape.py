# --8<-- [start:question]
import torch
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
sequences = [torch.randn(5, 4), torch.randn(2, 4), torch.randn(3, 4)]
padded = pad_sequence(sequences)
# --8<-- [end:question]

print(tuple(padded.shape))
