import string

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation))
print(repr(string.printable))
print(repr(string.whitespace), len(string.printable))
print(string.capwords(' hello   world  foo '), string.capwords('a-b-c', '-'), repr(string.capwords('')))
print(string.capwords("they're bill's friends"))
print(all(c in string.printable for c in string.ascii_letters), sorted(set(string.hexdigits) - set(string.digits)))
t = string.Template('$who likes ${what}; $$5 each')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}))
print(t.substitute({'who': 'x'}, what='y'), t.template)
print(string.Template('$a and $b').safe_substitute(a=1), string.Template('$x $').safe_substitute(x=1))
for tmpl in ['hi $', 'line\nnext $1', '${ok} ${1bad}']:
    try:
        string.Template(tmpl).substitute(ok=1)
    except ValueError as e:
        print('ValueError', e)
try:
    string.Template('$missing').substitute()
except KeyError as e:
    print('KeyError', e)
print(string.Template('$a $b ${a}').get_identifiers(), string.Template('$a $').is_valid(), string.Template('$a').is_valid())


class Percent(string.Template):
    delimiter = '%'


print(Percent('%name is %% %{age}').substitute(name='Ann', age=7))
