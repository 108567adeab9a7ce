from torch import nn


def count(layer):
    return sum(p.numel() for p in layer.parameters())


rnn = nn.RNN(input_size=10, hidden_size=20)
for layer in (rnn, nn.LSTM(input_size=10, hidden_size=20), nn.GRU(input_size=10, hidden_size=20)):
    ratio = count(layer) / count(rnn)
    shapes = ", ".join(f"{n} {tuple(p.shape)}" for n, p in layer.named_parameters() if "l0" in n)
    print(f"{type(layer).__name__:4} {count(layer):5} parameters = {ratio:.0f} x RNN")
    print(f"     {shapes}")
