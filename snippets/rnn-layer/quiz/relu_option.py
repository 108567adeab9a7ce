import torch

# The four options, run one by one exactly as written on the page.
OPTIONS = [
    'rnn = torch.nn.RNN(4, 3, nonlinearity="ReLU")',
    "rnn = torch.nn.RNN(4, 3, nonlinearity=torch.nn.ReLU())",
    'rnn = torch.nn.RNN(4, 3, activation="relu")',
    'rnn = torch.nn.RNN(4, 3, nonlinearity="relu")',
]


def run(line):
    """What running one option gives: the layer it builds, or the error it raises."""
    names = {"torch": torch}
    try:
        exec(compile(line, "<option>", "exec"), names)
    except Exception as err:
        return None, f"{type(err).__name__}: {err}"
    return names["rnn"], f"built, nonlinearity={names['rnn'].nonlinearity!r}"


works = []
for line in OPTIONS:
    layer, outcome = run(line)
    print(f"{line} -> {outcome}")
    if layer is not None and layer.nonlinearity == "relu":
        works.append(line)

(answer,) = works
print("builds a ReLU RNN:")
print(answer)
