check stdin-bad.md
