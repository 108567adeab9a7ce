import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=3)
cell = nn.RNNCell(input_size=4, hidden_size=3)
with torch.no_grad():  # the layer's four tensors, copied into the cell
    cell.weight_ih.copy_(rnn.weight_ih_l0)
    cell.weight_hh.copy_(rnn.weight_hh_l0)
    cell.bias_ih.copy_(rnn.bias_ih_l0)
    cell.bias_hh.copy_(rnn.bias_hh_l0)
feedback = nn.Linear(3, 4)  # turns a state into the next step's input, as generation does

x_t = torch.randn(2, 4)  # the first input, for a batch of two
h_cell = torch.zeros(2, 3)  # the cell's state: (batch, hidden_size)
h_rnn = torch.zeros(1, 2, 3)  # the layer's state: (num_layers, batch, hidden_size)
x_cell, x_rnn = x_t, x_t
cell_states, rnn_states = [], []
for _ in range(5):
    h_cell = cell(x_cell, h_cell)
    step_output, h_rnn = rnn(x_rnn.unsqueeze(0), h_rnn)  # a sequence of one step
    cell_states.append(h_cell)
    rnn_states.append(step_output[0])
    x_cell, x_rnn = feedback(h_cell), feedback(step_output[0])  # the next input

cell_states, rnn_states = torch.stack(cell_states), torch.stack(rnn_states)
print("states:", tuple(cell_states.shape), "from the cell,", tuple(rnn_states.shape), "from nn.RNN")
print("same states at every step:", torch.allclose(cell_states, rnn_states, atol=1e-6))
