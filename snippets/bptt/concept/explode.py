import torch
from torch import nn


def gradients(scale):
    """Scale the recurrent weights, run 50 steps, backpropagate from the last."""
    torch.manual_seed(0)
    # float64: in float32, the rounding of saturated steps differs between CPU kernels.
    rnn = nn.RNN(input_size=4, hidden_size=16, dtype=torch.float64)
    with torch.no_grad():
        rnn.weight_hh_l0.mul_(scale)
    # (seq_len, batch, input_size)
    x = torch.randn(50, 8, 4, dtype=torch.float64, requires_grad=True)
    output, _ = rnn(x)
    output[-1].pow(2).mean().backward()
    per_input = x.grad.abs().mean(dim=(1, 2))  # one value per step
    weights = torch.cat([p.grad.flatten() for p in rnn.parameters()]).norm()
    return per_input[-1], per_input[0], weights


print("W_hh scaled by   last input   first input   norm of all weight gradients")
for scale in [1.0, 3.0, 5.0]:
    last, first, weights = gradients(scale)
    print(f"{scale:14}   {last:10.1e}   {first:11.1e}   {weights:.1e}")
