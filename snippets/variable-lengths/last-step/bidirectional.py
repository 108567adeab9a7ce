import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
H = 3
rnn = nn.RNN(input_size=2, hidden_size=H, batch_first=True, bidirectional=True)
sequences = [torch.randn(4, 2), torch.randn(2, 2), torch.randn(3, 2)]
lengths = torch.tensor([len(sequence) for sequence in sequences])
padded = pad_sequence(sequences, batch_first=True)
rows = torch.arange(len(sequences))

# The truth: each sequence run alone, its forward and backward final states.
alone = torch.stack([rnn(sequence.unsqueeze(0))[1][:, 0] for sequence in sequences], dim=1)
forward_end, backward_end = alone[0], alone[1]

packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
packed_output, h_n = rnn(packed)
output, _ = pad_packed_sequence(packed_output, batch_first=True)
print("packed h_n[0] is each forward end: ", torch.allclose(h_n[0], forward_end, atol=1e-6))
print("packed h_n[1] is each backward end:", torch.allclose(h_n[1], backward_end, atol=1e-6))
print("= output[rows, lengths - 1, :H]:   ", torch.allclose(output[rows, lengths - 1, :H], h_n[0]))
print("= output[:, 0, H:]:                ", torch.allclose(output[:, 0, H:], h_n[1]))

padded_output, _ = rnn(padded)  # no packing: the equal-length recipe
print(
    "padded output[:, -1, :H] is each forward end: ",
    torch.allclose(padded_output[:, -1, :H], forward_end, atol=1e-6),
)
print(
    "padded output[:, 0, H:] is each backward end: ",
    torch.allclose(padded_output[:, 0, H:], backward_end, atol=1e-6),
)
