import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(50, 1, 2)  # the same fifty steps of inputs for both runs


def cell_after(input_bias: float) -> float:
    """The cell state after the fifty steps, starting from 0.9, with the forget gate open and
    the input gate set by `input_bias`."""
    lstm = nn.LSTM(input_size=2, hidden_size=1)
    with torch.no_grad():
        # Gate rows in PyTorch's order: input, forget, candidate (g), output; one row each.
        lstm.bias_ih_l0.zero_()
        lstm.bias_hh_l0.copy_(torch.tensor([input_bias, 20.0, 0.0, 0.0]))
        lstm.weight_ih_l0.zero_()  # the inputs move no gate ...
        lstm.weight_ih_l0[2] = 1.0  # ... but the candidate g reads them: something to write
        lstm.weight_hh_l0.zero_()  # the hidden state moves nothing
        h_0 = torch.zeros(1, 1, 1)
        c_0 = torch.full((1, 1, 1), 0.9)  # the value to keep
        _, (_, c_n) = lstm(x, (h_0, c_0))
    return c_n.item()


shut, open_ = torch.sigmoid(torch.tensor([-20.0, 20.0]))
print(f"forget gate: {open_:.3f} (open)")
print(f"input gate {shut:.1e} (shut): c after 50 steps {cell_after(-20.0):.3f}")
print(f"input gate {open_:.3f} (open): c after 50 steps {cell_after(20.0):.3f}")
