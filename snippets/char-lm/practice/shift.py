chunk = "ABSURDITY"
inputs, targets = chunk[__1__], chunk[__2__]

print(len(inputs), "steps")
for x, y in zip(inputs, targets, strict=True):
    print(f"read {x!r}, predict {y!r}")
