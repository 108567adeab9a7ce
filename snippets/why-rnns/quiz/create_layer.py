import torch

# The four options, run one by one exactly as written on the page.
OPTIONS = [
    "rnn = torch.nn.RNN(input_size=10, hidden_size=20, num_layers=1)",
    "rnn = torch.nn.RNNLayer(10, 20)",
    "rnn = torch.nn.SimpleRNN(10, 20)",
    "rnn = torch.nn.RNN(input_size=20, 10)",
]


def run(line):
    """What running one option gives: the layer it builds, or the error it raises."""
    names = {"torch": torch}
    try:
        exec(compile(line, "<option>", "exec"), names)
    except Exception as err:  # SyntaxError too: compile() raises it like any other
        return None, f"{type(err).__name__}: {err}"
    return names["rnn"], repr(names["rnn"])


built = {}
for line in OPTIONS:
    layer, outcome = run(line)
    print(f"{line} -> {outcome}")
    is_rnn = isinstance(layer, torch.nn.RNN)
    if is_rnn and (layer.input_size, layer.hidden_size) == (10, 20):
        built[line] = layer

(answer,) = built  # exactly one option builds an RNN with input_size 10, hidden_size 20
print("builds RNN(10, 20):")
print(answer)
