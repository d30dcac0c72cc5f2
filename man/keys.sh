#!/bin/sh
# man/keys.sh: prints the KEYS section of byline(1) from src/actions.def,
# the table that also drives the reader's key map and help view.
#   man/keys.sh src/actions.def            print the section
#   man/keys.sh src/actions.def man/byline.1   rewrite it in place
set -eu
def=$1

keys () {
	printf '.SH KEYS\n'
	printf 'The reader'\''s default key bindings, from the same table as its help\n'
	printf 'screen.\n'
	printf 'Each can be changed in the configuration file with\n'
	printf '.BI "bind " "KEY ACTION"\\fR,\n'
	printf 'where\n.I ACTION\nis the name in parentheses.\n'
	sed -n -e 's|^/\* \([A-Z][A-Za-z ]*\) \*/$|S \1|p' \
		-e 's|^ACTION *([A-Z_]*, *"\([^"]*\)", *"\([^"]*\)", *N_("\(.*\)")) *$|A \1\t\2\t\3|p' "$def" |
	while IFS= read -r line; do
		case $line in
		S\ *) printf '.SS %s\n' "${line#S }" ;;
		A\ *)
			rest=${line#A }
			name=${rest%%	*}; rest=${rest#*	}
			ks=${rest%%	*}; help=${rest#*	}
			printf '.TP\n'
			out=
			for k in $ks; do
				k=$(printf '%s' "$k" | sed 's/\\/\\e/g; s/-/\\-/g')
				out="${out:+$out\\fR, }\\fB$k"
			done
			printf '%s\\fR (%s)\n' "$out" "$(printf '%s' "$name" | sed 's/-/\\-/g')"
			printf '%s\n' "$help" | sed 's/\\/\\e/g; s/-/\\-/g; s/^\./\\\&./'
			;;
		esac
	done
}

if [ $# -ge 2 ]; then
	page=$2 tmp=$2.tmp
	sed '/^\.\\" KEYS-BEGIN/q' "$page" > "$tmp"
	keys >> "$tmp"
	sed -n '/^\.\\" KEYS-END/,$p' "$page" >> "$tmp"
	mv "$tmp" "$page"
else
	keys
fi
