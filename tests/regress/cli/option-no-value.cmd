render input.md -o
