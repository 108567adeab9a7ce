import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=3, batch_first=True)
sequences = [torch.randn(2, 2), torch.randn(5, 2), torch.randn(3, 2)]
lengths = torch.tensor([len(sequence) for sequence in sequences])
padded = pad_sequence(sequences, batch_first=True)

packed = pack_padded_sequence(padded, __1__, batch_first=True, enforce_sorted=__2__)
_, h_n = rnn(packed)

alone = torch.stack([rnn(sequence)[1][0] for sequence in sequences])
print("h_n:", tuple(h_n.shape))
print("each row is that sequence's own last state:", torch.allclose(h_n[0], alone, atol=1e-6))
