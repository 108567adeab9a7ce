# --8<-- [start:question]
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=3)
sequences = [torch.randn(2, 2), torch.randn(4, 2), torch.randn(3, 2)]
padded = pad_sequence(sequences)
packed = pack_padded_sequence(padded, lengths=[2, 4, 3], enforce_sorted=False)
_, h_n = rnn(packed)
# --8<-- [end:question]

# The options, each with the final state it names.
OPTIONS = {
    "sequences[0], the first in the batch, of length 2": rnn(sequences[0])[1][0],
    "sequences[0], after the padding that follows it": rnn(padded)[1][0, 0],
    "sequences[1], the longest, of length 4": rnn(sequences[1])[1][0],
    "sequences[2], of length 3": rnn(sequences[2])[1][0],
}
matches = []
for text, state in OPTIONS.items():
    same = torch.allclose(h_n[0, 0], state, atol=1e-6)
    print(f"{text} -> h_n[0, 0] is this state: {same}")
    if same:
        matches.append(text)

(answer,) = matches
print("h_n[0, 0] belongs to:")
print(answer)
