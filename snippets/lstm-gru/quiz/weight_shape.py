# --8<-- [start:question]
from torch import nn

lstm = nn.LSTM(input_size=10, hidden_size=20)
W = lstm.weight_ih_l0
# --8<-- [end:question]

for name, parameter in lstm.named_parameters():
    print(f"{name:13} {tuple(parameter.shape)}")
print("weight_ih_l0:")
print(tuple(W.shape))
