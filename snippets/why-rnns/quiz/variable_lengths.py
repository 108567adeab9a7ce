# --8<-- [start:question]
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=3)
short, long = torch.randn(3, 2), torch.randn(5, 2)  # (seq_len, features) each
lengths = [3, 5]
padded = pad_sequence([short, long])  # zeros after the short one's end
# --8<-- [end:question]

# The reference: each sequence alone (an unbatched input), one final state each.
alone = torch.cat([rnn(short)[1], rnn(long)[1]])
assert alone.shape == (len(lengths), rnn.hidden_size)


def as_is():
    return rnn(padded)[1][0]


def packed():
    return rnn(pack_padded_sequence(padded, lengths))[1][0]


def packed_unsorted():
    batch = pack_padded_sequence(padded, lengths, enforce_sorted=False)
    return rnn(batch)[1][0]


def stacked():
    return rnn(torch.stack([short, long], dim=1))[1][0]


# The options in the page's order, and the code that does what each says.
OPTIONS = [
    "Pad them and run the padded batch as it is.",
    "Pad them, pack them with pack_padded_sequence(padded, lengths), then run.",
    "Pad them, pack them with pack_padded_sequence(padded, lengths, "
    "enforce_sorted=False), then run.",
    "Stack them into one tensor with torch.stack, without padding.",
]
APPROACHES = [as_is, packed, packed_unsorted, stacked]

right = []
for text, approach in zip(OPTIONS, APPROACHES, strict=True):
    try:
        h_n = approach()
    except RuntimeError as err:
        print(f"{text}\n    RuntimeError: {err}")
        continue
    same = torch.allclose(h_n, alone, atol=1e-6)
    print(f"{text}\n    h_n same as each sequence alone: {same}")
    if same:
        right.append(text)

# Padded, not packed: output still holds each sequence's state at its own end.
output = rnn(padded)[0]
at_ends = torch.stack([output[n - 1, i] for i, n in enumerate(lengths)])
same = torch.allclose(at_ends, alone, atol=1e-6)
print("padded, output at each length - 1 same as alone:", same)

(answer,) = right  # exactly one approach gives every sequence its own h_n
print("The approach whose h_n matches:")
print(answer)
