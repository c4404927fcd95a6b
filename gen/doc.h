/*
 * doc — the document model both back ends read.
 *
 * One tree per chapter or document, built by md_parse.c from cmark-gfm's
 * tree and then decorated by the passes (numbering, callouts, glossary,
 * cross-references, editions).  Every node carries its source position, so
 * any later stage can point at the input that caused a problem.  Nodes own
 * their children and strings; doc_free() releases a whole tree without
 * recursion, so hostile nesting depth cannot overflow the stack.
 */
#ifndef SALESGEN_DOC_H
#define SALESGEN_DOC_H

#include <stddef.h>

enum doc_type {
	/* blocks */
	DOC_ROOT,
	DOC_PARA,
	DOC_HEADING,		/* level 1..6 */
	DOC_BLOCKQUOTE,
	DOC_CALLOUT,		/* callout; ckind, text = title */
	DOC_LIST,		/* ordered, start, tight */
	DOC_ITEM,
	DOC_CODEBLOCK,		/* text = code, info = info string */
	DOC_HTMLBLOCK,		/* text = raw HTML */
	DOC_HRULE,
	DOC_TABLE,		/* ncols, align; children: the DOC_TROWs,
				   then the caption, if any, as a last
				   DOC_PARA of level 1 (md_parse.c
				   S_caption(); text is "" then, else
				   NULL); info = a Quarto {#tbl-x} id */
	DOC_TROW,		/* header row: level = 1; ncols = its cells */
	DOC_TCELL,		/* inline content; start = its column,
				   from 0 (md_parse.c) */
	DOC_FIGURE,		/* an image alone in a paragraph; child DOC_IMAGE */
	DOC_CHART,		/* ```chart KIND: info = KIND, text = data lines */
	/* inlines */
	DOC_TEXT,		/* text */
	DOC_SOFTBREAK,
	DOC_LINEBREAK,
	DOC_CODE,		/* text */
	DOC_HTMLINLINE,		/* text */
	DOC_EMPH,
	DOC_STRONG,
	DOC_STRIKE,
	DOC_LINK,		/* url, title */
	DOC_IMAGE,		/* url, title; children = alt text */
	/* added later, kept at the end so the numbers above stay */
	DOC_FOOTREF,		/* inline: text = label, number = "1" */
	DOC_FOOTDEF,		/* block at the end: text = label, number */
	DOC_DEFLIST,		/* `Term` / `: uitleg` lines */
	DOC_DEFTERM,		/* inline content: the term */
	DOC_DEFDESC		/* blocks: one explanation */
};

enum callout_kind {
	CALLOUT_NONE = 0,
	CALLOUT_DEFINITIE,
	CALLOUT_VOORBEELD,
	CALLOUT_OPDRACHT,
	CALLOUT_ANTWOORD,
	CALLOUT_TIP,
	CALLOUT_LETOP,
	CALLOUT_VRAAG,		/* self-test questions: quiz.h */
	CALLOUT__MAX
};

struct doc_node {
	enum doc_type	 type;
	int		 line, col;	/* 1-based source position */
	char		*text;		/* owned; see enum doc_type */
	char		*url;		/* owned */
	char		*title;		/* owned */
	char		*info;		/* owned: code block info string;
					   raw HTML (raw="yes"): the tag's
					   lower-case name; a heading: the
					   id a MyST (label)= asks for; a
					   link: "term" for a {term} role */
	char		*id;		/* owned: anchor id, set by the passes */
	char		*number;	/* owned: "1.2", "Tabel 1.1"'s "1.1" */
	int		 level;		/* heading level; header row flag;
					   list item: 1 open task, 2 done;
					   raw HTML tag (info = its name):
					   1 opens, 2 closes, 3 stands alone;
					   a table's caption paragraph: 1 */
	int		 ordered, start, tight;	/* lists; a table cell's
						   start: its column */
	int		 ncols;		/* tables; a table row: its cells */
	char		*align;		/* owned: tables, ncols of 'l','c','r',0 */
	enum callout_kind ckind;	/* callouts */
	struct doc_node	*parent, *first, *last, *prev, *next;
};

/* Returns a new node; free it (with its subtree) with doc_free(). */
struct doc_node *doc_new(enum doc_type, int line, int col);
void	doc_free(struct doc_node *);

void	doc_append(struct doc_node *parent, struct doc_node *child);
/* Returns a deep copy of n's subtree (free with doc_free()); built
 * without recursion. */
struct doc_node *doc_clone(const struct doc_node *n);
/* Detaches n from its parent and siblings (it keeps its own children). */
void	doc_unlink(struct doc_node *n);

/* Pre-order walk without recursion: the node after n in document order,
 * staying inside root; NULL at the end.  With skip_children, n's subtree
 * is skipped. */
struct doc_node *doc_next(const struct doc_node *root, const struct doc_node *n,
    int skip_children);

/* Appends the plain text of n's subtree (text, code, soft breaks as spaces). */
struct buf;
void	doc_plain_text(const struct doc_node *n, struct buf *out);

const char *doc_type_name(enum doc_type);

/* A passage in another language (issue 11: an English sales document a
 * Dutch chapter embeds) is marked by two blocks around its blocks, which
 * stay where they are (the contents and numbering see them as before):
 * raw HTML blocks named "div" (info), level 1 the start, `<div
 * lang="LANG">`, level 2 the end, `</div>`, their title the language,
 * which no raw HTML block from a source has.  doc_passage() makes one
 * (lang copied, a language tag as the front matter's: letters and
 * hyphens); doc_passage_lang() is a marker's language, else NULL. */
struct doc_node *doc_passage(int start, const char *lang, int line, int col);
const char *doc_passage_lang(const struct doc_node *);

/* Maps a callout marker ("definitie", "Definition", "NOTE", ...) to its
 * kind; CALLOUT_NONE when unknown.  callout_name() gives the canonical
 * Dutch name of a kind, used in class names and anchors. */
enum callout_kind callout_lookup(const char *name, size_t len);
const char *callout_name(enum callout_kind);

#endif
