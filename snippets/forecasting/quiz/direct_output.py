# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
HORIZON = 6
lstm = nn.LSTM(input_size=1, hidden_size=16, batch_first=True)
head = nn.Linear(16, HORIZON)
x = torch.randn(32, 12, 1)  # 32 windows of 12 steps
output, _ = lstm(x)
forecast = head(output[:, -1])
# --8<-- [end:question]

print("output:", tuple(output.shape))
print(tuple(forecast.shape))
