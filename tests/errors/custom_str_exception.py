# The traceback's last line uses the exception's custom __str__.
class HTTPError(Exception):
    def __init__(self, code, reason):
        super().__init__(code, reason)
        self.code = code
        self.reason = reason
    def __str__(self):
        return "%d %s" % (self.code, self.reason)

def fetch(url):
    print("fetching", url)
    raise HTTPError(404, "Not Found")

fetch("/index.html")
