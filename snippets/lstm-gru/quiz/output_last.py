# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=6, hidden_size=4, num_layers=2, batch_first=True)
x = torch.randn(3, 9, 6)  # (batch, seq_len, input_size)
output, (h_n, c_n) = lstm(x)
last = output[:, -1]  # which returned tensor holds the same numbers?
# --8<-- [end:question]

OPTIONS = {"h_n[-1]": h_n[-1], "c_n[-1]": c_n[-1], "h_n[0]": h_n[0], "output[-1]": output[-1]}
matches = []
for text, value in OPTIONS.items():
    same = value.shape == last.shape and torch.allclose(value, last)
    print(f"{text} -> {tuple(value.shape)}, equal: {same}")
    if same:
        matches.append(text)
(answer,) = matches
print(answer)
