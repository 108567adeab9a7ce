import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=3)
sequences = [torch.randn(4, 2), torch.randn(2, 2), torch.randn(3, 2)]

# The reference: each sequence run on its own, without padding.
alone = torch.stack([rnn(sequence)[1][0] for sequence in sequences])

output, h_n = rnn(pad_sequence(sequences))  # padded, not packed
last = output[-1]  # the last row of the padded batch
for i, sequence in enumerate(sequences):
    same = torch.allclose(last[i], alone[i], atol=1e-6)
    print(f"sequence {i}, length {len(sequence)}: output[-1] is its last state: {same}")
print("h_n[0] equals output[-1]:", torch.equal(h_n[0], last))

# Before each sequence's end, the padded run and the run alone agree.
for i, sequence in enumerate(sequences):
    own = rnn(sequence)[0]  # (length, hidden): the sequence alone
    real_steps = output[: len(sequence), i]
    print(f"sequence {i}: real steps agree: {torch.allclose(real_steps, own, atol=1e-6)}")
