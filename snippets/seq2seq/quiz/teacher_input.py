# --8<-- [start:question]
import torch

BOS = 10
target = torch.tensor([[5, 1, 4, 1, 3]])
# --8<-- [end:question]
decoder_input = torch.cat([torch.tensor([[BOS]]), target[:, :-1]], dim=1)
print("one input per target step:", decoder_input.shape == target.shape)
print(decoder_input[0].tolist())
