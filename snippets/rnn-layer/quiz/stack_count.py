# --8<-- [start:question]
from torch import nn

rnn = nn.RNN(input_size=10, hidden_size=20, num_layers=2)
# --8<-- [end:question]

for layer in range(rnn.num_layers):
    print(f"layer {layer}:")
    subtotal = 0
    for name, parameter in rnn.named_parameters():
        if name.endswith(f"_l{layer}"):
            print(f"  {name:12} {tuple(parameter.shape)!s:9} {parameter.numel():4}")
            subtotal += parameter.numel()
    print(f"  subtotal {subtotal}")
print("total:")
print(sum(p.numel() for p in rnn.parameters()))
