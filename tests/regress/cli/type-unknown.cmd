render -t docx input.md
