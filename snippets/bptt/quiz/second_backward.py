# --8<-- [start:question]
import torch
from torch import nn


def train_on_chunks(rnn, stream):
    h = None
    for chunk in stream.split(5):
        output, h = rnn(chunk, h)
        loss = output.pow(2).mean()
        loss.backward()
        print(f"backward done, h is {tuple(h.shape)}")


# --8<-- [end:question]

torch.manual_seed(0)
try:
    train_on_chunks(nn.RNN(input_size=3, hidden_size=4), torch.randn(10, 2, 3))
except RuntimeError as err:
    print(f"{type(err).__name__}: {err}")
    if "backward through the graph a second time" in str(err):
        print("It raises a RuntimeError: the first chunk's saved tensors were freed.")
    else:
        print("It raises a RuntimeError: h has the wrong shape for the second chunk.")
