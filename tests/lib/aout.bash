# tests/lib/aout.bash: helpers for the a.out tests (load after common).
#
# hj FILE JQ [READELF OPTIONS...]: readelf --json on FILE, then jq -r JQ
# applied to the file's object.  Fails when the JSON does not parse.
hj() {
	local f=$1 q=$2
	shift 2
	"$READELF" --json "$@" "$f" | jq -er ".files[0] | $q"
}

# need_readelf: skip unless readelf is built.
need_readelf() {
	[ -x "$READELF" ] || skip "readelf is not built"
	need_cmd jq python3
}

# aout_setup: the setup() of the a.out test files.
aout_setup() {
	common_setup
	need_readelf
}
