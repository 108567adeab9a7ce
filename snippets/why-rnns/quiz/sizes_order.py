from torch import nn

# The four options, run one by one exactly as written on the page.
OPTIONS = [
    "nn.RNN(20, 10)",
    "nn.RNN(20, input_size=10)",
    "nn.RNN(hidden_size=20, input_size=10)",
    "nn.RNN(hidden_size=10, input_size=20)",
]

built = []
for line in OPTIONS:
    try:
        layer = eval(line, {"nn": nn})
    except Exception as err:
        print(f"{line} -> {type(err).__name__}: {err}")
        continue
    sizes = f"input_size={layer.input_size}, hidden_size={layer.hidden_size}"
    print(f"{line} -> {layer}  ({sizes})")
    if (layer.input_size, layer.hidden_size) == (10, 20):
        built.append(line)

(answer,) = built  # exactly one option gets both sizes right
print("input size 10, hidden size 20:")
print(answer)
