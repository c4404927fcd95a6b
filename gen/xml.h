/*
 * xml — reading XML the safe way, and the project settings file.
 *
 * xml_read.c is the one place libxml2 parses anything, and the one path
 * its errors take (xml_err.h, for the xml_*.c files): no network, no
 * external entities, no DTD loading, no entity substitution, and a document
 * that declares a DTD with entities is refused, so XXE and "billion laughs"
 * files fail fast with a diagnostic instead of being expanded.  Parse errors
 * become file:line:col diagnostics.
 */
#ifndef SALESGEN_XML_H
#define SALESGEN_XML_H

#include <stddef.h>

#include "course.h"
#include "diag.h"

struct _xmlDoc;

/* Parses len bytes read from path.  Returns a new libxml2 document (free
 * with xml_doc_free()) or NULL after adding DIAG_XML diagnostics. */
struct _xmlDoc *xml_read(const char *src, size_t len, const char *path,
    struct diag_list *);
void	xml_doc_free(struct _xmlDoc *);

/* Reads the project settings file at path into c (title, author, language,
 * raw HTML, site edition, chapter list); chapter file names listed there are
 * appended to *list (caller frees each and the array).  Returns 0 or -1
 * after adding diagnostics. */
int	xml_config(const char *path, struct course *c, char ***list,
	    size_t *nlist, struct diag_list *);

/* xml_data.c: the data documents' schema, parsed once from the theme
 * (templates/schema/salesgen.rng); shareable between threads. */
struct data_schema;
struct theme;
struct val;
struct data_schema *data_schema_new(struct theme *, struct diag_list *);
void	data_schema_free(struct data_schema *);

/* xml_explain.c: what a schema violation means, in words.  Built from the
 * schema's text (NULL if it does not parse); read-only afterwards, so
 * shareable between threads. */
struct _xmlNode;
struct xml_explain;
struct xml_explain *xml_explain_new(const char *src, size_t len);
void	xml_explain_free(struct xml_explain *);
/* Adds a diagnostic (file:line:col) for each way element n of a document
 * (source text src, len bytes, from path) departs from the schema:
 * unknown or missing attributes and children, values not of their type.
 * Returns how many; 0 when it finds nothing to say, and the caller keeps
 * libxml2's own message. */
int	xml_explain_node(const struct xml_explain *, struct _xmlNode *n,
	    const char *src, size_t len, const char *path, struct diag_list *);

/* Whether path ("klant.contact@naam", "nummer") names an element or
 * attribute the schema offers in a document of this kind: 1 yes, 0 no.
 * With value, -1 when the value is not of the field's type, what it
 * should be appended to want.  1 without an explanation table. */
struct buf;
int	xml_explain_field(const struct xml_explain *, const char *kind,
	    const char *path, const char *value, struct buf *want);
/* The explanation table of a data schema (NULL if it has none). */
const struct xml_explain *data_schema_explain(const struct data_schema *);

/* Where each element's start tag begins in src, the text doc was parsed
 * from (libxml2 keeps only the line a tag ends on): one scan, the result
 * hung on each element's _private for xml_locate().  Free the returned
 * table (with free()) after the document. */
struct xml_pos {
	size_t	off;		/* of the '<' in src */
	int	line, col;
};
struct xml_pos *xml_positions(struct _xmlDoc *, const char *src, size_t len);

/* The line and column of element n's start tag, or of its attribute attr
 * (if not NULL) inside it; without xml_positions(), libxml2's line and
 * column 0. */
void	xml_locate(struct _xmlNode *n, const char *attr, const char *src,
	    size_t len, int *line, int *col);

/* Parses and validates a data document (len bytes from path) and returns
 * its value tree (free with val_free()), setting *kind to the root
 * element's name (caller frees); NULL after adding diagnostics.  schema
 * may be NULL to skip validation (tests). */
struct val *xml_data_load(const char *src, size_t len, const char *path,
    const struct data_schema *, char **kind, struct diag_list *);

#endif
