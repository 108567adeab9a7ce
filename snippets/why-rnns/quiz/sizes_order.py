from torch import nn

# The four options, run one by one exactly as written on the page.
OPTIONS = [
    "nn.RNN(20, 10)",
    "nn.RNN(10)",
    "nn.RNN(input_size=10, hidden_size=20)",
    "nn.RNN(hidden_size=10, input_size=20)",
]

built = {}
for line in OPTIONS:
    try:
        layer = eval(line, {"nn": nn})
    except Exception as err:
        print(f"{line} -> {type(err).__name__}: {err}")
        continue
    sizes = f"input_size={layer.input_size}, hidden_size={layer.hidden_size}"
    print(f"{line} -> {layer}  ({sizes})")
    if (layer.input_size, layer.hidden_size) == (10, 20):
        built[line] = layer

(answer,) = built  # exactly one option takes 10 features and keeps 20 hidden units
print("input 10, hidden 20:")
print(answer)
