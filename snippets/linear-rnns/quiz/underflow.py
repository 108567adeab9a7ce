# --8<-- [start:question]
import torch

A = torch.cumprod(torch.full((200,), 0.5), dim=0)  # float32
# --8<-- [end:question]

print("step 149, 0.5 ** 149, the smallest float32 above 0:", A[148].item())
print("0.5 ** 200 in a Python float (64 bits):", 0.5**200)
print("the last gate:", torch.full((200,), 0.5)[-1].item())
print(A[-1].item())
