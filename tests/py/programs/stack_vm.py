# A tiny stack-based virtual machine with variables, jumps and subroutine calls.
def run(program, trace=False):
    stack = []
    env = {}
    calls = []
    out = []
    pc = 0
    steps = 0
    while pc < len(program):
        op, *args = program[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(args[0])
        elif op == "load":
            stack.append(env[args[0]])
        elif op == "store":
            env[args[0]] = stack.pop()
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op in ("add", "sub", "mul", "div", "mod", "lt"):
            b = stack.pop()
            a = stack.pop()
            if op == "add":
                stack.append(a + b)
            elif op == "sub":
                stack.append(a - b)
            elif op == "mul":
                stack.append(a * b)
            elif op == "div":
                stack.append(a // b)
            elif op == "mod":
                stack.append(a % b)
            else:
                stack.append(1 if a < b else 0)
        elif op == "jmp":
            pc = args[0]
        elif op == "jz":
            if stack.pop() == 0:
                pc = args[0]
        elif op == "call":
            calls.append(pc)
            pc = args[0]
        elif op == "ret":
            pc = calls.pop()
        elif op == "print":
            out.append(stack.pop())
        elif op == "halt":
            break
        else:
            raise ValueError("unknown opcode " + repr(op))
        if trace:
            print("  %2d %-6s %-5s %s" % (pc, op, args[0] if args else "", stack))
    return out, stack, env, steps

print(run([("push", 2), ("push", 3), ("add",), ("push", 4), ("mul",), ("dup",), ("print",), ("halt",)], trace=True))

def factorial_program(n):
    return [
        ("push", 1), ("store", "acc"),
        ("push", n), ("store", "n"),
        # loop at 4
        ("load", "n"), ("jz", 15),
        ("load", "acc"), ("load", "n"), ("mul",), ("store", "acc"),
        ("load", "n"), ("push", 1), ("sub",), ("store", "n"),
        ("jmp", 4),
        # end at 15
        ("load", "acc"), ("print",), ("halt",),
    ]
for n in [0, 1, 5, 20, 30]:
    out, stack, env, steps = run(factorial_program(n))
    print(n, out, steps)

# sum of squares of 1..10 using a subroutine "square" at address 20
prog = [
    ("push", 0), ("store", "total"),             # 0,1
    ("push", 10), ("store", "i"),                # 2,3
    ("load", "i"), ("jz", 17),                   # 4,5
    ("load", "i"), ("call", 20),                 # 6,7
    ("load", "total"), ("add",), ("store", "total"),  # 8,9,10
    ("load", "i"), ("push", 1), ("sub",), ("store", "i"),  # 11-14
    ("jmp", 4),                                  # 15
    ("halt",),                                   # 16 (unused)
    ("load", "total"), ("print",), ("halt",),    # 17,18,19
    ("dup",), ("mul",), ("ret",),                # 20: square
]
out, stack, env, steps = run(prog)
print(out, stack, env, steps)
# collatz length of 27 in the VM
coll = [
    ("push", 27), ("store", "n"), ("push", 0), ("store", "steps"),   # 0-3
    ("load", "n"), ("push", 1), ("sub",), ("jz", 29),                # 4-7: while n != 1
    ("load", "steps"), ("push", 1), ("add",), ("store", "steps"),    # 8-11
    ("load", "n"), ("push", 2), ("mod",), ("jz", 24),                # 12-15: odd?
    ("load", "n"), ("push", 3), ("mul",), ("push", 1), ("add",), ("store", "n"),  # 16-21
    ("jmp", 4), ("halt",),                                           # 22,23
    ("load", "n"), ("push", 2), ("div",), ("store", "n"),            # 24-27: n //= 2
    ("jmp", 4),                                                      # 28
    ("load", "steps"), ("print",), ("halt",),                        # 29-31
]
out, stack, env, steps = run(coll)
print("collatz(27) steps:", out, "vm steps:", steps, env)
try:
    run([("push", 1), ("frobnicate",)])
except ValueError as e:
    print("ValueError:", e)
try:
    run([("add",)])
except IndexError as e:
    print("IndexError:", e)
