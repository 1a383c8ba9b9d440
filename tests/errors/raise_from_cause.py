# raise X from Y prints the cause first.
class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("invalid port: " + repr(text)) from e

print(parse_port("80"))
parse_port("eighty")
