import torch
from torch import nn


def graph_size(tensor):
    """How many autograd nodes a backward from this tensor would visit."""
    seen, todo = set(), [tensor.grad_fn]
    while todo:
        node = todo.pop()
        if node is not None and node not in seen:
            seen.add(node)
            todo.extend(parent for parent, _ in node.next_functions)
    return len(seen)


torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=4)
stream = torch.randn(20, 2, 3)
chunks = [chunk.requires_grad_() for chunk in stream.split(5)]

h = None
for number, chunk in enumerate(chunks, 1):
    output, h = rnn(chunk, h)
    loss = output.pow(2).mean()
    for earlier in chunks:
        earlier.grad = None
    loss.backward(retain_graph=True)  # silences the error...
    reached = [n for n, c in enumerate(chunks, 1) if c.grad is not None]
    print(f"chunk {number}: {graph_size(loss):3} nodes, reaches chunks {reached}")

# The same loop as in training, with an optimizer step after each backward.
optimizer = torch.optim.SGD(rnn.parameters(), lr=0.1)
h = None
for number, chunk in enumerate(stream.split(5), 1):
    output, h = rnn(chunk, h)
    optimizer.zero_grad()
    try:
        output.pow(2).mean().backward(retain_graph=True)
    except RuntimeError as err:
        print(f"with optimizer.step(), chunk {number}: {type(err).__name__}: {err}")
        break
    optimizer.step()
