# --8<-- [start:question]
chunk = "BRIDE"
inputs = chunk[:-1]  # 'BRID'
targets = chunk[1:]
# --8<-- [end:question]

for x, y in zip(inputs, targets, strict=True):
    print(f"{x!r} -> {y!r}")
print("targets:")
print(repr(targets))
