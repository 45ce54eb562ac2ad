"""PyYAML, imported only when a YAML text is really parsed.

Importing PyYAML costs about 12 ms, and a run whose rule packs come from the JSON cache and
that has no YAML config file parses no YAML at all. `yaml` stands for the module: its first
attribute access imports it. `SafeLoader` is what to pass as ``Loader=``: it builds PyYAML's
safe loader for the stream, the C one (``CSafeLoader``) when PyYAML was built with libyaml.
Only the safe loader is ever used, so a tag that would construct an object is an error.
"""
from __future__ import annotations


class _LazyYaml:
    """The `yaml` module, imported on first attribute access."""

    def __getattr__(self, name):
        import yaml as module

        return getattr(module, name)


yaml = _LazyYaml()


def SafeLoader(stream):  # noqa: N802 - stands for the loader class in yaml.load(..., Loader=)
    import yaml as module

    return getattr(module, "CSafeLoader", module.SafeLoader)(stream)
