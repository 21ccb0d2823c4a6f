# "make deps": the only place that installs packages.  As root it runs
# apt-get for whatever is missing; otherwise it prints the command.
# "make demo": a short tour of the programs on a program it compiles.
# "make bench": the speed comparisons in bench/.

.PHONY: deps demo bench
deps:
	@sh mk/deps.sh

demo: all
	@sh mk/demo.sh $(CURDIR)/$(B)/bin

bench: all
	@for s in bench/*.sh; do OBJKIT_BIN=$(CURDIR)/$(B)/bin $$s || exit 1; done
