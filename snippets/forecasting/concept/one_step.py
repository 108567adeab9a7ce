import torch
from torch import nn

torch.manual_seed(0)
series = torch.randn(10)
WINDOW = 4
inputs = series[:-1].unfold(0, WINDOW, 1)

lstm = nn.LSTM(input_size=1, hidden_size=8, batch_first=True)
head = nn.Linear(8, 1)
x = inputs.unsqueeze(-1)  # one feature per step: (batch, steps, 1)
output, (h_n, c_n) = lstm(x)
prediction = head(output[:, -1])  # read the last step: one number per window
print("x:         ", tuple(x.shape))
print("output:    ", tuple(output.shape))
print("prediction:", tuple(prediction.shape))
