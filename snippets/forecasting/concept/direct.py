import torch
from torch import nn

torch.manual_seed(0)
series = torch.arange(12.0)
WINDOW, HORIZON = 4, 3

inputs = series[:-HORIZON].unfold(0, WINDOW, 1)
targets = series[WINDOW:].unfold(0, HORIZON, 1)  # the next HORIZON values of each window
print("inputs: ", tuple(inputs.shape))
print("targets:", tuple(targets.shape))
print(inputs[0].tolist(), "->", targets[0].tolist())
print(inputs[-1].tolist(), "->", targets[-1].tolist())

lstm = nn.LSTM(input_size=1, hidden_size=16, batch_first=True)
head = nn.Linear(16, HORIZON)  # one output per step ahead
output, _ = lstm(inputs.unsqueeze(-1))
forecast = head(output[:, -1])
print("forecast:", tuple(forecast.shape))
