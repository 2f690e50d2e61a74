# Sourced by test scripts: the commands dhcode has, as its --help lists them
# (they come from the one table in src/cli.cpp), one a line.
dhcode_commands() {
  "$1" --help | awk '/^Subcommands:/ { inside = 1; next } /^$/ { inside = 0 } inside { print $1 }'
}
