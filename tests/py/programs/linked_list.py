# A singly linked list class with iteration, indexing and reversal.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def append(self, v):
        node = Node(v)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1
    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty list")
        v = self.head.value
        self.head = self.head.next
        self.size -= 1
        return v
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next
    def __len__(self):
        return self.size
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("index out of range")
    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def remove(self, v):
        prev, cur = None, self.head
        while cur:
            if cur.value == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False
    def __repr__(self):
        return "LL[" + " -> ".join(repr(v) for v in self) + "]"

ll = LinkedList([1, 2, 3])
print(ll, len(ll))
ll.append(4); ll.push(0)
print(ll, ll[0], ll[-1], ll[2])
ll.reverse()
print(ll)
print(ll.remove(2), ll.remove(99), ll.remove(4), ll)
print(ll.pop(), ll.pop(), ll, list(ll), sum(ll))
e = LinkedList()
try:
    e.pop()
except IndexError as ex:
    print("IndexError:", ex)
big = LinkedList(range(1000))
big.reverse()
print(big[0], big[999], len(big), sum(big))
print(LinkedList("abc"), [x * 2 for x in LinkedList([5, 6])])
