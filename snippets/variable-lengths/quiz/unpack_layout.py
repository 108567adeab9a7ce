# --8<-- [start:question]
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=3, batch_first=True)
sequences = [torch.randn(6, 4), torch.randn(2, 4)]
padded = pad_sequence(sequences, batch_first=True)
packed = pack_padded_sequence(padded, lengths=[6, 2], batch_first=True)
output, lengths = pad_packed_sequence(rnn(packed)[0])
# --8<-- [end:question]

print(tuple(output.shape))
