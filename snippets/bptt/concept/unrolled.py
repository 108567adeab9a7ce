import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=4)
x = torch.randn(5, 1, 3)  # (seq_len, batch, input_size)

# The layer's own backward pass: a loss on the last step only.
output, h_n = rnn(x)
output[-1].sum().backward()

# The same forward pass as a Python loop, with a private copy of the recurrent
# weights for every step, so that each step's share of the gradient is kept apart.
w_ih, w_hh = rnn.weight_ih_l0.detach(), rnn.weight_hh_l0.detach()
b = (rnn.bias_ih_l0 + rnn.bias_hh_l0).detach()
copies = [w_hh.clone().requires_grad_() for _ in range(len(x))]
h = torch.zeros(1, 4)
for t, w in enumerate(copies):
    h = torch.tanh(x[t] @ w_ih.T + h @ w.T + b)
h.sum().backward()

for t, w in enumerate(copies):
    print(f"step {t + 1}: share of the gradient, norm {w.grad.norm():.4f}")
total = sum(w.grad for w in copies)
print("sum of the shares equals rnn.weight_hh_l0.grad:")
print(torch.allclose(total, rnn.weight_hh_l0.grad, atol=1e-6))
