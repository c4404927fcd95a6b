/*
 * xml — reading XML the safe way, and the project settings file.
 *
 * xml_read.c is the one place libxml2 parses anything: no network, no
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

/* Parses and validates a data document (len bytes from path) and returns
 * its value tree (free with val_free()), setting *kind to the root
 * element's name (caller frees); NULL after adding diagnostics.  schema
 * may be NULL to skip validation (tests). */
struct val *xml_data_load(const char *src, size_t len, const char *path,
    const struct data_schema *, char **kind, struct diag_list *);

#endif
