import warnings

import torch
from torch import nn

torch.manual_seed(0)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")  # record the warning even if it was shown before
    single = nn.RNN(input_size=4, hidden_size=3, num_layers=1, dropout=0.5)
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

stacked = nn.RNN(input_size=4, hidden_size=3, num_layers=2, dropout=0.5)
x = torch.randn(5, 2, 4)
for name, rnn in (("one layer", single), ("two layers", stacked)):
    rnn.train()  # dropout is active only in training mode
    same_train = torch.equal(rnn(x)[0], rnn(x)[0])
    rnn.eval()
    same_eval = torch.equal(rnn(x)[0], rnn(x)[0])
    print(f"{name}: two calls agree in train mode {same_train}, in eval mode {same_eval}")
