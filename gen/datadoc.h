/*
 * datadoc — a sales document from data: an XML file (validated, with CSV
 * parts) plus the template of its kind and language, rendered to Markdown
 * and parsed into the same document model as a chapter, so the site and
 * the PDF back end treat it like any other page.
 *
 *	content/data/offerte-x.xml --xml_data--> values --sales_doc--> context
 *	templates/nl/offerte.md --tmpl (Markdown escaping)--> Markdown --md--> doc
 */
#ifndef SALESGEN_DATADOC_H
#define SALESGEN_DATADOC_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"

struct data_schema;
struct theme;
struct val;

struct datadoc {
	char		*path;		/* the XML file */
	char		*slug;		/* output stem */
	char		*kind;		/* root element: offerte, sellogram, ... */
	char		*lang;		/* nl or en */
	char		*title;		/* for lists and running heads */
	struct val	*data;		/* as loaded (and overridden by a merge row) */
	char		*logo;		/* the seller's logo, checked, or NULL */
	unsigned	 colour;	/* brand colour 0xRRGGBB, or 0xFF000000 */
	char		*terms_path;	/* an offerte's general terms: the
					   Markdown file <voorwaarden
					   bestand> names, checked, or NULL */
	char		*terms;		/* its text, read at load */
	/* set by datadoc_doc(), freed by datadoc_clear(): */
	char		*fingerprint;	/* an offerte's: 64 hex digits of
					   fp_digest() over the data and the
					   template; NULL for other kinds */
	int		 keep_ctx;	/* set before datadoc_doc() to keep */
	struct val	*ctx;		/* the template's context (ohtml.c) */
};

/* Loads and validates path (src, len bytes).  dir is the project folder
 * (CSV parts and logos must lie inside it).  Returns 0 or -1 after adding
 * diagnostics; clear with datadoc_clear() either way. */
int	datadoc_load(struct datadoc *, const char *src, size_t len,
	    const char *path, const char *dir, const struct data_schema *,
	    struct diag_list *);
void	datadoc_clear(struct datadoc *);

/* Adds the rows of the CSV text src (len bytes, read from path) to the
 * data under key ("klant", "score"), after any rows written in the XML
 * itself; every row must have the column need ("omzet12", "score").  How
 * datadoc_load() reads a bron="..." part.  Returns 0 or -1 after adding
 * diagnostics. */
int	datadoc_csv(struct datadoc *, const char *src, size_t len,
	    const char *path, const char *key, const char *need,
	    struct diag_list *);

/* Sets a field named by a path ("klant.naam", "klant.contact@naam",
 * "nummer") to value, creating maps on the way: how a mailing row
 * overrides its template.  With file, the value came from there, at
 * line:col, and diagnostics about it say so.  Returns 0, or -1 when the
 * path runs into a list or a string. */
int	datadoc_set(struct datadoc *, const char *path, const char *value,
	    const char *file, int line, int col);

/* Sets the title again from the data (after a mailing row changed it). */
void	datadoc_retitle(struct datadoc *);

/* Computes, renders and parses the document (an offerte's context gets
 * "vingerafdruk", the fingerprint's first FP_SHORT hex digits, for the
 * template and the letter layout).  Returns a new tree (free
 * with doc_free()) or NULL after adding diagnostics.  md, if not NULL,
 * receives the generated Markdown. */
struct doc_node *datadoc_doc(struct datadoc *, struct theme *,
    struct buf *md, struct diag_list *);

#endif
