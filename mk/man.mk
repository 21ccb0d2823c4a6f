# Man pages: mdoc in man/, linted by "make check" (see tests/run).

MANS := $(wildcard man/*.[0-9])

.PHONY: manlint
manlint:
	@sh tests/manlint $(MANS)
