# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=6)  # one layer, sequence first
x = torch.randn(5, 3, 4)  # (seq_len, batch, input_size)
output, h_n = rnn(x)
# --8<-- [end:question]

print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))

# The four options, evaluated exactly as written on the page.
OPTIONS = ["output[0]", "output[-1]", "output[:, -1]", "output.mean(dim=0)"]

equal = []
for expression in OPTIONS:
    value = eval(expression)
    same = torch.equal(value, h_n[0])
    print(f"{expression} -> shape {tuple(value.shape)}, equal to h_n[0]: {same}")
    if same:
        equal.append(expression)

(answer,) = equal
print("the expression equal to h_n[0]:")
print(answer)
