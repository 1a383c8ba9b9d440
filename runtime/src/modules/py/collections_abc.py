"""collections.abc: the ABCs of krait's _collections_abc (see there)."""

from _collections_abc import *
from _collections_abc import __all__
from _collections_abc import _abc_isinstance, _abc_issubclass
