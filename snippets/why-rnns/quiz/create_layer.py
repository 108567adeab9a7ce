import torch

# The four options, run one by one exactly as written on the page.
OPTIONS = [
    "rnn = torch.nn.RNN(10, 20)",
    "rnn = torch.nn.RNNCell(10, 20)",
    "rnn = torch.nn.SimpleRNN(10, 20)",
    "rnn = torch.RNN(10, 20)",
]
torch.manual_seed(0)
sequence = torch.randn(5, 1, 10)  # (seq_len, batch, features)


def run(line):
    """Build the option's layer, then read the whole sequence with one call."""
    names = {"torch": torch}
    try:
        exec(line, names)
    except Exception as err:
        return None, f"{type(err).__name__}: {err}"
    layer = names["rnn"]
    try:
        output, _ = layer(sequence)
    except Exception as err:
        return None, f"builds {layer}, then {type(err).__name__}: {err}"
    return output, f"builds {layer}, output {tuple(output.shape)}"


works = []
for line in OPTIONS:
    output, outcome = run(line)
    print(f"{line} -> {outcome}")
    if output is not None and output.shape == (5, 1, 20):
        works.append(line)

(answer,) = works  # exactly one option reads the sequence into hidden_size units
print("reads the whole sequence:")
print(answer)
