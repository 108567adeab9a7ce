import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence
from torch.utils.data import DataLoader

torch.manual_seed(0)
# Four sequences of different lengths, with four features per step.
data = [torch.randn(length, 4) for length in (3, 6, 2, 5)]


def collate(batch):
    lengths = torch.tensor([len(sequence) for sequence in batch])
    return pad_sequence(batch, batch_first=True), lengths


rnn = nn.RNN(input_size=4, hidden_size=8, batch_first=True)
padded, lengths = next(iter(DataLoader(data, batch_size=4, collate_fn=collate)))
print("padded:", tuple(padded.shape), "lengths:", lengths.tolist())

packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
_, h_n = rnn(packed)
print("h_n:", tuple(h_n.shape))

# Check: each row of h_n is that sequence's state after its own last step.
alone = torch.stack([rnn(sequence)[1][0] for sequence in data])
print("h_n[0] matches each sequence alone:", torch.allclose(h_n[0], alone, atol=1e-6))

output, _ = rnn(padded)  # the same batch, not packed
print("output[:, -1] matches:", torch.allclose(output[:, -1], alone, atol=1e-6))
