check check-chapter.md
