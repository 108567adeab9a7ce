import torch
from torch import nn

torch.manual_seed(0)
original = torch.randn(50) * 100  # a large gradient, one entry per weight


def clipped(clip):
    p = torch.zeros(50, requires_grad=True)
    p.grad = original.clone()
    clip([p])
    return p.grad


by_norm = clipped(lambda ps: nn.utils.clip_grad_norm_(ps, max_norm=1.0))
by_value = clipped(lambda ps: nn.utils.clip_grad_value_(ps, clip_value=1.0))
cos_norm = nn.functional.cosine_similarity(by_norm, original, dim=0)
cos_value = nn.functional.cosine_similarity(by_value, original, dim=0)
print(f"cosine with the original: by norm {cos_norm:.4f}, by value {cos_value:.4f}")
keeps_norm, keeps_value = cos_norm > 0.9999, cos_value > 0.9999
if keeps_norm and keeps_value:
    print("Both of them")
elif keeps_norm:
    print("Only clip_grad_norm_")
elif keeps_value:
    print("Only clip_grad_value_")
else:
    print("Neither of them")
