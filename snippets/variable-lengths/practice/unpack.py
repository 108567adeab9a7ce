import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=3, batch_first=True)
sequences = [torch.randn(5, 2), torch.randn(2, 2), torch.randn(4, 2)]
lengths = torch.tensor([len(sequence) for sequence in sequences])
packed = pack_padded_sequence(
    pad_sequence(sequences, batch_first=True), lengths, batch_first=True, enforce_sorted=False
)

# Every batch must come out batch first, with the same number of steps (checked below),
# whatever its longest sequence.
output, out_lengths = pad_packed_sequence(rnn(packed)[0], batch_first=__1__, total_length=__2__)
assert output.shape == (3, 8, 3)
print("output:", tuple(output.shape), "lengths:", out_lengths.tolist())
print("padding steps are zero:", bool((output[1, 2:] == 0).all()))
