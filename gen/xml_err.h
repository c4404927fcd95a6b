/*
 * xml_err — the one path libxml2's errors take into salesgen (xml_read.c).
 *
 * Only the xml_*.c files include this header: it names libxml2's error
 * type, which stays inside them.  Every handler salesgen gives libxml2
 * (parsing a document, parsing and compiling the schema, collecting the
 * validator's complaints) is built from these two, so a message is
 * trimmed, made one line and counted the same way everywhere.
 */
#ifndef SALESGEN_XML_ERR_H
#define SALESGEN_XML_ERR_H

#include <libxml/xmlerror.h>

#include "diag.h"

/* libxml2's message of e as one line without the trailing blanks and
 * newline libxml2 adds (inner newlines become spaces), or dflt when e has
 * none.  Returns a new string the caller frees. */
char	*xml_err_text(const xmlError *e, const char *dflt);

/* Errors told as they come, as diagnostics of code (whose format takes one
 * string) at the file libxml2 names (an included schema file) or else at
 * path; at most XML_ERR_MAX of them, the rest are follow-ons.  Set with
 * xmlSetStructuredErrorFunc(&catch, xml_err_tell) or any libxml2 call that
 * takes a structured error handler. */
#define XML_ERR_MAX	21
struct xml_err_catch {
	const char		*path;
	struct diag_list	*dl;
	int			 code;
	int			 n;	/* how many came, told or not */
};
void	xml_err_tell(void *catch, xmlErrorPtr e);

#endif
