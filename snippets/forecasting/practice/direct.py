import torch
from torch import nn

torch.manual_seed(0)
series = torch.randn(40)
WINDOW, HORIZON = 8, 3
inputs = series[:-HORIZON].unfold(0, WINDOW, 1).unsqueeze(-1)
targets = series[WINDOW:].unfold(0, __1__, 1)

lstm = nn.LSTM(input_size=1, hidden_size=16, batch_first=True)
head = nn.Linear(16, __2__)
output, _ = lstm(inputs)
forecast = head(output[:, -1])
print("forecast:", tuple(forecast.shape), "| targets:", tuple(targets.shape))
loss = nn.functional.mse_loss(forecast, targets)
print("one forecast per target:", forecast.shape == targets.shape)
