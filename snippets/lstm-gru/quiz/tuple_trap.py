# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=5, hidden_size=4)
x = torch.randn(6, 3, 5)
output, h_n = lstm(x)  # copied from code written for nn.RNN
last = h_n[-1]
# --8<-- [end:question]

_, (hidden, cell) = lstm(x)  # the same call, unpacked properly
CANDIDATES = {  # each option, as the tensor it names
    "the final cell state of the layer": cell,
    "the final hidden state of the top layer": hidden[-1],
    "the last step of output": output[-1],
    "the hidden state of the last sequence in the batch": hidden[:, -1],
}
print(f"last: {tuple(last.shape)}; the state the code meant: {tuple(hidden[-1].shape)}")
same = []
for text, tensor in CANDIDATES.items():
    equal = last.shape == tensor.shape and torch.equal(last, tensor)
    print(f"{text} -> {equal}")
    if equal:
        same.append(text)
(answer,) = same
print(answer)
