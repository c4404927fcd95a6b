# Helpers for tests/harden/*.sh cases (sourced; $1 SALESGEN, $2 TOP, $3 TMP).
SG=$1
TOP=$2
T=$3

# fail MESSAGE: print it and stop the case.
fail() { printf '%s\n' "$*"; exit 1; }

# project DIR: a minimal two-chapter project.
project() {
	mkdir -p "$1/content"
	printf '# Eerste\n\nTekst van het eerste hoofdstuk.\n' > "$1/content/01-eerste.md"
	printf '# Tweede\n\nTekst van het tweede hoofdstuk.\n' > "$1/content/02-tweede.md"
}

# run OUTFILE CMD...: run CMD with stdout+stderr into OUTFILE; echo its status.
run() {
	o=$1; shift
	"$@" > "$o" 2>&1
	echo $?
}

# no_secret DIR: fail when any file under DIR holds the canary text.
CANARY=c4nary-0f-the-outside
no_secret() {
	if grep -rl "$CANARY" "$1" 2>/dev/null | head -3 | grep -q .; then
		fail "outside text published under $1: $(grep -rl "$CANARY" "$1" | head -3)"
	fi
}

# outside_file: a file outside every project, holding the canary.
outside_file() {
	mkdir -p "$T/outside"
	printf '%s\n' "$CANARY" > "$T/outside/secret.txt"
	echo "$T/outside/secret.txt"
}
