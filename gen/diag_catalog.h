/*
 * diag_catalog.h — every message salesgen can print, with its severity.
 *
 * X-macro table: D(code, level, format).  The text is stable (tests compare
 * it as golden output) and each entry is documented in salesgen(1) under
 * DIAGNOSTICS; tests/unit/test_diag.c checks that the man page lists them all.
 * Keep the table sorted by area.  A warning marked STRICT becomes an error
 * under --strict.
 */

/* command line and files */
D(DIAG_USAGE,            DIAG_ERROR,   "%s")
D(DIAG_NO_FILE,          DIAG_ERROR,   "cannot open '%s': %s")
D(DIAG_WRITE,            DIAG_ERROR,   "cannot write '%s': %s")
D(DIAG_PATH_ESCAPE,      DIAG_ERROR,   "path '%s' leads outside the project")
D(DIAG_NOT_REGULAR,      DIAG_ERROR,   "not a regular file (a FIFO, device or socket is not read)")
D(DIAG_TOO_LARGE,        DIAG_ERROR,   "larger than %d MiB, the limit for an input file")
D(DIAG_NO_CHAPTERS,      DIAG_ERROR,   "no chapters: '%s' holds no .md files")
D(DIAG_WROTE,            DIAG_NOTE,    "wrote '%s'")
D(DIAG_SOURCE_DATE,      DIAG_ERROR,   "SOURCE_DATE_EPOCH '%s' is not a number of seconds since 1970 (0 to 253402300799, the end of 9999)")

/* project configuration (salesgen.xml) */
D(DIAG_XML,              DIAG_ERROR,   "%s")
D(DIAG_XML_UTF8,         DIAG_ERROR,   "invalid UTF-8 (byte 0x%02X): save the file as UTF-8, or convert it, e.g. with iconv -f WINDOWS-1252 -t UTF-8")
D(DIAG_XML_NUL,          DIAG_ERROR,   "NUL byte: this is not a text file")
D(DIAG_CONFIG_ROOT,      DIAG_ERROR,   "root element is <%s>, expected <course>")
D(DIAG_CONFIG_ELEM,      DIAG_WARNING, "unknown element <%s> in <%s> is ignored")
D(DIAG_CONFIG_VALUE,     DIAG_ERROR,   "invalid value '%s' for %s (expected %s)")
D(DIAG_CONFIG_CHAPTER,   DIAG_ERROR,   "chapter '%s' is listed but does not exist")
D(DIAG_CONFIG_DUP,       DIAG_ERROR,   "chapter '%s' is listed twice")
D(DIAG_PAGE_CLASH,       DIAG_ERROR,   "chapter '%s' has the name of the site's own page '%s'; rename the chapter")
D(DIAG_OUTPUT_CLASH,     DIAG_ERROR,   "'%s' and '%s' would both be written to '%s'; rename one")
D(DIAG_TOC_YAML,         DIAG_ERROR,   "table of contents: %s")
D(DIAG_TOC_ENTRY,        DIAG_WARNING, "'%s' is named in the table of contents but is no chapter here; it is left out")
D(DIAG_TOC_LEFT_OUT,     DIAG_NOTE,    "'%s' is not in the table of contents (%s) and is left out")
D(DIAG_LANDING_ONLY,     DIAG_NOTE,    "'%s' is left out: '%s' is the landing page")
D(DIAG_ORDER_SOURCE,     DIAG_NOTE,    "chapter order from %s")

/* Markdown and the course model */
D(DIAG_MD_UTF8,          DIAG_WARNING, "invalid UTF-8 (byte 0x%02X), shown as U+FFFD; save the file as UTF-8 (later bad bytes are not reported)")
D(DIAG_MD_NUL,           DIAG_WARNING, "NUL byte, shown as U+FFFD (later bad bytes are not reported)")
D(DIAG_FRONT_MATTER,     DIAG_ERROR,   "front matter: %s")
D(DIAG_FM_VALUE,         DIAG_ERROR,   "front matter: '%s' must be %s")
D(DIAG_CALLOUT_KIND,     DIAG_ERROR,   "unknown callout kind '%s' (expected definitie, voorbeeld, opdracht, antwoord, tip or let-op)")
D(DIAG_HEADING_LEVEL,    DIAG_NOTE,    "heading level %d is set as level %d: %s")
D(DIAG_DEF_NO_TERM,      DIAG_WARNING, "definition has no term: write '> [!definitie] Term'")
D(DIAG_DUP_TERM,         DIAG_WARNING, "term '%s' is defined twice (first at %s:%d)")
D(DIAG_XREF_CHAPTER,     DIAG_ERROR,   "link to '%s': no such chapter in this project")
D(DIAG_XREF_ANCHOR,      DIAG_ERROR,   "link to '%s': no heading or anchor '%s' there")
D(DIAG_RAW_HTML,         DIAG_NOTE,    "raw HTML is shown as text; set <html raw=\"yes\"/> in salesgen.xml to pass it through")
D(DIAG_UNSAFE_URL,       DIAG_WARNING, "link target '%s' uses a scheme that is not allowed and is dropped")
D(DIAG_COMPAT_DIRECTIVE, DIAG_WARNING, "directive '%s' is not supported: its content is kept as text")
D(DIAG_COMPAT_ROLE,      DIAG_WARNING, "role '{%s}' is not supported: its text is kept")
D(DIAG_HTML_PDF,         DIAG_NOTE,    "HTML element <%s> is left out of the PDF (and every other one in this file)")
D(DIAG_IMAGE_MISSING,    DIAG_WARNING, "image '%s' not found")
D(DIAG_IMAGE_BAD,        DIAG_ERROR,   "image '%s': %s")
D(DIAG_IMAGE_WARN,       DIAG_WARNING, "image '%s': %s")
D(DIAG_LINK_MISSING,     DIAG_WARNING, "linked file '%s' not found")

/* templates */
D(DIAG_TMPL_SYNTAX,      DIAG_ERROR,   "template: %s")
D(DIAG_TMPL_MISSING,     DIAG_WARNING, "template variable '%s' is not defined")
D(DIAG_TMPL_PARTIAL,     DIAG_WARNING, "template partial '%s' not found")
D(DIAG_TMPL_DEPTH,       DIAG_ERROR,   "template: partials nested deeper than %d levels")
D(DIAG_TMPL_NOT_FOUND,   DIAG_ERROR,   "template '%s' not found in the project or the built-in set")

/* PDF typesetting */
D(DIAG_FONT,             DIAG_ERROR,   "font '%s': %s")
D(DIAG_GLYPH,            DIAG_WARNING, "character U+%04X ('%s') is not in font %s")
D(DIAG_PDF,              DIAG_ERROR,   "cannot put %s into the PDF: %s")
D(DIAG_IMAGE_FORMAT,     DIAG_WARNING, "image '%s' is not a PNG, JPEG, GIF, WebP or SVG file and is left out of the PDF")
D(DIAG_OVERFULL,         DIAG_NOTE,    "no good line breaks in this paragraph; set ragged where it would be too loose")
D(DIAG_LONG_WORD,        DIAG_NOTE,    "'%s' is wider than the line and is broken inside, without a hyphen")
D(DIAG_TABLE_WIDE,       DIAG_WARNING, "table has %d columns, more than the %d that fit the PDF's measure; each row is set as lines 'column: value'")
D(DIAG_NEST_DEEP,        DIAG_NOTE,    "lists, quotes and callouts nested deeper than %d levels are set at the indentation of level %d in the PDF")

/* sales data */
D(DIAG_SCHEMA,           DIAG_ERROR,   "%s")
D(DIAG_SCHEMA_ROOT,      DIAG_ERROR,   "<%s> is not a salesgen document kind; the kinds are %s")
D(DIAG_SCHEMA_ATTR,      DIAG_ERROR,   "<%s> has no attribute '%s'; it takes %s")
D(DIAG_SCHEMA_VALUE,     DIAG_ERROR,   "<%s %s=\"%s\">: expected %s")
D(DIAG_SCHEMA_NEED_ATTR, DIAG_ERROR,   "<%s> lacks the attribute '%s': expected %s")
D(DIAG_SCHEMA_TEXT,      DIAG_ERROR,   "<%s> holds '%s': expected %s")
D(DIAG_SCHEMA_CHILD,     DIAG_ERROR,   "<%s> does not belong in <%s>; it takes %s")
D(DIAG_SCHEMA_NEED_CHILD, DIAG_ERROR,  "<%s> lacks the element <%s>")
D(DIAG_SCHEMA_REPEAT,    DIAG_ERROR,   "<%s> appears again in <%s>, which takes one")
D(DIAG_DATA_NS,          DIAG_ERROR,   "<%s> is not a salesgen document: expected xmlns=\"%s\"")
D(DIAG_DATA_KIND,        DIAG_ERROR,   "no template for document kind '%s' in language '%s'")
D(DIAG_DATA_VALUE,       DIAG_ERROR,   "%s: '%s' is not %s")
D(DIAG_DATA,             DIAG_ERROR,   "%s")
D(DIAG_DATA_WARN,        DIAG_WARNING, "%s")
D(DIAG_CSV,              DIAG_ERROR,   "%s")
D(DIAG_CSV_CP1252,       DIAG_NOTE,    "not UTF-8 (byte 0x%02X): the file is read as Windows-1252, as Excel saves plain 'CSV'; save it as 'CSV UTF-8' to be sure of every character")
D(DIAG_MERGE_COLUMN,     DIAG_ERROR,   "column '%s' names no element or attribute of <%s>%s; to keep it unused, begin its name with '_'%s")
D(DIAG_MERGE_IGNORE,     DIAG_WARNING, "--ignore '%s' names no column of this file")
D(DIAG_MERGE_SHORT,      DIAG_ERROR,   "row has only %zu of the header's %zu cells: every column needs one (an empty cell empties its field); the row is not written")
D(DIAG_MERGE_LONG,       DIAG_ERROR,   "row has %zu cells, the header %zu (a value holding the separator must be quoted); the row is not written")
D(DIAG_MERGE_DATE,       DIAG_ERROR,   "%s: '%s' is no date: %s")
D(DIAG_MERGE_CLASH,      DIAG_ERROR,   "document '%s' has the same file name as the row at line %d ('%s'); neither is written")
D(DIAG_CHART,            DIAG_ERROR,   "chart: %s")
