import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=16, hidden_size=32, batch_first=True)
x = torch.randn(8, 20, 16)  # (batch, seq_len, features): sentences of words
output, h_n = rnn(x)

# One label per sequence (is this review positive?): read the final state.
to_sentiment = nn.Linear(32, 2)
print("one label per sequence:", tuple(to_sentiment(h_n[-1]).shape))

# One label per step (what part of speech is each word?): read all of output.
to_tag = nn.Linear(32, 5)
print("one label per step:    ", tuple(to_tag(output).shape))
