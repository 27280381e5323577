"""A manuscript's bibliography: ``workflow`` finds what a manuscript cites (through
``manuscripts``), loads the references, numbers them by first citation and renders the list
through ``api.export``; ``pandoc_filter`` does the same inside a pandoc run, replacing each
citation with its GOST in-text form."""
