from torch import nn


def formula(input_size, hidden_size, num_layers=1, bias=True, bidirectional=False):
    """Parameters of nn.RNN, counted from the shapes of its weights."""
    directions = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        # Layer 0 reads the input; a layer above reads both directions of the one below.
        layer_input = input_size if layer == 0 else directions * hidden_size
        per_direction = hidden_size * layer_input + hidden_size * hidden_size
        if bias:
            per_direction += 2 * hidden_size
        total += directions * per_direction
    return total


CONFIGS = [
    {"input_size": 10, "hidden_size": 20},
    {"input_size": 10, "hidden_size": 20, "bias": False},
    {"input_size": 10, "hidden_size": 20, "num_layers": 3},
    {"input_size": 10, "hidden_size": 20, "bidirectional": True},
    {"input_size": 10, "hidden_size": 20, "num_layers": 3, "bidirectional": True},
]
for config in CONFIGS:
    counted = sum(p.numel() for p in nn.RNN(**config).parameters())
    options = ", ".join(f"{k}={v}" for k, v in config.items() if "size" not in k)
    print(f"{options or 'defaults':35} formula {formula(**config):5}  PyTorch {counted:5}")
