# --8<-- [start:question]
import torch

A = torch.cumprod(torch.full((200,), 0.5), dim=0)  # float32
# --8<-- [end:question]

tiny = torch.finfo(torch.float32).tiny
print("finfo.tiny, the smallest normal float32, is 0.5 ** 126:", tiny == 0.5**126)
print("step 149, 0.5 ** 149, the smallest subnormal float32:", A[148].item())
print("0.5 ** 200 in a Python float (64 bits):", 0.5**200)
print("the last gate:", torch.full((200,), 0.5)[-1].item())
print(A[-1].item())
