# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=4)
_, h = rnn(torch.randn(5, 1, 3))
h2 = h.detach()
# --8<-- [end:question]

same_values = torch.equal(h2, h)
all_zero = bool((h2 == 0).all())
same_memory = h2.data_ptr() == h.data_ptr()
print(f"same values: {same_values}, all zeros: {all_zero}, same memory: {same_memory}")
print(f"grad_fn of h: {type(h.grad_fn).__name__}, grad_fn of h2: {h2.grad_fn}")
if same_values and h2.grad_fn is None:
    print("Same values as h, and no grad_fn")
elif all_zero:
    print("All zeros, and no grad_fn")
elif h2.grad_fn is h.grad_fn:
    print("Same values as h, and the same grad_fn")
else:
    print("A copy of h in new memory that still tracks gradients")
