import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=3, batch_first=True)
sequences = [torch.randn(4, 2), torch.randn(2, 2), torch.randn(3, 2)]
lengths = torch.tensor([len(sequence) for sequence in sequences])

output, _ = rnn(pad_sequence(sequences, batch_first=True))  # padded, not packed
last = output[torch.arange(len(sequences)), __1__]  # each sequence's last real step

alone = torch.stack([rnn(sequence)[1][0] for sequence in sequences])
print("last:", tuple(last.shape))
print("each sequence's own last state:", torch.allclose(last, alone, atol=1e-6))
