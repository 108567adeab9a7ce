# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=6, hidden_size=5, num_layers=3, bidirectional=True)
x = torch.randn(8, 4, 6)  # sequence first
output, h_n = rnn(x)
# --8<-- [end:question]

# The forward direction of the top layer ends at the last step of output.
top_forward = output[-1, :, :5]

# The four options, evaluated exactly as written on the page.
OPTIONS = [
    "h_n.view(2, 3, 4, 5)[0, -1]",
    "h_n[-1]",
    "h_n.view(3, 2, 4, 5)[0, -1]",
    "h_n.view(3, 2, 4, 5)[-1, 0]",
]

equal = []
for expression in OPTIONS:
    same = torch.equal(eval(expression), top_forward)
    print(f"{expression} -> the top layer's forward final state: {same}")
    if same:
        equal.append(expression)

(answer,) = equal
print("the top layer's forward final state:")
print(answer)
