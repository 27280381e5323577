"""refman: a command-line reference manager with correct GOST bibliographies."""

__version__ = "0.1.0"
