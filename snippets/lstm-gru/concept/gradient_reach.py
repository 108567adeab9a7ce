import torch
from torch import nn

torch.manual_seed(0)
hidden = 16
rnn = nn.RNN(input_size=8, hidden_size=hidden)
lstm = nn.LSTM(input_size=8, hidden_size=hidden)
with torch.no_grad():  # open the forget gate: its block is the second of i, f, g, o
    lstm.bias_ih_l0[hidden : 2 * hidden] += 3.0
    lstm.bias_hh_l0[hidden : 2 * hidden] += 3.0
x = torch.randn(50, 1, 8)  # (seq_len, batch, input_size)

print("steps  RNN |dL/dh_0|  LSTM |dL/dc_0|  LSTM |dL/dh_0|")
for steps in (1, 5, 10, 20, 50):
    h_0 = torch.zeros(1, 1, hidden, requires_grad=True)
    output, _ = rnn(x[:steps], h_0)
    output[-1].sum().backward()  # a loss at the last step only
    rnn_grad = h_0.grad.norm().item()

    h_0 = torch.zeros(1, 1, hidden, requires_grad=True)
    c_0 = torch.zeros(1, 1, hidden, requires_grad=True)
    output, _ = lstm(x[:steps], (h_0, c_0))
    output[-1].sum().backward()
    lstm_c, lstm_h = c_0.grad.norm().item(), h_0.grad.norm().item()
    print(f"{steps:5}  {rnn_grad:14.2e}  {lstm_c:15.2e}  {lstm_h:15.2e}")
