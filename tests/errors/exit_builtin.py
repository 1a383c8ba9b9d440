# exit(n) from a script: SystemExit with the status, no traceback.
print("before")
for i in range(3):
    if i == 2:
        exit(3)
    print(i)
