# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=8, hidden_size=4)  # num_layers left at its default
x = torch.randn(5, 3, 10)  # (seq_len=5, batch=3, features=10)
# --8<-- [end:question]


def call(layer, inputs):
    """Run the layer; say what came out, or which error it raised."""
    try:
        output, _ = layer(inputs)
    except Exception as err:
        return f"{type(err).__name__}: {err}"
    return f"It runs, and output has shape {tuple(output.shape)}."


# The layer accepts 8 features per step: num_layers and hidden_size are fine.
print("with 8 features: ", call(rnn, torch.randn(5, 3, 8)))
print("with 10 features:")
print(call(rnn, x))
