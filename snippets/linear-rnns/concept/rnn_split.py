import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=4)
x = torch.randn(6, 2, 3)  # (seq_len, batch, input_size)

with torch.no_grad():
    output, _ = rnn(x)
    # The input's share of every step, in one call: it needs no state.
    from_input = x @ rnn.weight_ih_l0.T + rnn.bias_ih_l0
    print("input share of all steps, one call:", tuple(from_input.shape))
    # The rest needs h_{t-1} inside tanh, so the steps run one after another.
    h = torch.zeros(2, 4)
    states = []
    for t in range(len(x)):
        h = torch.tanh(from_input[t] + h @ rnn.weight_hh_l0.T + rnn.bias_hh_l0)
        states.append(h)

print("steps that waited for the one before:", len(states))
print("same states as nn.RNN:", torch.allclose(torch.stack(states), output, atol=1e-6))
