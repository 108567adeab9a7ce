import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=3)
x = torch.randn(5, 2, 4)
h_0, c_0 = torch.randn(1, 2, 3), torch.randn(1, 2, 3)

# The four options, run one by one exactly as written on the page.
OPTIONS = [
    "lstm(x, (h_0, c_0))",
    "lstm(x, h_0, c_0)",
    "lstm(x, [h_0])",
    "lstm(x, h_0)",
]
names = {"lstm": lstm, "x": x, "h_0": h_0, "c_0": c_0}
starts = []
for line in OPTIONS:
    try:
        output, (h_n, c_n) = eval(line, names)
    except Exception as err:
        print(f"{line} -> {type(err).__name__}: {err}")
        continue
    # Started from (h_0, c_0)? Then the first step equals one step from that state.
    first, _ = lstm(x[:1], (h_0, c_0))
    same = torch.allclose(output[:1], first, atol=1e-6)
    print(f"{line} -> runs; starts from h_0 and c_0: {same}")
    if same:
        starts.append(line)
(answer,) = starts
print(answer)
