render --edition xyz input.md
