# Helper module with mutable module-level state.
count = 0
history = []

def bump(n=1):
    global count
    count += n
    history.append(count)
    return count

def reset():
    global count
    count = 0
    history.clear()
