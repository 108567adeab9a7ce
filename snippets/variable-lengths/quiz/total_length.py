# --8<-- [start:question]
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=4)
sequences = [torch.randn(5, 2), torch.randn(3, 2), torch.randn(1, 2)]
packed = pack_padded_sequence(pad_sequence(sequences), lengths=[5, 3, 1])
packed_output, _ = rnn(packed)
output, lengths = pad_packed_sequence(packed_output, total_length=7)
# --8<-- [end:question]

print(tuple(output.shape))
