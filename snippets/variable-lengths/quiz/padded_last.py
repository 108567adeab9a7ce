# --8<-- [start:question]
import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=3)
long, short = torch.randn(5, 2), torch.randn(2, 2)
output, h_n = rnn(pad_sequence([long, short]))  # padded, not packed
# --8<-- [end:question]

# The reference: the short sequence's final state when it runs alone.
alone = rnn(short)[1][0]

# The four options, evaluated exactly as written on the page.
OPTIONS = ["output[-1, 1]", "h_n[0, 1]", "output[1, 1]", "output[2, 1]"]
right = []
for expression in OPTIONS:
    same = torch.allclose(eval(expression), alone, atol=1e-6)
    print(f"{expression} -> same as the short sequence alone: {same}")
    if same:
        right.append(expression)

(answer,) = right
print("the short sequence's final state:")
print(answer)
