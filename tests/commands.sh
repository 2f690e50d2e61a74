# Sourced by test scripts: the commands dhcode has, as its --help lists them
# (they come from the one table in src/cli.cpp), one a line. A description
# that wraps goes on under its column; `help [COMMAND]` stands for --help and
# is no command of the table.
dhcode_commands() {
  "$1" --help | awk '/^Subcommands:/ { inside = 1; next } /^$/ { inside = 0 }
                     inside && /^  [^ ]/ && $1 != "help" { print $1 }'
}
