# --8<-- [start:question]
from torch import nn

small = nn.RNN(input_size=10, hidden_size=20)
large = nn.RNN(input_size=10, hidden_size=40)
# --8<-- [end:question]

growth = []
for (name, before), after in zip(small.named_parameters(), large.parameters(), strict=True):
    ratio = after.numel() // before.numel()
    print(f"{name:13} {tuple(before.shape)!s:8} -> {tuple(after.shape)!s:8} x{ratio}")
    growth.append(ratio)
print("growth of each tensor, in the order above:")
print(*growth)
