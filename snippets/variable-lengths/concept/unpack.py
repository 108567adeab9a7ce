import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=3)
sequences = [torch.randn(4, 2), torch.randn(2, 2), torch.randn(3, 2)]
lengths = [4, 2, 3]
packed = pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=False)

packed_output, h_n = rnn(packed)  # a packed input gives a packed output
print(type(packed_output).__name__)

output, out_lengths = pad_packed_sequence(packed_output)
print("output:", tuple(output.shape), "lengths:", out_lengths.tolist())
print("the second sequence, every step of the padded output:")
print(output[:, 1].detach())

# total_length: pad to a fixed length instead of the longest sequence in the batch.
output, _ = pad_packed_sequence(packed_output, total_length=6)
print("with total_length=6:", tuple(output.shape))
try:
    pad_packed_sequence(packed_output, total_length=3)
except ValueError as err:
    print(f"{type(err).__name__}: {err}")
