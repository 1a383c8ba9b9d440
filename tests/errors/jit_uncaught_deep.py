# An exception raised five frames below a hot loop (after the loop has run ~2500
# iterations), not caught: the traceback must list every frame, including the
# loop's line, exactly as the interpreter would.

class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        return self._check(amount)

    def _check(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds: %d > %d" % (amount, self.balance))
        self.balance -= amount
        return self.balance

def pay(acct, amount):
    return acct.withdraw(amount)

def settle(acct, i):
    return pay(acct, i % 7 + 1)

def main():
    acct = Account(10000)
    total = 0
    for i in range(100000):
        total += settle(acct, i)
        if i % 1000 == 0:
            print(i, acct.balance, total)
    print("unreachable", total)

main()
