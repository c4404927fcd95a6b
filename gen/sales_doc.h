/*
 * sales_doc — the arithmetic of each document kind applied to its data:
 * from the values as written (xml_data.c) to the context its template
 * reads, every amount computed with sales.c and formatted for the
 * document's language.  A kind without computations passes its data
 * through.  Adding a kind means a template and, where it computes, one
 * function here.
 */
#ifndef SALESGEN_SALES_DOC_H
#define SALESGEN_SALES_DOC_H

#include "diag.h"

struct val;

/* Returns a new context (free with val_free()) for kind's template, or
 * NULL after adding diagnostics at path (a value the schema let through
 * but the arithmetic cannot use, such as a price below the variable
 * cost).  CSV parts (bron="...") have been read into data already. */
struct val *sales_context(const char *kind, const struct val *data,
    const char *lang, const char *path, struct diag_list *);

/*
 * Applies a client's selection to an offerte's data (data is changed in
 * place), as the interactive HTML offer lets the client make it:
 * comma-separated items, lines and choices numbered from 1 in document
 * order (a <keuze>'s lines counted where they stand):
 *	regelN=on	the optional line N is taken (no longer optional)
 *	regelN=off	it is not (as the data has it)
 *	regelN=Q	line N's quantity is Q, within its aantal-min..-max
 *	keuzeN=K	the K-th line of <keuze> N is the chosen one
 * Returns 0, or -1 after adding a DIAG_SELECT for each bad item.
 */
int	sales_select(struct val *data, const char *spec, struct diag_list *);

#endif
