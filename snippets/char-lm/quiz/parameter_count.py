# --8<-- [start:question]
from torch import nn

model = nn.ModuleDict(
    {
        "embed": nn.Embedding(75, 16),
        "rnn": nn.RNN(16, 64),
        "head": nn.Linear(64, 75),
    }
)
# --8<-- [end:question]

for name, parameter in model.named_parameters():
    print(f"{name:18} {tuple(parameter.shape)!s:9} {parameter.numel():5}")
part = {name: sum(p.numel() for p in layer.parameters()) for name, layer in model.items()}
print("per layer:", part)
total = sum(part.values())
print("without the embedding:", total - part["embed"])
print("without the head's bias:", total - model["head"].bias.numel())
print("with one RNN bias:", total - model["rnn"].bias_hh_l0.numel())
print("total:")
print(total)
