# A small bank-account simulation with classes and exceptions.
class InsufficientFunds(Exception):
    pass

class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.log = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.log.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("%s: balance %d < %d" % (self.owner, self.balance, amount))
        self.balance -= amount
        self.log.append(("wd", amount))
    def __repr__(self):
        return "Account(#%d %s %d)" % (self.id, self.owner, self.balance)

class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = int(self.balance * self.rate)
        self.deposit(interest)
        return interest

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, amount=0):
        acct = cls(owner, amount)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        self.accounts[src].withdraw(amount)
        self.accounts[dst].deposit(amount)
    def total(self):
        return sum(a.balance for a in self.accounts.values())

bank = Bank()
a = bank.open(Account, "alice", 100)
b = bank.open(Savings, "bob", 1000)
c = bank.open(Account, "carol")
print(bank.accounts)
ops = [(1, 2, 50), (2, 3, 300), (3, 1, 1000), (1, 3, 50), (2, 1, 0), (9, 1, 5)]
for src, dst, amt in ops:
    try:
        bank.transfer(src, dst, amt)
        print("transfer", src, "->", dst, amt, "ok")
    except InsufficientFunds as e:
        print("failed:", e)
    except ValueError as e:
        print("invalid:", e)
    except KeyError as e:
        print("no such account:", e)
print(bank.accounts, bank.total())
for month in range(3):
    print("interest", b.add_interest(), b)
print(a.log, b.log, c.log)
print(sorted(bank.accounts.values(), key=lambda x: -x.balance))
