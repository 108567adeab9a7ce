from torch import nn


def count(layer):
    return sum(p.numel() for p in layer.parameters())


layer = nn.__1__(input_size=10, hidden_size=20)
print(type(layer).__name__, count(layer), "parameters")
print("four times an nn.RNN:", count(layer) == 4 * count(nn.RNN(10, 20)))
