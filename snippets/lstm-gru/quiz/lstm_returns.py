import re

import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=3)
result = lstm(torch.randn(5, 2, 4))


def layout(value):
    """A tensor as T, a tuple as (…, …): the nesting of what the call returned."""
    if isinstance(value, tuple):
        return "(" + ", ".join(layout(item) for item in value) + ")"
    return "T"


OPTIONS = ["output, h_n", "output, (h_n, c_n)", "(output, h_n), c_n", "output, h_n, c_n"]
returned = layout(result)
print("nn.LSTM returned:", returned)
matching = []
for option in OPTIONS:
    same = "(" + re.sub(r"\w+", "T", option) + ")" == returned
    print(f"{option} -> {'matches' if same else 'does not match'}")
    if same:
        matching.append(option)
(answer,) = matching
print(answer)
