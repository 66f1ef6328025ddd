"""The directives pages use, one module each, each with its ``setup_<feature>(app)``; they
stand on the rest of :mod:`..` (the domain, the deferred tables, the nodes), which never
imports them."""
