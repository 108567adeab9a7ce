import torch
from torch import nn

OPTIONS = [
    "windows.unsqueeze(-1)",
    "windows.unsqueeze(0)",
    "windows.unsqueeze(1)",
    "windows.T",
]
torch.manual_seed(0)
lstm = nn.LSTM(input_size=1, hidden_size=8, batch_first=True)
windows = torch.randn(88, 12)  # 88 windows of 12 steps

works = []
for option in OPTIONS:
    x = eval(option)
    try:
        output, _ = lstm(x)
    except Exception as err:
        print(f"{option} -> {tuple(x.shape)}, {type(err).__name__}")
        continue
    print(f"{option} -> {tuple(x.shape)}, output {tuple(output.shape)}")
    if output.shape == (88, 12, 8):  # one hidden state per window and step
        works.append(option)
(answer,) = works
print(answer)
