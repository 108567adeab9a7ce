import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=8, hidden_size=6, proj_size=3)
x = torch.randn(5, 2, 8)  # (seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

print("output:", tuple(output.shape))  # h is projected down to proj_size
print("h_n:   ", tuple(h_n.shape))
print("c_n:   ", tuple(c_n.shape))  # the cell state keeps hidden_size
print("weight_hr_l0:", tuple(lstm.weight_hr_l0.shape))
print("weight_hh_l0:", tuple(lstm.weight_hh_l0.shape))

# Only nn.LSTM has proj_size, and it must be smaller than hidden_size.
for build in (lambda: nn.GRU(8, 6, proj_size=3), lambda: nn.LSTM(8, 6, proj_size=6)):
    try:
        build()
    except ValueError as err:
        print(f"{type(err).__name__}: {err}")
