# Exact messages of exceptions raised by builtin operations.
def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

attempt("1/0", lambda: 1 / 0)
attempt("1//0", lambda: 1 // 0)
attempt("1%0", lambda: 1 % 0)
attempt("1.0/0", lambda: 1.0 / 0)
attempt("1.0//0.0", lambda: 1.0 // 0.0)
attempt("divmod(1,0)", lambda: divmod(1, 0))
attempt("0**-1", lambda: 0 ** -1)
attempt("dict key", lambda: {"a": 1}["b"])
attempt("dict int key", lambda: {}[42])
attempt("dict tuple key", lambda: {}[(1, 2)])
attempt("list index", lambda: [1, 2, 3][3])
attempt("list neg index", lambda: [1][-2])
attempt("tuple index", lambda: (1,)[5])
attempt("str index", lambda: "abc"[10])
attempt("empty pop", lambda: [].pop())
attempt("pop index", lambda: [1].pop(5))
attempt("remove", lambda: [1, 2].remove(3))
attempt("list index()", lambda: [1, 2].index(3))
attempt("str index()", lambda: "abc".index("z"))
attempt("int+str", lambda: 1 + "a")
attempt("str+int", lambda: "a" + 1)
attempt("list+tuple", lambda: [1] + (1,))
attempt("int-None", lambda: 3 - None)
attempt("str*float", lambda: "a" * 2.5)
attempt("neg unary str", lambda: -"a")
attempt("int<str", lambda: 1 < "a")
attempt("list>int", lambda: [] > 0)
attempt("int('x')", lambda: int("x"))
attempt("int('1.5')", lambda: int("1.5"))
attempt("int('')", lambda: int(""))
attempt("float('abc')", lambda: float("abc"))
attempt("int(None)", lambda: int(None))
attempt("len(5)", lambda: len(5))
attempt("iter(5)", lambda: iter(5))
five = 5
nothing = None
attempt("5[0]", lambda: five[0])
attempt("subscript None", lambda: nothing[0])
one_list = [1]
attempt("list['a']", lambda: one_list["a"])
attempt("dict unhashable", lambda: {[]: 1})
attempt("set unhashable", lambda: {[1]})
def str_assign():
    s = "abc"
    s[0] = "x"
def tuple_assign():
    t = (1,)
    t[0] = 2
def unpack_many():
    a, b = [1, 2, 3]
def unpack_few():
    a, b, c = [1, 2]
def unpack_int():
    a, b = 5
attempt("str item assign", str_assign)
attempt("tuple item assign", tuple_assign)
attempt("unpack too many", unpack_many)
attempt("unpack too few", unpack_few)
attempt("unpack non-iter", unpack_int)
attempt("chr(-1)", lambda: chr(-1))
attempt("min([])", lambda: min([]))
attempt("max()", lambda: max(1))
attempt("next(iter([]))", lambda: next(iter([])))
attempt("ord('ab')", lambda: ord("ab"))
attempt("'%d' % 'x'", lambda: "%d" % "x")
attempt("'{}'.format()", lambda: "{} {}".format(1))
attempt("range(1.5)", lambda: range(1.5))
attempt("round overflow", lambda: int(float("inf")))
attempt("int(nan)", lambda: int(float("nan")))
attempt("sum strs", lambda: sum(["a", "b"]))
