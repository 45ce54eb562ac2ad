"""newslint's version, in a module of its own: the cache keys name it, and a module that needs
it imports this leaf instead of the package's top level (which would be an import circle)."""

__version__ = "0.1.0"
