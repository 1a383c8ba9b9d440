# LEGB: local, enclosing, global, builtin lookup order.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        x = "local"
        return x
    def inner2():
        return x
    return inner(), inner2()
print(outer(), x)

def uses_builtin():
    return len("abc")
print(uses_builtin())

len = lambda s: "shadowed len"
print(len("abc"), uses_builtin())
del len
print(len("abc"))

def shadow_builtin_locally():
    max = 5
    return max
print(shadow_builtin_locally(), max(1, 2))

def three_levels():
    a = 1
    def l2():
        b = 2
        def l3():
            c = 3
            return a + b + c
        return l3()
    return l2()
print(three_levels())

y = 1
def reads_global_late():
    return y
y = 2
print(reads_global_late())

def param_shadows(x):
    return x
print(param_shadows("param"), x)
