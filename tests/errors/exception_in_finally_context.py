# An exception raised in a finally block while another is propagating.
def cleanup():
    raise RuntimeError("cleanup failed")

def work():
    try:
        print("working")
        {}["missing"]
    finally:
        cleanup()

work()
