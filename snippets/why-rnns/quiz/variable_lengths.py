import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=3)
# Two sequences of different lengths, 2 features per step.
long, short = torch.randn(5, 2), torch.randn(3, 2)

# The reference: each sequence on its own (an unbatched input is (seq_len, input_size)).
alone = torch.cat([rnn(long)[1], rnn(short)[1]])  # final hidden state of each, (2, 3)


def padded():
    return rnn(pad_sequence([long, short]))[1][0]  # zeros after the short one's end


def packed():
    batch = pack_padded_sequence(pad_sequence([long, short]), lengths=[5, 3])
    return rnn(batch)[1][0]  # the packed batch tells the layer where each sequence ends


def stacked():
    return rnn(torch.stack([long, short], dim=1))[1][0]


def wide():
    layer = nn.RNN(input_size=2, hidden_size=5)  # hidden_size = the longest length
    return layer(pad_sequence([long, short]))[1][0]


# The options in the page's order, each with the code that does what it says.
APPROACHES = {
    "Pad them to one length, pack them with pack_padded_sequence, then run the RNN.": packed,
    "Pad them to one length and run the padded batch as it is.": padded,
    "Stack them into one tensor with torch.stack, without padding.": stacked,
    "Pad them, and set hidden_size to the longest length so that nothing is cut off.": wide,
}

right = []
for text, approach in APPROACHES.items():
    try:
        h_n = approach()
    except Exception as err:
        print(f"{text}\n    {type(err).__name__}: {err}")
        continue
    same = h_n.shape == alone.shape and torch.allclose(h_n, alone, atol=1e-6)
    print(f"{text}\n    h_n {tuple(h_n.shape)}, same as each sequence alone: {same}")
    if same:
        right.append(text)

(answer,) = right  # exactly one approach gives every sequence its own final state
print("The approach that matches:")
print(answer)
