# --8<-- [start:question]
import torch

EOS, BOS = 10, 11
target = torch.tensor([[7, 2, 9, EOS]])  # three digits, then the end token
# --8<-- [end:question]
decoder_input = torch.cat([torch.tensor([[BOS]]), target[:, :-1]], dim=1)
print("one input per target step:", decoder_input.shape == target.shape)
print("EOS is read:", bool((decoder_input == EOS).any()))
print(decoder_input[0].tolist())
