# --8<-- [start:question]
import warnings

import torch
from torch import nn

torch.manual_seed(0)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    rnn = nn.RNN(input_size=4, hidden_size=3, num_layers=1, dropout=0.5)
rnn.train()
x = torch.randn(6, 2, 4)
first, _ = rnn(x)
second, _ = rnn(x)
# --8<-- [end:question]

for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
built = "It warns when built" if caught else "It builds silently"
calls = "the same output" if torch.equal(first, second) else "different outputs"
print(f"{built}; in training, the two calls return {calls}.")
