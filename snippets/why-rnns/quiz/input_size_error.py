# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=8, hidden_size=4)  # num_layers left at its default
x = torch.randn(5, 3, 10)  # (seq_len, batch, features)
# --8<-- [end:question]


def call(layer, inputs):
    """Run the layer; say what came out, or print the error and say why."""
    try:
        output, _ = layer(inputs)
    except RuntimeError as err:
        print(f"RuntimeError: {err}")  # torch's own words
        got, takes = inputs.shape[-1], layer.input_size
        why = f"the steps of x have {got} features, the layer takes {takes}"
        return f"It raises a RuntimeError: {why}."
    return f"It runs, and output has shape {tuple(output.shape)}."


# With input_size features per step, the same layer runs: hidden_size is fine.
print("with 8 features: ", call(rnn, torch.randn(5, 3, 8)))
print("with x:")
print(call(rnn, x))
