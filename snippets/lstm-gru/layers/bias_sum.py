import torch
from torch import nn

torch.manual_seed(0)
hidden = 4
x = torch.randn(6, 2, 3)  # (seq_len, batch, input_size)
for name, layer in (("LSTM", nn.LSTM(3, hidden)), ("GRU", nn.GRU(3, hidden))):
    before = layer(x)[0]
    with torch.no_grad():  # fold the recurrent bias into the input bias, as for nn.RNN
        layer.bias_ih_l0 += layer.bias_hh_l0
        layer.bias_hh_l0.zero_()
    after = layer(x)[0]
    print(f"{name}, every block folded: same output {torch.allclose(before, after, atol=1e-6)}")

# In the GRU, the reset gate scales b_hn but not b_in: fold r and z only, keep the candidate's.
gru = nn.GRU(3, hidden)
before = gru(x)[0]
with torch.no_grad():
    gru.bias_ih_l0[: 2 * hidden] += gru.bias_hh_l0[: 2 * hidden]  # blocks r and z
    gru.bias_hh_l0[: 2 * hidden].zero_()
after = gru(x)[0]
print(f"GRU, r and z folded, n kept: same output {torch.allclose(before, after, atol=1e-6)}")
