import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=5, hidden_size=3, batch_first=True)
head = nn.Linear(3, 2)  # one score per class
x = torch.randn(4, 7, 5)  # batch_first=True: (batch, seq_len, input_size)

with torch.no_grad():
    output, (h_n, c_n) = lstm(x)
    logits = head(__1__)  # one row of scores per sequence
    from_last_step = head(output[:, -1])
print("logits:", tuple(logits.shape))
print(
    "read from the last step:",
    logits.shape == from_last_step.shape and torch.equal(logits, from_last_step),
)
