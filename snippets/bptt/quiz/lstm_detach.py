import torch
from torch import nn

# The four options, run one by one exactly as written on the page.
OPTIONS = [
    "state = state.detach()",
    "state = (state[0].detach(), state[1].detach())",
    "state = state[0].detach()",
    "state = torch.stack(state).detach()",
]


def run(line):
    """Carry an LSTM's state into a second chunk after the option, then backward."""
    torch.manual_seed(0)
    lstm = nn.LSTM(input_size=2, hidden_size=3)
    names = {"torch": torch}
    output, names["state"] = lstm(torch.randn(4, 1, 2))
    output.sum().backward()
    try:
        exec(compile(line, "<option>", "exec"), names)
        output, _ = lstm(torch.randn(4, 1, 2), names["state"])
        output.sum().backward()
    except Exception as err:
        return False, f"{type(err).__name__}: {str(err).splitlines()[0]}"
    return True, "second chunk trained"


works = []
for line in OPTIONS:
    ok, outcome = run(line)
    print(f"{line} -> {outcome}")
    if ok:
        works.append(line)
(answer,) = works
print("carries the state and trains the second chunk:")
print(answer)
