# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=7, num_layers=2, bidirectional=True)
x = torch.randn(5, 3, 4)  # sequence first
output, h_n = rnn(x)
backward_final = h_n.view(2, 2, 3, 7)[-1, 1]  # top layer, backward direction
# --8<-- [end:question]

# The four options, evaluated exactly as written on the page.
OPTIONS = ["output[-1, :, 7:]", "output[0, :, :7]", "output[0, :, 7:]", "output[-1, :, :7]"]

equal = []
for expression in OPTIONS:
    same = torch.equal(eval(expression), backward_final)
    print(f"{expression} -> equal to backward_final: {same}")
    if same:
        equal.append(expression)

(answer,) = equal
print("the slice equal to backward_final:")
print(answer)
