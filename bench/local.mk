## bench/local.mk: the corpus generator and 'make bench' (not part of check).
