# --8<-- [start:question]
from torch import nn

rnn = nn.RNN(input_size=10, hidden_size=20)
# --8<-- [end:question]

size = {}
for name, parameter in rnn.named_parameters():
    size[name] = parameter.numel()
    print(f"{name:13} {tuple(parameter.shape)!s:9} {size[name]:4} numbers")

w_ih, w_hh, b_ih, b_hh = size.values()
print("forgetting both biases:  ", w_ih + w_hh)
print("with a single bias:      ", w_ih + w_hh + b_hh)
print("forgetting weight_hh_l0: ", w_ih + b_ih + b_hh)
print("total:")
print(sum(size.values()))
