import sys
from importlib.metadata import version

import torch


def release(package: str) -> str:
    # "2.13.0+cpu" -> "2.13.0": the release that requirements.txt pins
    return version(package).split("+")[0]


where = "on a GPU" if torch.cuda.is_available() else "on the CPU"
print(f"Python    {sys.version_info.major}.{sys.version_info.minor}")
print(f"torch     {release('torch')} ({where})")
print(f"MkDocs    {release('mkdocs')}")
print(f"Material  {release('mkdocs-material')}")
