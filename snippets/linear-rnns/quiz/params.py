# --8<-- [start:question]
from torch import nn


class MinGRU(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.gate = nn.Linear(input_size, hidden_size)
        self.candidate = nn.Linear(input_size, hidden_size)


model = MinGRU(10, 20)
# --8<-- [end:question]

print("one nn.Linear(10, 20):", sum(p.numel() for p in model.gate.parameters()))
print("nn.GRU(10, 20):", sum(p.numel() for p in nn.GRU(10, 20).parameters()))
print("weights without biases:", 2 * 10 * 20)
print(sum(p.numel() for p in model.parameters()))
