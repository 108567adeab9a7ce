import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=4)
stream = torch.randn(20, 2, 3)  # one long sequence: (seq_len, batch, input_size)

h = None
for number, chunk in enumerate(stream.split(5), 1):  # consecutive chunks
    output, h = rnn(chunk, h)  # h carries the state into the next chunk
    loss = output.pow(2).mean()
    try:
        loss.backward()
    except RuntimeError as err:
        print(f"chunk {number}: {type(err).__name__}: {err}")
        break
    print(f"chunk {number}: backward done")
