# "make install": PREFIX (/usr/local), DESTDIR, and PROGRAM_PREFIX, so that
# "make install PROGRAM_PREFIX=ok-" installs ok-nm and so on beside the
# system tools.

PREFIX         ?= /usr/local
BINDIR         ?= $(PREFIX)/bin
MANDIR         ?= $(PREFIX)/share/man
PROGRAM_PREFIX ?=

.PHONY: install
install: all
	@set -e; for p in $(notdir $(BINS)); do \
		install -d $(DESTDIR)$(BINDIR); \
		if [ -L $(B)/bin/$$p ]; then \
			ln -sf $(PROGRAM_PREFIX)$$(readlink $(B)/bin/$$p) \
			    $(DESTDIR)$(BINDIR)/$(PROGRAM_PREFIX)$$p; \
		else \
			install -m 755 $(B)/bin/$$p \
			    $(DESTDIR)$(BINDIR)/$(PROGRAM_PREFIX)$$p; \
		fi; \
	done; \
	for m in $(MANS); do \
		s=$${m##*.}; n=$$(basename $$m); \
		case $$s in 5) pre= ;; *) pre=$(PROGRAM_PREFIX) ;; esac; \
		install -d $(DESTDIR)$(MANDIR)/man$$s; \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/$$pre$$n; \
	done
