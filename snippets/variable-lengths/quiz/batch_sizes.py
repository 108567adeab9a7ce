# --8<-- [start:question]
import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
sequences = [torch.randn(3, 2), torch.randn(1, 2), torch.randn(2, 2)]
packed = pack_padded_sequence(pad_sequence(sequences), lengths=[3, 1, 2], enforce_sorted=False)
# --8<-- [end:question]

print(packed.batch_sizes.tolist())
